"""HTML author cleaning: bylines split into people, without prefixes, roles or publishers."""

from __future__ import annotations

import pytest

from article_ingest.extract.html.authors import clean_authors, split_byline


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Von Felix Schröder und Jörg Soldwisch, dpa", ["Felix Schröder", "Jörg Soldwisch", "dpa"]),
        ("Por María López y Juan Pérez", ["María López", "Juan Pérez"]),
        ("Jane Doe, Senior Reporter", ["Jane Doe"]),
        ("Anna Sleegers, Frankfurt", ["Anna Sleegers"]),
        ("Associated Press in Valencia", ["Associated Press"]),
        ("Elena Oberholzer (obe)", ["Elena Oberholzer"]),
        (
            "Trine Juncher Jørgensen og Tôrtia Reimer-Johansen",
            ["Trine Juncher Jørgensen", "Tôrtia Reimer-Johansen"],
        ),
        ("jane.doe@paper.example", []),
    ],
)
def test_split_byline_keeps_people_and_agencies(byline: str, expected: list[str]) -> None:
    # Given a visible or meta byline
    # When it is split
    # Then only names (and named agencies) remain, in order
    assert split_byline(byline) == expected


def test_clean_authors_drops_the_publisher_and_duplicates() -> None:
    # Given names from a page whose publisher is "City Paper" at city-paper.example
    names = ["Jane Doe", "JANE DOE", "City Paper", "city-paper.example"]
    # When cleaned with the publisher's names blocked
    cleaned = clean_authors(names, blocked=["City Paper", "city-paper.example"])
    # Then the person remains once and the publisher is gone
    assert cleaned == ["Jane Doe"]


def test_clean_authors_keeps_cjk_names_but_not_profile_blurbs() -> None:
    # Given a Japanese name and a profile box's text
    names = ["渡辺洋介", "この記事を書いた人渡辺洋介東京社会部フォロー専門・関心分野戦争"]
    # When cleaned
    # Then the name stays and the blurb goes
    assert clean_authors(names) == ["渡辺洋介"]
