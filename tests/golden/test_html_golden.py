"""Golden cases: tests/golden/html/<case>.html against <case>.expected.json.

`expected` is the extractor's reviewed output (refresh with
`python tests/golden/html/regenerate.py` and review the diff); `truth` is the
benchmark's own annotation, used by tests/unit/test_quality_floor.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from article_ingest.extract import extract_html

# The fields regenerate.py stores for every case.
FIELDS = {"headline", "display_headline", "authors", "published_at", "modified_at",
          "publisher", "language", "canonical_url", "paragraphs", "blocks"}  # fmt: skip

HERE = Path(__file__).resolve().parent / "html"
CASES = sorted(HERE.glob("*.expected.json"))


def _load(path: Path) -> tuple[dict[str, Any], str]:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    html = path.with_name(path.name.replace(".expected.json", ".html")).read_text("utf-8")
    return case, html


@pytest.mark.parametrize("path", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_html_golden_case_matches_expected(path: Path) -> None:
    # Given a stored page and its reviewed extraction
    case, html = _load(path)
    # When the page is extracted
    article = extract_html(html, url=case.get("url")).model_dump(mode="json")
    # Then every stored field is reproduced
    for name, value in case["expected"].items():
        assert article[name] == value, name


def test_html_golden_cases_exist() -> None:
    # Given the golden folder
    # Then it holds a handful of cases across languages
    assert len(CASES) >= 8


@pytest.mark.parametrize("path", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_html_golden_case_is_well_formed(path: Path) -> None:
    # Given a golden case file
    case, html = _load(path)
    # Then it names its source, holds the set's own truth and every expected field
    assert set(case) >= {"source", "url", "truth", "expected"}
    assert case["source"].split("/")[0] in {
        "fundus-dev", "scrapinghub", "trafilatura-eval-dev", "htmldate-eval-dev", "readability-dev",
    }  # fmt: skip
    assert case["truth"] and html.strip()
    assert set(case["expected"]) == set(FIELDS)
