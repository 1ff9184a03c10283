"""HTML headline: the title the page's independent sources agree on."""

from __future__ import annotations

import json

from article_ingest.extract import extract_html

PARAGRAPH = (
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "a project that officials say will take five years and cost about 400 million euros."
)


def _page(head: str, body: str = "") -> str:
    return (
        f"<html lang='en'><head>{head}</head><body><article>{body}"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH} Again.</p></article></body></html>"
    )


def _ld(headline: str) -> str:
    data = {"@type": "NewsArticle", "headline": headline}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def _og(title: str, twitter: bool = True) -> str:
    tags = f"<meta property='og:title' content='{title}'>"
    return tags + (f"<meta name='twitter:title' content='{title}'>" if twitter else "")


def test_headline_title_copied_from_og_title_adds_no_vote() -> None:
    # Given JSON-LD and h1 agreeing, og/twitter titles and a <title> copying og:title
    head = (
        _ld("Trams expand")
        + _og("Council votes for trams")
        + "<title>Council votes for trams</title>"
    )
    # When extracted
    article = extract_html(_page(head, "<h1>Trams expand</h1>"))
    # Then the headline the article's own sources agree on wins
    assert article.headline == "Trams expand"


def test_headline_title_frames_only_at_a_separator() -> None:
    # Given an h1 that is only the start of the og:title (no separator after it in <title>)
    head = _og("Trams expand: council approves plan", twitter=False) + (
        "<title>Trams expand: council approves plan | City Paper</title>"
    )
    # When extracted
    article = extract_html(_page(head, "<h1>Trams expand</h1>"))
    # Then <title> does not vote for the shorter h1
    assert article.headline == "Trams expand: council approves plan"


def test_headline_dash_tail_is_part_of_the_headline() -> None:
    # Given every source stating "A - B" and a <title> that could be cut at the dash
    title = "Trams expand - what now"
    head = _ld(title) + _og(title) + f"<title>{title}</title>"
    # When extracted
    article = extract_html(_page(head, f"<h1>{title}</h1>"))
    # Then the dash tail is kept
    assert article.headline == title


def test_headline_known_site_suffix_dropped_from_every_source() -> None:
    # Given JSON-LD and og:title ending with the site name, and an h1 without kicker
    head = (
        _ld("Batteries: Trams expand - Citypaper.de")
        + _og("Batteries: Trams expand - Citypaper.de", twitter=False)
        + "<meta property='og:site_name' content='Citypaper.de'>"
    )
    body = "<h1><span class='kicker'>Batteries</span>: Trams expand</h1>"
    # When extracted
    article = extract_html(_page(head, body))
    # Then the headline is the stated title without the site name
    assert article.headline == "Batteries: Trams expand"


def test_headline_json_ld_entities_are_unescaped() -> None:
    # Given a JSON-LD headline HTML-escaped twice
    head = _ld("Tram&#039;s R&uuml;ckkehr") + _og("Tram's Rückkehr")
    # When extracted
    article = extract_html(_page(head, "<h1>Tram's Rückkehr</h1>"))
    # Then the headline has no entities
    assert article.headline == "Tram's Rückkehr"


def test_headline_spelling_keeps_separators_of_agreeing_sources() -> None:
    # Given an h1 of two spans (no separator) and an og:title stating "A / B"
    head = _og("Demo / Trams expand", twitter=False) + "<title>Demo Trams expand</title>"
    body = "<h1><span>Demo</span> <span>Trams expand</span></h1>"
    # When extracted
    article = extract_html(_page(head, body))
    # Then the spelling with the separator is returned
    assert article.headline == "Demo / Trams expand"


def test_headline_spelling_prefers_typographic_quotes() -> None:
    # Given an h1 with typographic quotes and social titles with straight ones
    straight = "'Trams now': council votes"
    head = (
        f'<meta property="og:title" content="{straight}">'
        f'<meta name="twitter:title" content="{straight}">'
        f"<title>{straight} | Paper</title>"
    )
    # When extracted
    article = extract_html(_page(head, "<h1>‘Trams now’: council votes</h1>"))
    # Then the typographic spelling is returned
    assert article.headline == "‘Trams now’: council votes"


def test_headline_social_title_with_another_kicker_than_the_h1() -> None:
    # Given an h1 setting its kicker apart and social titles prefixing another label
    social = "Storm warning: Trams stop for the night"
    head = _og(social) + f"<title>{social} - News</title>"
    h1 = "<h1><span class='kicker'>Weather</span> - Trams stop for the night</h1>"
    # When extracted
    article = extract_html(_page(head, h1))
    # Then the title both labels share is the headline
    assert article.headline == "Trams stop for the night"


def test_headline_social_title_with_the_h1_kicker_keeps_it() -> None:
    # Given an h1 whose kicker span is the same label the social titles start with
    social = "Weather: Trams stop for the night"
    head = _og(social) + _ld(social) + f"<title>{social} - News</title>"
    h1 = "<h1><span class='kicker'>Weather:</span> Trams stop for the night</h1>"
    # When extracted
    article = extract_html(_page(head, h1))
    # Then the kicker stays part of the headline the sources state
    assert article.headline == social


def test_headline_social_title_without_the_h1s_typed_in_kicker() -> None:
    # Given an h1 "Label: title" in one line of text, JSON-LD and <title> copying it,
    # and a social title that is the title alone
    full = "Tram expansion: Council backs twelve new kilometres"
    head = _og("Council backs twelve new kilometres") + _ld(full) + f"<title>{full} - News</title>"
    # When extracted
    article = extract_html(_page(head, f"<h1>{full}</h1>"))
    # Then the label is a topic line and the headline is the title alone
    assert article.headline == "Council backs twelve new kilometres"


def test_headline_long_lead_in_before_a_colon_is_not_a_kicker() -> None:
    # Given an h1 whose part before the colon is longer than the rest
    full = "The council's long-awaited vote on the tram network expansion: Approved"
    head = _og("Approved") + _ld(full)
    # When extracted / Then the h1 stays whole
    assert extract_html(_page(head, f"<h1>{full}</h1>")).headline == full


def test_headline_declared_title_wins_a_tie_with_the_h1() -> None:
    # Given a page whose h1 and og:title say different things, one vote each
    head = _og("Council backs twelve kilometres of new tram lines", twitter=False)
    # When extracted
    article = extract_html(_page(head, "<h1>Trams expand</h1>"))
    # Then the declared title is the headline and the h1 is the display headline
    assert article.headline == "Council backs twelve kilometres of new tram lines"
    assert article.display_headline == "Trams expand"


def test_headline_majority_still_decides_over_one_declared_title() -> None:
    # Given JSON-LD and the h1 agreeing, and a different social title
    head = _ld("Trams expand") + _og("Council backs new trams", twitter=False)
    # When extracted
    article = extract_html(_page(head, "<h1>Trams expand</h1>"))
    # Then the title two sources state is the headline
    assert article.headline == "Trams expand"
