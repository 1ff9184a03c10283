"""docs/reliability.md names a test for every row: each one it names exists."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FOLDERS = {"R": "reliability", "U": "unit", "I": "integration"}
_REFERENCE_RE = re.compile(r"`([RUI])/([\w/]+\.py)::(\w+)")


def test_every_test_the_reliability_doc_names_exists() -> None:
    # Given the tests docs/reliability.md names (R/, U/, I/ paths)
    doc = (REPO / "docs" / "reliability.md").read_text(encoding="utf-8")
    references = _REFERENCE_RE.findall(doc)
    assert len(references) > 50
    # Then each is a test function of that file
    missing = []
    for folder, path, name in references:
        source = REPO / "tests" / FOLDERS[folder] / path
        if not source.is_file() or f"def {name}(" not in source.read_text(encoding="utf-8"):
            missing.append(f"{folder}/{path}::{name}")
    assert not missing, missing
