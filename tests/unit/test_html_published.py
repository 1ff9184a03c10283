"""Publication dates of HTML pages: declared stamps checked against what readers see."""

from __future__ import annotations

import datetime as dt
import json

from article_ingest.extract import extract_html
from article_ingest.extract.html import jsonld
from article_ingest.extract.html.metadata import _meta_index
from article_ingest.extract.html.parse import parse
from article_ingest.extract.html.published import read_dates

PARAGRAPH = (
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "a project that officials say will take five years and cost about 400 million euros."
)


def _page(head: str = "", body: str = "", lang: str = "en") -> str:
    return (
        f"<html lang='{lang}'><head>{head}</head><body><article>{body}"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH} Again.</p></article></body></html>"
    )


def _ld(**fields: str) -> str:
    data = {"@type": "NewsArticle", "headline": "Trams expand", **fields}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def _dates(html: str, *, today: dt.date, url: str | None = None) -> tuple[str | None, ...]:
    root = parse(html)
    assert root is not None
    provenance: dict[str, str] = {}
    found = read_dates(
        root, _meta_index(root), jsonld.read(root), url, "en", "Trams expand", provenance,
        today=today,
    )  # fmt: skip
    return (*found, provenance.get("published_at"))


def test_published_placeholder_date_gives_way_to_the_dateline() -> None:
    # Given JSON-LD with a placeholder publication date and a visible dateline
    body = "<h1>Trams expand</h1><p class='meta'>22.04.2020</p>"
    # When extracted
    article = extract_html(_page(_ld(datePublished="0001-01-01T00:00:00Z"), body, "de"))
    # Then the placeholder is no date and the dateline is used
    assert article.published_at == "2020-04-22"
    assert article.provenance["published_at"] == "dateline-text"


def test_published_date_after_tomorrow_is_no_publication_date() -> None:
    # Given a declared date two days after "today" and none else
    html = _page(_ld(datePublished="2025-01-03T10:00:00Z"))
    # When read on 2025-01-01
    published, _, _ = _dates(html, today=dt.date(2025, 1, 1))
    # Then it is not taken
    assert published is None


def test_published_utc_time_is_written_in_the_offset_the_page_shows() -> None:
    # Given a UTC JSON-LD time and the same moment shown as local time
    head = _ld(datePublished="2023-11-09T03:28:35Z")
    body = "<h1>Trams expand</h1><p>Published Nov. 8, 2023, 10:28 p.m.</p>"
    # When extracted
    article = extract_html(_page(head, body))
    # Then the instant is kept in the page's own offset
    assert article.published_at == "2023-11-08T22:28:35-05:00"


def test_published_utc_time_takes_offset_of_a_time_element_for_the_same_moment() -> None:
    # Given a UTC meta time and a <time> stating the same moment at -08:00
    head = "<meta property='article:published_time' content='2023-11-09T06:35:29+00:00'>"
    body = "<h1>Trams expand</h1><time datetime='2023-11-08T22:35:29-08:00'>Nov 8</time>"
    # When extracted
    article = extract_html(_page(head, body))
    # Then the page's offset is used
    assert article.published_at == "2023-11-08T22:35:29-08:00"


def test_published_utc_time_near_midnight_becomes_the_day_the_page_shows() -> None:
    # Given a UTC time before midnight, a dateline and URL showing the next day, no offset
    head = "<meta property='article:published_time' content='2018-12-31T23:11:59+00:00'>"
    body = "<h1>Trams expand</h1><p class='date'>2019-01-01</p>"
    # When extracted
    url = "https://blog.example/2019/01/01/trams"
    article = extract_html(_page(head, body), url=url)
    # Then the page's own day is given, without a guessed time
    assert article.published_at == "2019-01-01"


def test_published_shown_dateline_replaces_a_contradicting_declared_date() -> None:
    # Given a declared date and a different dateline beside the headline, nothing else
    head = _ld(datePublished="2009-04-11T18:06:36")
    body = "<h1>Trams expand</h1><p>von Anna · 22. Oktober 2019</p>"
    # When extracted
    article = extract_html(_page(head, body, "de"))
    # Then the shown date is taken
    assert article.published_at == "2019-10-22"
    assert article.provenance["published_at"] == "dateline-text"


def test_published_declared_date_kept_when_dateline_shows_the_revision_day() -> None:
    # Given a dateline showing the day JSON-LD declares as dateModified
    head = _ld(datePublished="2021-11-29T15:13:37+01:00", dateModified="2022-01-12T10:00:00+01:00")
    body = "<h1>Trams expand</h1><p>12.01.2022</p>"
    # When extracted
    article = extract_html(_page(head, body, "de"))
    # Then the publication date stays the declared one, the revision is the modified date
    assert article.published_at == "2021-11-29T15:13:37+01:00"
    assert article.modified_at == "2022-01-12T10:00:00+01:00"


def test_published_declared_date_kept_when_the_url_month_sides_with_it() -> None:
    # Given a dateline a year off the declared date and a URL naming the declared month
    head = _ld(datePublished="2022-08-14T15:40:00+02:00")
    body = "<h1>Trams expand</h1><p>14/08/2021</p>"
    # When extracted
    article = extract_html(_page(head, body), url="https://news.example/de/2022-08/trams")
    # Then the declaration wins
    assert article.published_at == "2022-08-14T15:40:00+02:00"


def test_published_swapped_numeric_dateline_agrees_with_the_declared_date() -> None:
    # Given "06/01/2020" shown and 1 June 2020 declared
    head = _ld(datePublished="2020-06-01T21:53:12Z")
    body = "<h1>Trams expand</h1><p>Posted by Anna, 06/01/2020</p>"
    # When extracted
    article = extract_html(_page(head, body))
    # Then the digits are read as the declared day, which is kept
    assert article.published_at == "2020-06-01T21:53:12Z"


def test_published_updated_label_marks_a_revision_not_the_publication() -> None:
    # Given only an "Updated" dateline beside the headline and a URL day
    body = "<h1>Trams expand</h1><p>Updated: 12 March 2020</p>"
    # When extracted
    article = extract_html(_page("", body), url="https://news.example/2020/03/01/trams")
    # Then the URL gives the publication, the dateline the revision
    assert article.published_at == "2020-03-01"
    assert article.modified_at == "2020-03-12"
    assert article.provenance["modified_at"] == "dateline-text"


def test_published_photo_caption_date_is_not_the_dateline() -> None:
    # Given a photo box with a dated caption between the headline and the dateline
    body = (
        "<h1>Trams expand</h1><div class='main-image'><img src='a.jpg'>"
        "<p>Protest in Kundus, 6.12.2010</p></div><p class='info'>25.04.2024</p>"
    )
    # When extracted
    article = extract_html(_page("", body, "de"))
    # Then the caption's date is skipped
    assert article.published_at == "2024-04-25"


def test_published_sentence_mentioning_a_date_is_not_a_dateline() -> None:
    # Given a sentence with a date right after the headline, and a URL day
    body = (
        "<h1>Trams expand</h1><p>Hundreds of people gathered in the park on 15 May 2025 "
        "to celebrate the city's patron saint with music and food</p>"
    )
    # When extracted
    article = extract_html(_page("", body), url="https://news.example/2025/05/29/trams")
    # Then the URL day is used
    assert article.published_at == "2025-05-29"


def test_published_paragraph_opening_with_its_date_is_a_dateline() -> None:
    # Given a press release whose first paragraph opens with the date
    body = f"<h1>Trams expand</h1><p>01.02.2022 – {PARAGRAPH} {PARAGRAPH}</p>"
    # When extracted
    article = extract_html(_page("", body, "de"))
    # Then that date is the publication date
    assert article.published_at == "2022-02-01"


def test_published_comment_dates_are_never_the_publication_date() -> None:
    # Given a page without h1 whose only dated elements are comment stamps
    body = "<div class='comment-meta commentmetadata'>15. Dezember 2015 at 11:21</div>"
    # When extracted
    article = extract_html(_page("", body, "de"))
    # Then there is no date
    assert article.published_at is None


def test_published_labelled_date_anywhere_on_the_page() -> None:
    # Given no metadata and a labelled date far from the headline
    body = (
        "<h1>Trams expand</h1>" + f"<p>{PARAGRAPH}</p>" * 6 + "<ul><li><strong>Datum</strong>"
        " 28.04.2023</li></ul>"
    )
    # When extracted
    article = extract_html(_page("", body, "de"))
    # Then the labelled date is used
    assert article.published_at == "2023-04-28"


def test_published_registration_date_in_a_korean_footer_is_no_label() -> None:
    # Given a footer stating the publisher's registration day (등록년월일)
    body = "<div id='footer'>[ 등록년월일 : 2012년 11월 06일 ]</div>"
    # When extracted
    article = extract_html(_page("", body, "ko"))
    # Then it is not read as the article's date
    assert article.published_at is None


def test_published_date_and_time_in_adjacent_spans_are_read_apart() -> None:
    # Given a short year and a time in adjacent elements, beside an empty logo h1
    body = (
        "<h1><a href='/'></a></h1><h2>Trams expand</h2>"
        "<p class='date'><span>28.09.19</span>12:44</p>"
    )
    # When extracted
    article = extract_html(_page("", body, "de"))
    # Then the date is 2019 with its time, not the year 1912
    assert article.published_at == "2019-09-28T12:44:00"


def test_published_script_data_key_is_the_last_resort() -> None:
    # Given a page whose only date is its app data's publication key
    data = '{"product": {"title": "Trams", "published_at": "2019-03-02T06:22:28+01:00"}}'
    head = f"<script>window.app = {data};</script>"
    # When extracted
    article = extract_html(_page(head, "<h1>Trams expand</h1>"))
    # Then that timestamp is used, with its offset
    assert article.published_at == "2019-03-02T06:22:28+01:00"
    assert article.provenance["published_at"] == "script-data"


def test_published_forum_clock_is_not_a_dateline() -> None:
    # Given a forum header clock right after the headline and the first post's date
    body = (
        "<h1>Trams expand</h1><p class='time'>It is currently 30 Nov 2026, 17:05</p>"
        "<p class='postdate'>Posted on 21 March 2024</p>"
    )
    # When extracted
    article = extract_html(_page("", body))
    # Then the clock is skipped and the post's date is the publication date
    assert article.published_at == "2024-03-21"


def test_modified_utc_time_takes_the_offset_another_declaration_states() -> None:
    # Given a UTC JSON-LD revision time and the same moment in a meta tag at +02:00
    head = _ld(dateModified="2024-05-01T08:00:00Z") + (
        "<meta property='article:modified_time' content='2024-05-01T10:00:00+02:00'>"
    )
    # When extracted
    article = extract_html(_page(head, "<h1>Trams expand</h1>"))
    # Then the revision keeps the page's offset
    assert article.modified_at == "2024-05-01T10:00:00+02:00"


def test_published_dateline_follows_the_h2_stating_the_headline_not_a_logo_h1() -> None:
    # Given a logo h1 with a dated teaser after it, and the article's h2 headline
    body = (
        "<a href='/'><h1>City Paper</h1></a><p>Teaser of 1 March 2020</p>"
        "<h2>Trams expand</h2><p class='byline'>By Anna, 22 April 2020</p>"
    )
    head = "<title>Trams expand - City Paper</title>"
    # When extracted
    article = extract_html(_page(head, body))
    # Then the date beside the stated headline is used
    assert article.published_at == "2020-04-22"


def test_published_signed_post_footer_with_the_label_after_the_date() -> None:
    # Given no metadata and a blog's footer line under the text: date, then the label
    body = (
        "<h1>Trams expand</h1>" + f"<p>{PARAGRAPH}</p>" * 6 + "<div class='post-footer'>"
        "Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von <a href='/a'>Anna</a> "
        "geschrieben und unter <a href='/t'>Verkehr</a> abgelegt.</div>"
    )
    # When extracted
    article = extract_html(_page("", body, "de"))
    # Then the footer's date and time are the publication
    assert article.published_at == "2015-12-14T14:48:00"


def test_published_dateline_takes_the_precise_time_of_its_time_element() -> None:
    # Given a byline line showing a day, with the moment in its <time> element
    teasers = "".join(
        f"<time datetime='2023-10-{day:02d}T10:00:00-07:00'>Oct {day}</time>"
        for day in range(1, 25)
    )
    body = (
        f"<aside>{teasers}</aside><h1>Trams expand</h1><p class='meta'>By Anna | "
        "<time datetime='2023-11-08T22:35:29-08:00'>Nov 8, 2023</time></p>"
    )
    # When extracted (after two dozen dated teasers)
    article = extract_html(_page("", body))
    # Then the moment is taken with its offset
    assert article.published_at == "2023-11-08T22:35:29-08:00"


def test_published_repeated_update_line_does_not_hide_the_publication_line() -> None:
    # Given an "Updated" line nested three deep, then the publication line
    body = (
        "<h1>Trams expand</h1><div><div><p>Updated: 11.04.2020, 10:27</p></div></div>"
        "<p>Anna Muster, 03.04.2020, 12:35</p>"
    )
    # When extracted
    article = extract_html(_page("", body, "de"))
    # Then the publication line is found, the update is the revision
    assert article.published_at == "2020-04-03T12:35:00"
    assert article.modified_at == "2020-04-11T10:27:00"


def test_published_date_right_above_the_headline_when_nothing_else_dates_the_page() -> None:
    # Given a short date line just above the headline and no metadata
    body = "<p><span>02.12.19</span></p><h1>Trams expand</h1>"
    # When extracted
    article = extract_html(_page("", body, "de"))
    # Then that date is used
    assert article.published_at == "2019-12-02"


def test_published_date_above_the_headline_never_overrides_a_declared_date() -> None:
    # Given a declared date and a different date line above the headline (a print issue)
    head = _ld(datePublished="2026-05-17T19:30:02+02:00")
    body = "<p>Ausgabe 18.05.2026</p><h1>Trams expand</h1>"
    # When extracted
    article = extract_html(_page(head, body, "de"))
    # Then the declaration stands
    assert article.published_at == "2026-05-17T19:30:02+02:00"


def test_published_declared_date_kept_when_the_url_day_sides_with_it() -> None:
    # Given a dateline one week off the declared date and a URL stating the declared day
    head = _ld(datePublished="2023-10-31T08:47:16Z")
    body = "<h1>Trams expand</h1><p>24.10.2023</p>"
    # When extracted
    article = extract_html(_page(head, body), url="https://news.example/2023/10/31/trams")
    # Then the declaration wins
    assert article.published_at == "2023-10-31T08:47:16Z"


def test_published_drupal_submitted_line_dates_a_page_without_headline_date() -> None:
    # Given no metadata, a long standfirst, and a Drupal "submitted" line further down
    body = (
        "<h1>Trams expand</h1>" + f"<p>{PARAGRAPH}</p>" * 5 + "<div class='submitted'>"
        "Gespeichert von Anna am 24. Juli 2017 - 18:55</div>"
    )
    # When extracted
    article = extract_html(_page("", body, "de"))
    # Then the submitted line's date is used
    assert article.published_at == "2017-07-24T18:55:00"


def test_published_labelled_revision_date_is_not_the_publication() -> None:
    # Given no metadata and only a labelled revision date far from the headline
    body = (
        "<h1>Trams expand</h1>" + f"<p>{PARAGRAPH}</p>" * 6 + "<p>Last updated date: 12.03.2024</p>"
    )
    # When extracted
    article = extract_html(_page("", body, "de"))
    # Then the publication-label scan does not take it: it is dated only by the last
    # rung, which says so (the page's only date, its revision)
    assert article.published_at is not None and article.published_at.startswith("2024-03-12")
    assert article.provenance["published_at"] == "revision"
    assert "published_is_revision" in article.warnings


def test_published_abbr_title_stamp_beside_the_headline() -> None:
    # Given no metadata and a microformat <abbr class="published"> after the headline
    body = (
        "<h1>Trams expand</h1><p>Posted <abbr class='published' "
        "title='2011-04-05T10:00:00+02:00'>April 5th</abbr></p>"
    )
    # When extracted
    article = extract_html(_page("", body))
    # Then its machine stamp is the publication time
    assert article.published_at == "2011-04-05T10:00:00+02:00"


def test_published_place_dateline_opening_a_paragraph() -> None:
    # Given a press release opening "BERLIN, <date> –"
    body = f"<h1>Trams expand</h1><p>BERLIN, 27.1.2022 – {PARAGRAPH} {PARAGRAPH}</p>"
    # When extracted
    article = extract_html(_page("", body, "de"))
    # Then the place dateline's date is used
    assert article.published_at == "2022-01-27"


def test_published_shown_date_backed_by_another_declaration_takes_its_precise_time() -> None:
    # Given JSON-LD on one day, and a meta tag stating the shown day with its offset
    head = _ld(datePublished="2017-11-17T10:41:09Z") + (
        "<meta property='article:published_time' content='2017-11-16T14:15:00+01:00'>"
    )
    body = "<h1>Trams expand</h1><p>16 November 2017 • 2:15pm</p>"
    # When extracted
    article = extract_html(_page(head, body))
    # Then the declaration that matches what readers see is taken, as it states it
    assert article.published_at == "2017-11-16T14:15:00+01:00"
    assert article.provenance["published_at"] == "meta"


def test_a_page_that_shows_only_its_revision_date_is_dated_by_it() -> None:
    # Given a wiki page with no publication date, only "last edited" in its footer
    html = _page(
        body="<h1>Trams expand</h1><p id='pageinfo'>Trams (last edited 2019-11-10 13:28:18 "
        "by Jane)</p>"
    )
    # When its dates are read
    published, _, source = _dates(html, today=dt.date(2025, 1, 1))
    # Then the revision date is the page's date, as the only one it gives
    assert published is not None and published.startswith("2019-11-10")
    assert source == "revision"


def test_a_declared_modification_dates_a_page_that_declares_no_publication() -> None:
    # Given a page declaring only dateModified
    html = _page(head=_ld(dateModified="2021-03-04T10:00:00+01:00"), body="<h1>Trams expand</h1>")
    # When its dates are read / Then that is its date
    published, _, source = _dates(html, today=dt.date(2025, 1, 1))
    assert published == "2021-03-04T10:00:00+01:00" and source == "revision"


def test_the_revision_date_never_replaces_a_publication_date() -> None:
    # Given a page with both a publication dateline and a later revision line
    html = _page(
        body="<h1>Trams expand</h1><p class='date'>Published 3 March 2021</p>"
        "<p>Aktualisiert: 30.12.2022</p>"
    )
    # When its dates are read / Then the publication date is kept
    published, _, _ = _dates(html, today=dt.date(2025, 1, 1))
    assert published is not None and published.startswith("2021-03-03")
