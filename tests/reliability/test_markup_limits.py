"""Markup that is cheap to send and costly to parse: tags with a huge number of
attributes (libxml2 checks each against the ones before it). Each page is extracted
within the bound, and the article around the hostile tag survives."""

from __future__ import annotations

import pytest

from article_ingest.extract.html.parse import parse
from article_ingest.extract.html.vocabulary import MAX_TAG_ATTRIBUTES
from article_ingest.models import Article

from .support import PARAGRAPH, page, run

ARTICLE = f"<article><h1>Trams expand</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>"
COUNT = 100_000

# The attribute spellings the HTML tokenizer accepts: quoted, bare names, no space
# after a quoted value, slashes between attributes.
ATTRIBUTES = {
    "quoted": " ".join(f'a{i}="1"' for i in range(COUNT)),
    "bare-names": " ".join(f"a{i}" for i in range(COUNT)),
    "no-space": "".join(f'a{i}="1"' for i in range(COUNT)),
    "slashes": "/".join(f'a{i}="1"' for i in range(COUNT)),
    "unquoted": " ".join(f"a{i}=1" for i in range(COUNT)),
}


@pytest.mark.parametrize("attributes", ATTRIBUTES.values(), ids=ATTRIBUTES.keys())
def test_extract_tag_with_100k_attributes_is_bounded(attributes: str) -> None:
    # Given one element with 100,000 distinct attributes (~0.7-1.1 MB) before the article
    html = page(f"<p {attributes}>text</p>{ARTICLE}")
    # When extracted / Then within the bound, and the article is read
    outcome = run(html)
    assert isinstance(outcome, Article)
    assert outcome.headline == "Trams expand"
    assert PARAGRAPH in outcome.body


def test_tag_attributes_beyond_the_limit_are_cut() -> None:
    # Given a tag with more attributes than the limit, then an ordinary one
    many = " ".join(f'data-x{i}="{i}"' for i in range(MAX_TAG_ATTRIBUTES + 50))
    root = parse(f"<html><body><div id='a' {many}>one</div><p class='b'>two</p></body></html>")
    # When parsed
    assert root is not None
    div, p = root.find(".//div"), root.find(".//p")
    # Then the first attributes are kept, the rest dropped, and the markup after it intact
    assert div is not None and p is not None
    assert len(div.attrib) == MAX_TAG_ATTRIBUTES
    assert div.get("id") == "a" and div.text == "one"
    assert p.get("class") == "b" and p.text == "two"


def test_tags_within_the_limit_are_untouched() -> None:
    # Given a tag with exactly the limit of attributes, values holding '>' and quotes
    attributes = " ".join(f"data-x{i}='a>\"{i}\"'" for i in range(MAX_TAG_ATTRIBUTES))
    root = parse(f"<html><body><div {attributes}>one</div></body></html>")
    # When parsed
    assert root is not None
    div = root.find(".//div")
    # Then every attribute is kept as written
    assert div is not None
    assert len(div.attrib) == MAX_TAG_ATTRIBUTES
    assert div.get(f"data-x{MAX_TAG_ATTRIBUTES - 1}") == f'a>"{MAX_TAG_ATTRIBUTES - 1}"'


@pytest.mark.parametrize(
    "markup",
    [
        "<a" * 500_000,
        "<a b=" * 200_000,
        '<a b="' * 200_000,
        # In a comment: 200,000 tags for the scan, none for the tree.
        "<!--" + "<p a b c>x</p>" * 200_000 + "-->",
        ("<p " + " ".join(f'a{i}="1"' for i in range(MAX_TAG_ATTRIBUTES - 1)) + ">t</p>") * 2_000,
    ],
    ids=["lt-chain", "unquoted-chain", "unclosed-quotes", "200k-small-tags", "2k-tags-at-limit"],
)
def test_attribute_scan_is_linear_on_degenerate_markup(markup: str) -> None:
    # Given markup built to make a tag scanner backtrack or rescan
    # When extracted / Then within the bound (the scan itself takes milliseconds)
    run(page(markup + ARTICLE))


def test_extract_article_before_200k_table_cells_is_bounded() -> None:
    # Given an article with a visible byline and date, then 200,000 unclosed table cells
    article = (
        "<article><h1>Trams expand</h1><p class='byline'>By Jane Doe</p>"
        "<p class='date'>Published 5 May 2024</p>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>"
    )
    # When extracted / Then within the bound, with the byline and the article read
    outcome = run(page(article + "<table>" + "<tr><td>x" * 200_000 + "</table>"))
    assert isinstance(outcome, Article)
    assert outcome.authors == ["Jane Doe"]
    assert outcome.published_at is not None and outcome.published_at.startswith("2024-05-05")
    assert PARAGRAPH in outcome.body
