"""A short schemathesis run against the local stack's own OpenAPI document: no 5xx.

The long run is `benchmarks/fuzz_api.py` (make fuzz); this one is bounded (< 60 s).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

FUZZ_SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_api.py"


def _fuzz_module() -> Any:
    spec = importlib.util.spec_from_file_location("fuzz_api", FUZZ_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_api_schema_fuzz_never_answers_5xx(local_stack: Any) -> None:
    # Given the local stack and its OpenAPI document
    pytest.importorskip("schemathesis")
    fuzz = _fuzz_module().fuzz
    # When schemathesis sends generated requests to every operation (bounded run)
    report = fuzz(local_stack.url, examples=40, seconds=45, seed=0)
    # Then every answer was a documented status, never a server error
    assert report.operations >= 4 and report.requests >= 4 * 20
    assert report.server_errors == [], report.as_json()
