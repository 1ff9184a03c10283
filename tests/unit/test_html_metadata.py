"""HTML metadata: JSON-LD, meta tags and visible text reconciled, with provenance."""

from __future__ import annotations

import datetime as dt
import json

from article_ingest.extract import extract_html
from article_ingest.extract.html.published import reconcile_dates
from article_ingest.extract.html.timestamps import implied_offset, in_offset, normalise, plausible

PARAGRAPH = (
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "a project that officials say will take five years and cost about 400 million euros."
)


def _page(head: str, body: str = "") -> str:
    return (
        f"<html lang='en-GB'><head>{head}</head><body><article>{body}"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH} Again.</p></article></body></html>"
    )


def _ld(data: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_metadata_reads_news_article_inside_graph() -> None:
    # Given JSON-LD with a @graph holding a WebSite, an Organization and a NewsArticle
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "City Paper"},
            {"@type": "Organization", "@id": "#org", "name": "City Paper"},
            {
                "@type": ["NewsArticle"],
                "headline": "Trams expand",
                "datePublished": "2025-10-23T05:40:00-04:00",
                "author": [{"@type": "Person", "name": "Jane Doe"}, {"@id": "#org"}],
                "publisher": {"@id": "#org"},
            },
        ],
    }
    # When extracted
    article = extract_html(_page(_ld(graph), "<h1>Trams expand</h1>"))
    # Then the article node's fields win, the offset is kept and sources are named
    assert article.headline == "Trams expand"
    assert article.authors == ["Jane Doe"]
    assert article.published_at == "2025-10-23T05:40:00-04:00"
    assert article.publisher == "City Paper"
    assert article.language == "en"
    assert article.provenance["published_at"] == "json-ld"
    assert article.provenance["authors"] == "json-ld"


def test_metadata_headline_is_h1_not_title_with_site_name() -> None:
    # Given a <title> with the site name and an h1 with a kicker span
    head = (
        "<title>Trams expand | City Paper</title>"
        "<meta property='og:site_name' content='City Paper'>"
    )
    body = "<h1><span class='kicker'>Transport</span> Trams expand</h1>"
    # When extracted
    article = extract_html(_page(head, body))
    # Then the headline is the article's own title
    assert article.headline == "Trams expand"
    assert article.provenance["headline"] == "h1"


def test_metadata_headline_ignores_logo_h1() -> None:
    # Given a logo h1 inside a link and only a <title> naming the article
    head = "<title>Trams expand - City Paper</title>"
    body = "<a href='/'><h1>City Paper</h1></a>"
    # When extracted
    article = extract_html(_page(head, body))
    # Then the title without the site name is the headline
    assert article.headline == "Trams expand"


def test_metadata_meta_author_is_split_and_url_authors_ignored() -> None:
    # Given meta authors: a profile URL and a two-person byline
    head = (
        "<meta property='article:author' content='https://facebook.com/citypaper'>"
        "<meta name='author' content='By Jane Doe and John Roe'>"
    )
    # When extracted
    article = extract_html(_page(head))
    # Then the people are listed and the URL is not
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.provenance["authors"] == "meta"


def test_dates_local_time_borrows_offset_from_agreeing_source() -> None:
    # Given a local JSON-LD time and a meta time with the same wall clock and an offset
    candidates = [("2025-06-30T15:59:30", "json-ld"), ("2025-06-30T15:59:30+02:00", "meta")]
    # When reconciled
    iso, source = reconcile_dates(candidates)
    # Then the offset is taken, the source stays the first
    assert iso == "2025-06-30T15:59:30+02:00"
    assert source == "json-ld"


def test_dates_never_guess_an_offset() -> None:
    # Given only a local time
    # When reconciled
    iso, _ = reconcile_dates([("2025-06-30T15:59:30", "meta")])
    # Then it stays local
    assert iso == "2025-06-30T15:59:30"


def test_dates_normalise_meta_spellings() -> None:
    # Given the spellings meta tags use
    # Then each becomes ISO 8601 with its offset (Z for UTC)
    assert normalise("2025-10-23T09:40:00+00:00") == "2025-10-23T09:40:00Z"
    assert normalise("2025-10-23 05:40:00 -0400") == "2025-10-23T05:40:00-04:00"
    assert normalise("2025-10-23 05:40 EDT") == "2025-10-23T05:40:00-04:00"
    assert normalise("Thu, 23 Oct 2025 09:40:00 GMT") == "2025-10-23T09:40:00Z"
    assert normalise("30.06.2025 15:59 MESZ") == "2025-06-30T15:59:00+02:00"
    assert normalise("20251023") == "2025-10-23"
    assert normalise("Wednesday, November 20, 2019, 12:01 AM") == "2019-11-20T00:01:00"
    assert normalise("Nov 20, 2019 3:05 PM") == "2019-11-20T15:05:00"
    assert normalise("not a date") is None


def test_dates_visible_dateline_when_no_metadata() -> None:
    # Given a page whose only date is a visible dateline
    body = "<h1>Trams expand</h1><div class='article-date'>23. Oktober 2025, 11:40 Uhr</div>"
    # When extracted
    article = extract_html(_page("", body).replace("lang='en-GB'", "lang='de'"))
    # Then the dateline's local time is used, without an invented offset
    assert article.published_at == "2025-10-23T11:40:00"
    assert article.provenance["published_at"] == "dateline-text"


def test_dates_from_url_as_last_resort() -> None:
    # Given no date anywhere but in the URL
    # When extracted
    article = extract_html(_page(""), url="https://paper.example/2024/05/01/trams")
    # Then the URL's date is used, date only
    assert article.published_at == "2024-05-01"
    assert article.provenance["published_at"] == "url"


def test_metadata_headline_section_suffix_votes_for_the_short_form() -> None:
    # Given og:title with a section suffix and an h1 without it
    head = "<meta property='og:title' content='Trams expand | Sport'><title>Trams expand</title>"
    # When extracted
    article = extract_html(_page(head, "<h1>Trams expand</h1>"))
    # Then the headline has no suffix
    assert article.headline == "Trams expand"


def test_metadata_author_named_like_the_site_is_not_an_author() -> None:
    # Given JSON-LD whose author is the site, and a visible byline naming a person
    ld = _ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "City Paper"},
              "publisher": {"@type": "Organization", "name": "City Paper"}})  # fmt: skip
    body = "<h1>Trams expand</h1><div class='article-byline'>By Jane Doe</div>"
    # When extracted
    article = extract_html(_page(ld, body), url="https://citypaper.example/trams")
    # Then the person from the byline is the author
    assert article.authors == ["Jane Doe"]
    assert article.provenance["authors"] == "byline-text"


def test_metadata_published_time_key_spelled_with_colons() -> None:
    # Given only <meta name="article:published:time"> and a visible 12-hour time without am/pm
    head = "<meta name='article:published:time' content='2024-10-23T15:48:15+00:00'>"
    body = "<div class='publication-date'>Frankfurt, October 23, 2024, 3:48 Uhr</div>"
    # When extracted
    article = extract_html(_page(head, body))
    # Then the stated timestamp wins over the ambiguous visible one
    assert article.published_at == "2024-10-23T15:48:15Z"
    assert article.provenance["published_at"] == "meta"


def test_timestamps_implied_offset_reads_the_page_zone_from_a_local_clock() -> None:
    # Given a UTC instant and local wall clocks
    # When the offset between them is asked for
    # Then a whole quarter hour within UTC-11..+14 is the page's offset (seconds dropped
    # by a visible clock tolerated); twelve hours (a 12-hour clock), aware values and
    # zero give none
    assert implied_offset("2023-11-09T03:28:35Z", "2023-11-08T22:28:00") == "-05:00"
    assert implied_offset("2024-03-01T10:00:00Z", "2024-03-01T15:30:00") == "+05:30"
    assert implied_offset("2024-10-23T15:48:15Z", "2024-10-23T03:48:00") is None
    assert implied_offset("2024-10-23T15:48:15Z", "2024-10-23T17:48:15+02:00") is None
    assert implied_offset("2024-10-23T15:48:15Z", "2024-10-23T15:48:15") is None
    assert implied_offset("2024-10-23T15:48:15Z", "2024-10-23T17:01:15") is None


def test_timestamps_in_offset_keeps_the_instant() -> None:
    # Given a UTC time
    # When written in another offset
    # Then the instant is the same and the offset is stated
    assert in_offset("2023-11-09T03:28:35Z", "-05:00") == "2023-11-08T22:28:35-05:00"
    assert in_offset("2023-11-09T03:28:35+01:00", "+00:00") == "2023-11-09T02:28:35Z"


def test_timestamps_plausible_between_1995_and_tomorrow() -> None:
    # Given placeholders, a clock and real days
    today = dt.date(2025, 1, 1)
    # Then only days from 1995 to tomorrow are publication days
    assert not plausible("0001-01-01T00:00:00Z", today)
    assert not plausible("1970-01-01", today)
    assert plausible("1995-01-01", today)
    assert plausible("2025-01-02T01:00:00+09:00", today)
    assert not plausible("2025-01-03", today)
