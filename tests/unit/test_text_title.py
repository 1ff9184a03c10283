"""Headline wording: kickers glued to the headline, colon lines, repeated titles."""

from __future__ import annotations

from article_ingest.extract.text.header import (
    _headline_shaped,
    mark_weight,
    repeated,
)
from article_ingest.extract.text.headline_rank import find_headline
from article_ingest.extract.text.lines import split_lines
from article_ingest.extract.text.title import clean, headline_text

BODY = (
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "a project that officials say will take five years and cost about 400 million euros."
)


def _at(lines: list, text: str) -> int:
    return next(i for i, ln in enumerate(lines) if ln.text == text)


def test_headline_text_drops_glued_kicker_when_page_spells_it_with_colon() -> None:
    # Given a share line "Kicker: Headline" and the display line with the kicker glued on
    lines = split_lines(
        "Tram plans: City expands tram network\nTram plans City expands tram network"
    )
    # When the display line is the chosen headline
    title = headline_text(lines, 1, 0)
    # Then the kicker is dropped
    assert title.text == "City expands tram network"


def test_headline_text_takes_kicker_from_colon_line_above() -> None:
    # Given a breadcrumb-like "Kicker: Headline" line above the bare headline
    lines = split_lines(
        "Home\nTram plans: City expands tram network\nNews\nCity expands tram network"
    )
    # When the bare headline is chosen
    title = headline_text(lines, 3, 0)
    # Then the headline carries the page's kicker
    assert title.text == "Tram plans: City expands tram network"


def test_headline_text_ignores_shouted_kicker_above() -> None:
    # Given an upper-case section label written as "LABEL: Headline" above the headline
    lines = split_lines("TRAM PLANS: City expands tram network\nNews\nCity expands tram network")
    # When the bare headline is chosen
    # Then the label is not taken into the headline
    assert headline_text(lines, 2, 0).text == "City expands tram network"


def test_headline_text_joins_kicker_across_lone_colon_line() -> None:
    # Given a kicker, a lone ":" line and the headline, as a styled h1 renders
    lines = split_lines("Tram plans\n:\nCity expands tram network\nBy Jane Doe")
    # When the kicker line is chosen
    title = headline_text(lines, 0, 0)
    # Then the headline is both parts joined by the colon, and uses all three lines
    assert title.text == "Tram plans: City expands tram network"
    assert title.line_indices == [0, 1, 2]


def test_headline_text_drops_shouted_kicker_across_colon_line() -> None:
    # Given an upper-case kicker, a lone ":" line and the headline
    lines = split_lines("TRAM PLANS\n:\nCity expands tram network")
    # When the headline line is chosen
    # Then only the headline remains
    assert headline_text(lines, 2, 0).text == "City expands tram network"


def test_clean_drops_soft_hyphens() -> None:
    # Given a headline with soft hyphens
    # When it is cleaned
    # Then the words are whole again
    assert clean("Ver\u00adfas\u00adsungs\u00adbe\u00adschwerde") == "Verfassungsbeschwerde"


def test_headline_shaped_accepts_cjk_title_without_spaces() -> None:
    # Given a Japanese headline (no spaces between words)
    lines = split_lines(
        "フジテレビ問題でスポーツ界にも大激震！協賛企業で各競技団体のビジネスモデル完全崩壊へ"
    )
    # When its shape is judged
    # Then it may be a headline (one token is not a doubled menu label)
    assert _headline_shaped(lines[0])


def test_mark_weight_ignores_body_sentence_with_date() -> None:
    # Given a body sentence of twenty words that mentions a date
    text = (
        "The health agency said on 8 May 2026 that the passengers who left the ship "
        "pose no risk to anyone."
    )
    lines = split_lines(text)
    # When its weight as a header mark is judged
    # Then it vouches for no headline
    assert mark_weight(lines[0]) == 0.0


def test_find_headline_ignores_site_name_repeated_inside_other_phrases() -> None:
    # Given a site name line that recurs only inside longer phrases, then the headline
    page = (
        "Example Daily Newsroom Online Edition\nExample Daily Newsroom Online Editionの記事\nNews\n"
        "City expands the tram network to the suburbs\nMarch 12, 2024 14:05\n"
        f"{BODY}\nExample Daily Newsroom Online Editionのトップページへ"
    )
    lines = split_lines(page)
    body_at = _at(lines, BODY)
    # When the headline is looked for
    found = find_headline(lines, body_at, 0, body_at + 1, page)
    # Then the real headline wins over the site name
    assert found == _at(lines, "City expands the tram network to the suburbs")


def test_repeated_counts_whole_phrases_only() -> None:
    # Given a page where a phrase recurs once alone and once run on into a word
    page = "Example Daily\nExample Dailyの記事\nExample Daily."
    # When repetition is judged
    # Then only the stand-alone repeats count
    assert repeated("Example Daily", page)
    assert not repeated("Example Daily", "Example Daily\nExample Dailyの記事")


def test_headline_text_prefers_breadcrumb_title_reworded_above() -> None:
    # Given a breadcrumb ending with the page's title, then the displayed, reworded headline
    lines = split_lines(
        "Home\nBusiness\nTram plans: Council expands tram network to suburbs\nSearch\n"
        "Council expands the city tram network to the suburbs"
    )
    # When the displayed headline is chosen
    title = headline_text(lines, 4, 0)
    # Then the page's own title wins
    assert title.text == "Tram plans: Council expands tram network to suburbs"


def test_headline_text_ignores_headline_with_site_or_breadcrumb_glued_on() -> None:
    # Given lines above that only add a site name or glued breadcrumb to the headline
    lines = split_lines(
        "City expands tram network to suburbs | Example News\n"
        "HomeLocalCity expands tram network to suburbs\n"
        "City expands tram network to suburbs"
    )
    # When the headline is chosen
    # Then it stays as displayed
    assert headline_text(lines, 2, 0).text == "City expands tram network to suburbs"


def test_headline_text_needs_words_to_find_a_twin() -> None:
    # Given a three-word headline and a longer line above sharing two of its words
    lines = split_lines("standard speed player setav speedmult\nplayer setav stamina")
    # When the headline is chosen
    # Then a line sharing a couple of tokens is no twin
    assert headline_text(lines, 1, 0).text == "player setav stamina"


def test_find_headline_takes_sentence_shaped_title_starting_the_body_run() -> None:
    # Given a quoted, sentence-shaped headline that the body run starts at, under a section
    lines = split_lines(
        "Menu\nPolitics and Power Today\n„I wanted them to like me. That is how you survive.“\n\n"
        + "She was held for weeks and talked with her captors about their lives and hers, "
        "she says in the interview she gave after her release.\n\n" * 3
    )
    # When the headline is looked for with the body run starting at the quote
    found = find_headline(lines, 2, 0, 6, "")
    # Then the quote is the headline, not the section label above it
    assert found == 2
