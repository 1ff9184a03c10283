"""Golden cases: every tests/golden/cases/*.expected.json against the text extractor.

Each case names its input (a path relative to the repo root) and the fields the
extraction must produce. Text is compared after the normalisation the service
applies (Unicode NFKC as the cases' notes say, white space collapsed); tickers
are the service's job and are not checked here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from article_ingest.extract import extract_text
from article_ingest.models import ExtractedArticle

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((ROOT / "tests" / "golden" / "cases").glob("*.expected.json"))
_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    """The service's text normalisation: NFKC, white space collapsed and trimmed."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def _load(case: Path) -> tuple[dict[str, Any], ExtractedArticle]:
    expected: dict[str, Any] = json.loads(case.read_text(encoding="utf-8"))
    if expected.get("content_type", "text/plain") != "text/plain":
        pytest.skip("not a plain-text case")
    text = (ROOT / expected["input"]).read_text(encoding="utf-8")
    return expected, extract_text(text)


@pytest.fixture(params=CASES, ids=[c.name.removesuffix(".expected.json") for c in CASES])
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], ExtractedArticle]:
    return _load(request.param)


def test_golden_metadata_matches(case: tuple[dict[str, Any], ExtractedArticle]) -> None:
    # Given a golden case and its extraction
    expected, got = case
    # Then headline, authors, publisher and timestamp are exactly the expected ones
    assert norm(got.headline) == norm(expected["headline"])
    assert [norm(a) for a in got.authors] == [norm(a) for a in expected["authors"]]
    if "publisher" in expected:
        assert got.publisher == expected["publisher"]
    assert got.published_at == expected["published_at"]


def test_golden_summary_and_body_match(case: tuple[dict[str, Any], ExtractedArticle]) -> None:
    # Given a golden case and its extraction
    expected, got = case
    # Then the key points and body paragraphs are the expected ones, in order
    assert [norm(s) for s in got.summary] == [norm(s) for s in expected.get("summary", [])]
    assert [norm(p) for p in got.paragraphs] == [norm(p) for p in expected["body_paragraphs"]]
    # And every subheading is its own paragraph
    for heading in expected.get("subheadings", []):
        assert norm(heading) in [norm(p) for p in got.paragraphs]


def test_golden_captions_are_images_not_body(
    case: tuple[dict[str, Any], ExtractedArticle],
) -> None:
    # Given a golden case and its extraction
    expected, got = case
    captions = [norm(im.caption or "") for im in got.images]
    body = "\n".join(norm(p) for p in got.paragraphs)
    # Then each caption is an image exactly once and never part of the body
    for caption in expected.get("image_captions", []):
        assert captions.count(norm(caption)) == 1
        assert norm(caption) not in body
    # And every image with a "(Photo by ...)" caption has its credit parsed out
    for image in got.images:
        if image.caption and "Photo by" in image.caption:
            assert image.credit and image.credit in image.caption
            assert not image.credit.startswith("Photo by")


def test_golden_furniture_is_absent(case: tuple[dict[str, Any], ExtractedArticle]) -> None:
    # Given a golden case and its extraction
    expected, got = case
    fields = [got.headline, *got.summary, *got.paragraphs, *got.authors]
    # Then no furniture string appears in any text field
    for needle in expected.get("must_not_appear_in_any_text_field", []):
        assert not any(needle in norm(f) for f in fields), needle
    # And no paragraph is a bare widget label
    paragraphs = {norm(p) for p in got.paragraphs}
    for label in expected.get("must_not_be_a_paragraph", []):
        assert norm(label) not in paragraphs
