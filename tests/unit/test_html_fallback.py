"""HTML body safety net: clean-up never costs the article; fallbacks warn the client."""

from __future__ import annotations

from article_ingest.extract import extract_html

SENTENCES = [
    "The harbour authority said on Monday that the new pier would open in the spring, "
    "two years later than planned, after storms damaged the foundations twice.",
    "Fishermen, who have used a temporary jetty since 2022, welcomed the date but asked "
    "for compensation for the lost season, which they put at several thousand euros each.",
    "The regional government has promised to cover half of the cost overrun, while the "
    "rest will come from harbour fees that rise by four per cent from next year.",
]


def _paragraphs(tag: str = "p") -> str:
    return "".join(f"<{tag}>{s}</{tag}>" for s in SENTENCES)


def test_body_survives_a_wrapper_named_like_a_widget() -> None:
    # Given a theme whose whole content column sits in a wrapper named "widget" (a name
    # clean-up removes unless it holds most of the page's text), on a page whose cookie
    # box holds more paragraph text than the article
    cookie = "<p>We use cookies to measure how our pages are read and to remember you.</p>"
    html = (
        "<html><body><div class='widget-area'><div class='widget'>"
        f"<h1>Pier opens in spring</h1>{_paragraphs()}</div></div>"
        f"<div class='cookie-box'>{cookie * 8}</div></body></html>"
    )
    # When extracted
    result = extract_html(html)
    # Then the article is kept, and the client is told the body came from a fallback
    assert result.paragraphs == SENTENCES
    assert "body_fallback" in result.warnings
    assert result.provenance["paragraphs"] == "recall-pass"


def test_body_keeps_text_written_in_divs_and_line_breaks() -> None:
    # Given a page with no <p> at all: the text in one div, split by <br>
    text = "<br><br>".join(SENTENCES)
    html = f"<html><body><h1>Pier opens in spring</h1><div class='txt'>{text}</div></body></html>"
    # When extracted
    result = extract_html(html)
    # Then each line-broken piece is a paragraph
    assert result.paragraphs == SENTENCES


def test_body_normal_pages_carry_no_warning() -> None:
    # Given an ordinary article page
    html = f"<html><body><article><h1>Pier</h1>{_paragraphs()}</article></body></html>"
    # When extracted
    result = extract_html(html)
    # Then the content pass found it: no fallback, no warning
    assert result.paragraphs == SENTENCES
    assert result.warnings == []
    assert "paragraphs" not in result.provenance


def test_body_falls_back_to_the_declared_description_when_the_page_shows_no_text() -> None:
    # Given a script-rendered page: metadata only, an empty app root
    html = (
        "<html><head><meta property='og:title' content='Pier opens in spring'>"
        f"<meta name='description' content='{SENTENCES[0]}'></head>"
        "<body><div id='app'></div><script>render()</script></body></html>"
    )
    # When extracted
    result = extract_html(html)
    # Then the headline and the description are returned, flagged as metadata
    assert result.headline == "Pier opens in spring"
    assert result.paragraphs == [SENTENCES[0]]
    assert result.warnings == ["body_from_metadata"]


def test_body_is_empty_only_when_the_page_has_no_text_at_all() -> None:
    # Given a page with nothing readable and nothing declared
    html = "<html><body><div id='app'></div><script>render()</script></body></html>"
    # When extracted
    result = extract_html(html)
    # Then there is no body (the service answers no_article)
    assert result.paragraphs == []


def test_body_last_resort_keeps_text_that_is_all_links() -> None:
    # Given a page whose only text sits inside a link
    html = "<html><body><a href='/story'><p>Pier opens</p><p>in spring</p></a></body></html>"
    # When extracted
    result = extract_html(html)
    # Then that text is the body, flagged as a fallback
    assert result.paragraphs == ["Pier opens", "in spring"]
    assert result.warnings == ["body_fallback"]
