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


OTHER = SENTENCES[0].replace("harbour authority", "port office").replace("pier", "quay")


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


def test_body_takes_every_section_of_a_guide_split_into_boxes() -> None:
    # Given a guide whose text is split into cards: the first holds two paragraphs, the
    # others one each, so no card holds most of the article
    first = (
        "<section class='step-1'><h2>Step 1</h2><div class='text'>"
        f"<p>{SENTENCES[0]}</p><p>{SENTENCES[1]}</p></div></section>"
    )
    rest = "".join(
        f"<section class='step-{n}'><h2>Step {n}</h2><div class='text'><p>{s}</p></div></section>"
        for n, s in enumerate(SENTENCES[1:], 2)
    )
    html = f"<html><body><div class='guide'><h1>How it works</h1>{first}{rest}</div></body></html>"
    # When extracted
    result = extract_html(html)
    # Then every card's text is in the body, in page order (the second card repeats
    # the first card's last paragraph, and so does the body)
    assert [p for p in result.paragraphs if not p.startswith("Step")] == [
        SENTENCES[0],
        SENTENCES[1],
        SENTENCES[1],
        SENTENCES[2],
    ]
    assert len(result.paragraphs) == 7


def test_body_does_not_climb_into_a_list_of_teasers() -> None:
    # Given an article beside a long "breaking news" list of linked teasers
    teaser = (
        "<li><a href='/x'>Storm closes the ferry line</a> The ferry between the islands "
        "stopped on Tuesday after waves of six metres, the operator said in a statement.</li>"
    )
    html = (
        f"<html><body><div class='main'><ul class='ticker-list'>{teaser * 6}</ul>"
        f"<div class='article'><h1>Pier</h1>{_paragraphs()}</div></div></body></html>"
    )
    # When extracted
    result = extract_html(html)
    # Then the teasers stay out
    assert result.paragraphs == SENTENCES


def test_body_does_not_climb_into_teaser_cards() -> None:
    # Given an article in a column whose parent also holds "more stories" cards: a
    # linked title over a summary sentence, many of them
    cards = "".join(
        f"<div class='card'><h3><a href='/{n}'>Ferry line {n} closed by the storm</a></h3>"
        f"<p>The ferry number {n} between the islands stopped on Tuesday after waves of "
        "six metres, the operator said in a statement on its website.</p></div>"
        for n in range(8)
    )
    html = (
        "<html><body><div class='column'><div class='wrap'><div class='story'>"
        f"<h1>Pier</h1>{_paragraphs()}</div></div><div class='below'><div class='row'>"
        f"<div class='more'>{cards}</div></div></div>"
        "</div></body></html>"
    )
    # When extracted
    result = extract_html(html)
    # Then the cards stay out of the body
    assert result.paragraphs == SENTENCES


def test_body_keeps_sections_whose_slug_names_contain_widget_words() -> None:
    # Given documentation whose sections carry their heading's slug as class and id
    # ("sharing-with-a-single-developer" contains "sharing", a share-widget word)
    sections = (
        "<div class='section sharing-with-a-single-developer' id='sharing-with-a-single-dev'>"
        f"<h2>Sharing with a single developer</h2><p>{SENTENCES[0]}</p><p>{SENTENCES[1]}</p>"
        "</div><div class='section getting-into-trouble-with-shared-history'>"
        f"<h2>Getting into trouble</h2><p>{SENTENCES[2]}</p><p>{OTHER}</p></div>"
    )
    html = f"<html><body><div class='content'><h1>Evolve</h1>{sections}</div></body></html>"
    # When extracted
    result = extract_html(html)
    # Then both sections are kept
    assert [p for p in result.paragraphs if p in [*SENTENCES, OTHER]] == [*SENTENCES, OTHER]


def test_body_inside_noscript_is_kept_when_the_page_shows_nothing_else() -> None:
    # Given a page that renders its article with script and keeps the only static copy
    # in <noscript> (Blogger posts, a CMS's "no JavaScript" version of the page)
    html = (
        "<html><body><h1>Pier opens in spring</h1><div class='post-body'>"
        "<script>render()</script>"
        f"<noscript><div class='post-content'>{_paragraphs()}</div></noscript>"
        "</div><footer><p>Give us feedback in our forums.</p></footer></body></html>"
    )
    # When extracted
    result = extract_html(html)
    # Then the article is the noscript copy, with the fallback's warning
    assert result.paragraphs == SENTENCES
    assert "body_fallback" in result.warnings


def test_noscript_is_not_read_when_the_page_shows_its_article() -> None:
    # Given a page whose article shows, and a noscript box asking to enable JavaScript
    nag = "<p>" + "Please enable JavaScript to see the comments on this page. " * 3 + "</p>"
    html = (
        f"<html><body><article><h1>Pier opens in spring</h1>{_paragraphs()}</article>"
        f"<noscript>{nag}</noscript></body></html>"
    )
    # When extracted / Then the noscript text is not part of the body
    result = extract_html(html)
    assert result.paragraphs == SENTENCES
    assert "body_fallback" not in result.warnings


def test_a_row_holding_divs_is_read_as_content_not_as_cells() -> None:
    # Given a forum theme whose broken markup (`</td></dl>`) the parser repairs by
    # leaving the post's divs directly inside a table row, without any cell around them
    posts = "".join(f"<div class='post-entry'><div>{s}<br></div></div>" for s in SENTENCES)
    html = (
        "<html><body><h1>Forum rules</h1><table><tr><div class='main'>"
        f"{posts}</div></tr></table></body></html>"
    )
    # When extracted
    result = extract_html(html)
    # Then the posts' text is the body (a row reads its cells; this one has none)
    assert result.paragraphs == SENTENCES
