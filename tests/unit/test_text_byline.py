"""Byline parsing: author names and publisher from header lines."""

from __future__ import annotations

import pytest

from article_ingest.extract.text.byline import copyright_owner, find_byline, is_person, split_names
from article_ingest.extract.text.lines import split_lines


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Felix Schröder und Jörg Soldwisch, dpa", ["Felix Schröder", "Jörg Soldwisch", "dpa"]),
        ("Johannes Ritter, Zürich", ["Johannes Ritter"]),
        (
            "Xiaoying You0, Mariana Lenharo & Jeff Tollefson",
            ["Xiaoying You", "Mariana Lenharo", "Jeff Tollefson"],
        ),
        ("Daniel Großert Redakteur", ["Daniel Großert"]),
        ("submitting your information you agree to the Terms", []),
        ("Umair Irfan Updated Nov 13, 2019, 10:28am EST", ["Umair Irfan"]),
        ("Kevin Johnson and Kevin McCoy USA TODAY", ["Kevin Johnson", "Kevin McCoy"]),
        ("Chaim Gartenberg@cgartenberg Nov 19", ["Chaim Gartenberg"]),
    ],
)
def test_split_names_keeps_people_and_agencies(names: str, expected: list[str]) -> None:
    # Given the names part of a byline
    # When it is split
    # Then people and agency credits remain; places, roles and sentences do not
    assert split_names(names) == expected


@pytest.mark.parametrize(
    "text", ["Shanthi M", "Victoria O’Regan", "Jan van der Berg", "CHRIS WILSON-SMITH"]
)
def test_is_person_accepts_name_shapes(text: str) -> None:
    # Given a name-shaped string
    # Then it is a person
    assert is_person(text)


@pytest.mark.parametrize(
    "text", ["Share", "CBC News", "Friday November GMT", "MAKE BETTER COFFEE", "Lesezeit 5 Min"]
)
def test_is_person_rejects_labels_and_dates(text: str) -> None:
    # Given a label, publisher or date fragment
    # Then it is not a person
    assert not is_person(text)


def _byline(text: str, date_at: int | None = None, headline_at: int | None = 0) -> list[str]:
    lines = split_lines(text)
    return find_byline(lines, list(range(len(lines))), date_at, headline_at).authors


def test_find_byline_reads_explicit_byline() -> None:
    # Given a header with a "Von" byline
    text = "Headline of the story\nVon Christian Unger und Laura Wagener\n09.09.2025, 14:55 Uhr"
    # When the byline is looked for
    # Then both authors are found
    assert _byline(text, date_at=2) == ["Christian Unger", "Laura Wagener"]


def test_find_byline_reads_name_and_publisher_beside_date() -> None:
    # Given a name·publisher line right above the dateline
    text = "Headline of the story\nShanthi M·Stocktwits\nPublished Oct 23, 2025 | 5:40 AM GMT-04"
    lines = split_lines(text)
    # When the byline is looked for
    found = find_byline(lines, [1, 2], 2, 0)
    # Then the name is the author and the rest the publisher
    assert found.authors == ["Shanthi M"]
    assert found.publisher == "Stocktwits"


def test_find_byline_reads_label_line_then_names() -> None:
    # Given a label line followed by the name
    text = "Headline of the story\nAuthor of the article:\nJoseph Brean\nPublished Aug 28, 2024"
    # When the byline is looked for
    # Then the name on the next line is the author
    assert _byline(text, date_at=3) == ["Joseph Brean"]


def test_find_byline_reads_name_written_after_date() -> None:
    # Given a dateline that ends with the author's name
    text = "Headline\nArtikel veröffentlicht am 28. April 2024, 14:26 Uhr, Tobias Költzsch"
    # When the byline is looked for
    # Then the name is found and the date words are not
    assert _byline(text, date_at=1) == ["Tobias Költzsch"]


def test_find_byline_collects_names_on_consecutive_lines() -> None:
    # Given two authors on lines of their own under the headline
    text = "Headline of the story\nIngrid Treborg\nMarlene Lundberg Holm\nPublisert 09. mai 2024"
    # When the byline is looked for
    # Then both are authors
    assert _byline(text, date_at=3) == ["Ingrid Treborg", "Marlene Lundberg Holm"]


def test_find_byline_finds_nothing_without_names() -> None:
    # Given a header without any byline
    text = "Headline of the story\nShare\nPublished Oct 23, 2025"
    # When the byline is looked for
    # Then there are no authors
    assert _byline(text, date_at=2) == []


@pytest.mark.parametrize(
    ("names", "expected"),
    [("The Associated Press", ["The Associated Press"]), ("Les Echos", ["Les Echos"])],
)
def test_split_names_accepts_organisations_after_explicit_by(
    names: str, expected: list[str]
) -> None:
    # Given the names part of an explicit "By ..." byline that credits an organisation
    # When it is split as an explicit byline
    # Then the organisation is the author
    assert split_names(names, explicit=True) == expected


def test_find_byline_ignores_sentences_starting_with_a_name() -> None:
    # Given a standfirst that starts with a person's name, next to the dateline
    text = (
        "Headline of the story\n"
        "Friedrich Merz, der Kandidat der Union, hat eine schwere Niederlage erlitten.\n"
        "Publikacja: 02.02.2025 21:52"
    )
    # When the byline is looked for
    # Then the sentence is not a byline
    assert _byline(text, date_at=2) == []


def test_find_byline_skips_shouted_labels_and_tag_lists() -> None:
    # Given a kicker in capitals and a tag list under a label, near the headline
    text = "Headline of the story\nDUBAI AIRSHOW\nRelated Tags:\nDelhi Pollution\nDelhi Smog"
    # When the byline is looked for
    # Then neither is an author
    assert _byline(text) == []


@pytest.mark.parametrize(
    ("footer", "owner"),
    [
        ("© 2024 Example Media. All rights reserved.", "Example Media"),
        (
            "Copyright © 2001–2025 Frankfurter Allgemeine Zeitung GmbH 2001–2025",
            "Frankfurter Allgemeine Zeitung GmbH",
        ),
        ("© Börsen-Zeitung – eine Marke der Example Gruppe", "Börsen-Zeitung"),
        ("© Rolf Zoellner/imago", None),
    ],
)
def test_copyright_owner_reads_publisher_from_footer(footer: str, owner: str | None) -> None:
    # Given a page whose footer carries a copyright line
    lines = split_lines(f"Some article text that is long enough to be a sentence here.\n{footer}")
    # When the copyright owner is looked for
    # Then the publisher's name is returned, without years, credits or trailing words
    assert copyright_owner(lines) == owner
