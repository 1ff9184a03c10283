"""Dates: parse_iso keeps machine values; find_datetime reads what people write."""

from __future__ import annotations

import pytest

from article_ingest.extract.dates import find_datetime, find_url_date, locate_datetime, parse_iso


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-10-23T05:40:00-04:00", "2025-10-23T05:40:00-04:00"),
        ("2025-10-23T09:40:00.123Z", "2025-10-23T09:40:00Z"),
        ("2025-10-23T05:40:00+0200", "2025-10-23T05:40:00+02:00"),
        ("2025-10-23 05:40", "2025-10-23T05:40:00"),
        ("2025-10-23", "2025-10-23"),
        ("2025-02-30", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_iso_normalises_and_keeps_offset(value: str | None, expected: str | None) -> None:
    # Given a machine-written timestamp
    # When it is normalised
    # Then its offset is kept, fractions dropped, invalid values rejected
    assert parse_iso(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published Oct 23, 2025   |   5:40 AM GMT-04", "2025-10-23T05:40:00-04:00"),
        ("Posted: Aug 08, 2024 4:00 AM EDT | Last Updated: August 8", "2024-08-08T04:00:00-04:00"),
        ("October 23, 2025 5:50 pm CET", "2025-10-23T17:50:00+01:00"),
        ("17:41 JST, October 13, 2024", "2024-10-13T17:41:00+09:00"),
        ("Friday 22 November 2024 08:49 GMT", "2024-11-22T08:49:00Z"),
        ("Publié le 06/01/2026 - 14:16 UTC+1", "2026-01-06T14:16:00+01:00"),
        ("Friday, 22 Nov 2024 4:55 PM MYT", "2024-11-22T16:55:00+08:00"),
        ("PUBLISHED FRI, APR 28 20232:23 PM EDT", "2023-04-28T14:23:00-04:00"),
        ("GEARAPR 28, 2024 10:00 AM EDT", "2024-04-28T10:00:00-04:00"),
    ],
)
def test_find_datetime_keeps_stated_zone(text: str, expected: str) -> None:
    # Given a dateline that states its zone or offset
    # When the date is looked for
    # Then the ISO value carries that offset (Z for UTC/GMT)
    assert find_datetime(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.03.2024, 14:05 Uhr", "2024-03-12T14:05:00"),
        ("Veröffentlicht am 13. Mai 2026 um 15:44", "2026-05-13T15:44:00"),
        ("28.04.2023, 20.15 Uhr", "2023-04-28T20:15:00"),
        ("Publié le 18 juil. 2024 à 08:01Mis à jour", "2024-07-18T08:01:00"),
        ("Publicerad 23 okt 2025 kl 10.23", "2025-10-23T10:23:00"),
        ("Publisert 05.08.2024, kl. 13.05", "2024-08-05T13:05:00"),
        ("渡辺洋介2025年1月13日 21時37分", "2025-01-13T21:37:00"),
        ("公開日：2025/01/31 11:30", "2025-01-31T11:30:00"),
        ("20:00, 29 Jan 2024", "2024-01-29T20:00:00"),
        ("Veröffentlicht am 27.04.24 um 07:39 Uhr", "2024-04-27T07:39:00"),
    ],
)
def test_find_datetime_leaves_unstated_zone_local(text: str, expected: str) -> None:
    # Given a dateline with a time but no zone
    # When the date is looked for
    # Then the local wall-clock time is returned without a guessed offset
    assert find_datetime(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23 octobre 2025", "2025-10-23"),
        ("23 de octubre de 2025", "2025-10-23"),
        ("2025年10月23日", "2025-10-23"),
        ("2025년 10월 23일", "2025-10-23"),
        ("søndag 2. februar 2025", "2025-02-02"),
        ("24. 1. 2025", "2025-01-24"),
        ("19 мая 2025", "2025-05-19"),
    ],
)
def test_find_datetime_reads_dates_in_many_languages(text: str, expected: str) -> None:
    # Given a date written in words or numbers in some language
    # When the date is looked for
    # Then the calendar date is returned
    assert find_datetime(text) == expected


def test_find_datetime_reads_ambiguous_slash_date_by_language() -> None:
    # Given a numeric date whose day and month are both <= 12
    text = "03/04/2025"
    # When it is read for an English page and for an unknown one
    # Then English reads month first, the default day first
    assert find_datetime(text, lang="en") == "2025-03-04"
    assert find_datetime(text) == "2025-04-03"


@pytest.mark.parametrize(
    "text",
    [
        "3 hours ago",
        "vor 2 Stunden",
        "Oct 32, 2025",
        "Page 12 of 30",
        "Version 1.2.3",
        "OMAR 12, 2024",
    ],
)
def test_find_datetime_returns_none_without_a_date(text: str) -> None:
    # Given text with no calendar date
    # When the date is looked for
    # Then nothing is guessed
    assert find_datetime(text) is None


def test_find_datetime_takes_the_first_date() -> None:
    # Given a line with a publication and an update date
    text = "Publié le 18 juil. 2024 à 08:01 Mis à jour le 19 juil. 2024 à 09:06"
    # When the date is looked for
    # Then the first one wins
    assert find_datetime(text) == "2024-07-18T08:01:00"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.nytimes.com/2019/11/18/business/trade-war.html", "2019-11-18"),
        ("https://example.org/article/2026-01-06-joburg-traders", "2026-01-06"),
        ("https://example.org/2024/13/01/bad-month", None),
        ("https://example.org/news/article409956720/slug", None),
        (None, None),
    ],
)
def test_find_url_date_reads_year_month_day_paths(url: str | None, expected: str | None) -> None:
    # Given an article URL
    # When its path is read for a date
    # Then only an unambiguous year/month/day path gives one
    assert find_url_date(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.be/cnt/dmf20250202_96887132", "2025-02-02"),
        ("https://www.example.fr/international/frappes-dans-le-nord-20241122", "2024-11-22"),
        ("https://example.org/20240315/slug", "2024-03-15"),
        ("https://example.org/a/123202401015", None),
        ("https://example.org/p/20241341-slug", None),
        ("https://example.org/search?d=20240101", None),
        ("https://20240101.example.org/x", None),
    ],
)
def test_find_url_date_reads_compact_yyyymmdd_in_path(url: str, expected: str | None) -> None:
    # Given an article URL whose path may hold an eight-digit date
    # When its path is read for a date
    # Then a valid YYYYMMDD run of exactly eight digits in the path gives the date
    assert find_url_date(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://politics.example.cn/n1/2024/0424/c1001-40223222.html", "2024-04-24"),
        ("https://www.example.com/world/2024/feb/24/death-toll-rises", "2024-02-24"),
        ("https://www.example.com/world/2024/news/24/slug", None),
        ("https://www.example.es/sociedad/detenido-20241202105634-nt.html", "2024-12-02"),
        ("https://example.org/news/story-title-2024-04-25.html", "2024-04-25"),
        ("https://www.example.de/news/2023-04/28/slug", "2023-04-28"),
        ("https://example.org/2024/1345/slug", None),
        ("https://example.org/shop/item-2024041", None),
    ],
)
def test_find_url_date_reads_other_common_path_forms(url: str, expected: str | None) -> None:
    # Given an article URL with a year/MMDD, a named month, a glued time or a dated slug
    # When its path is read for a date
    # Then the date it states is read, and nothing else
    assert find_url_date(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25-Apr-2024", "2024-04-25"),
        ("2024. április 25. 14:05", "2024-04-25T14:05:00"),
        ("25 квітня 2024", "2024-04-25"),
        ("25 Απριλίου 2024", "2024-04-25"),
        ("ΠΑΡΑΣΚΕΥΗ 25 ΑΠΡΙΛΙΟΥ 2024", "2024-04-25"),
        ("25 d'abril de 2024", "2024-04-25"),
        ("25. apríla 2024", "2024-04-25"),
        ("25 aprilie 2024", "2024-04-25"),
        ("25. listopadu 2024", "2024-11-25"),
        ("25 marts 2024", "2024-03-25"),
        ("25 augusti 2024", "2024-08-25"),
        ("25 Apr 2024 14:05 BRT", "2024-04-25T14:05:00-03:00"),
        ("Apr 25 2024, 11:30 ACST", "2024-04-25T11:30:00+09:30"),
    ],
)
def test_find_datetime_reads_more_languages_and_zones(text: str, expected: str) -> None:
    # Given a date written in one more language, shape or zone
    # When the date is looked for
    # Then it is read, with the zone's offset when one is given
    assert find_datetime(text) == expected


def test_find_url_date_reads_the_archived_url_not_the_crawl_time() -> None:
    # Given web-archive copies: the crawl time first, then the archived URL
    crawl_only = "https://web.archive.org/web/20120216182711/http://www.example.it/Artikel/x"
    dated = "https://web.archive.org/web/20150721045344/http://example.com/2015/05/18/post/"
    # When their paths are read for a date
    # Then the crawl time is never a date; the archived URL's own date is
    assert find_url_date(crawl_only) is None
    assert find_url_date(dated) == "2015-05-18"


def test_locate_datetime_gives_where_the_date_starts() -> None:
    # Given a labelled dateline
    text = "Updated: 12 March 2020, 10:42"
    # When the date is located
    # Then the value is find_datetime's and the index points at the date
    assert locate_datetime(text) == ("2020-03-12T10:42:00", 9)
    assert locate_datetime("no date here") is None


def test_find_datetime_reads_a_two_digit_year_glued_to_its_time() -> None:
    # Given a comment stamp whose date and time run together in a paste
    # ("28.09.19" and "12:44" in two inline elements: no time is ":44" alone)
    # When read
    found = find_datetime("Antwort 28.09.1912:44", lang="de")
    # Then it is 2019 at 12:44, not the year 1912
    assert found == "2019-09-28T12:44:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24 април 2020", "2020-04-24"),
        ("24. aprill 2020", "2020-04-24"),
        ("24. travnja 2020.", "2020-04-24"),
        ("24 balandžio 2020", "2020-04-24"),
        ("13 Gusht 2020, 09:08", "2020-08-13T09:08:00"),
        ("24 أبريل 2020", "2020-04-24"),
        ("24 अप्रैल 2020", "2020-04-24"),
        ("24 Abril 2020", "2020-04-24"),
    ],
)
def test_find_datetime_reads_written_months_of_more_languages(text: str, expected: str) -> None:
    # Given a date with the month written out in bg, et, hr, lt, sq, ar, hi or tl
    # When the date is looked for
    # Then the month name is read
    assert find_datetime(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.de/meldungen/29-10-2021", "2021-10-29"),
        ("https://example.it/newsroom/23-01-2022-slug/17-378.html", "2022-01-23"),
        ("https://example.com/artikel/bericht_vom_22.04.2020_slug", "2020-04-22"),
        ("https://example.fr/meteo/tempete-02-11-2023-ABC.php", "2023-11-02"),
        ("https://example.com/04-22-2020/", None),
        ("https://example.com/29-10-2021x/", None),
    ],
)
def test_find_url_date_reads_day_first_segments(url: str, expected: str | None) -> None:
    # Given a URL whose slug holds a day-first date (or a month-first one)
    # When its path is read for a date
    # Then DD-MM-YYYY gives the date; a month above 12 or a glued letter gives none
    assert find_url_date(url) == expected
