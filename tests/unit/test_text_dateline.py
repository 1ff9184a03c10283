"""Datelines: the publication date among the header lines, or signed under the body."""

from __future__ import annotations

from article_ingest.extract.text import extract
from article_ingest.extract.text.dateline import clock_line, find_signed_date
from article_ingest.extract.text.lines import split_lines

PARA = (
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "a project that officials say will take five years and cost about 400 million euros."
)


def test_find_signed_date_reads_long_blog_footer() -> None:
    # Given a long signed footer line under the body
    lines = split_lines(
        f"{PARA}\nVon israel news am 21/02/2021. Abgelegt unter Israel. Sie können alle "
        "Antworten zu diesem Eintrag durch den RSS 2.0 Feed verfolgen und auch selbst etwas "
        "dazu schreiben."
    )
    # When the body ends after the first line
    # Then the footer's date is the publication date
    assert find_signed_date(lines, 1, "de") == ("2021-02-21", 1)


def test_find_signed_date_stops_at_comments() -> None:
    # Given a comments heading, then a signed comment with a date
    lines = split_lines(f"{PARA}\nComments\nBy Jane Doe on March 3, 2021")
    # When a signed date is looked for under the body
    # Then comments are never read
    assert find_signed_date(lines, 1, "en") == (None, None)


def test_find_signed_date_ignores_dates_deep_inside_a_line() -> None:
    # Given a line starting with a byline word whose date only comes late in the line
    lines = split_lines(
        "By the way, the council has said many times that the tram network will grow "
        "again and that the work will finish on March 3, 2029"
    )
    # When a signed date is looked for
    # Then none is found
    assert find_signed_date(lines, 0, "en") == (None, None)


def test_extract_dates_article_from_compact_url_date() -> None:
    # Given a paste without a dateline and a URL whose slug ends in YYYYMMDD
    paste = f"City expands tram network\n\n{PARA}\n\n{PARA}\n"
    # When it is extracted with its URL
    article = extract(paste, url="https://www.example.fr/city/tram-network-20241122")
    # Then the URL's date is the publication date
    assert article.published_at == "2024-11-22"
    assert article.provenance["published_at"] == "url"


def test_clock_line_finds_time_only_dateline_under_headline() -> None:
    # Given a headline, a caption credit, a time-only dateline and a teaser date further down
    lines = split_lines(
        "City expands tram network\nFoto: Example\n5:00\nRelated story\n23. 12. 2024 13:31"
    )
    # When the time-only dateline is looked for under the headline
    # Then it is found
    assert clock_line(lines, 0) == 2


def test_clock_line_ignores_times_above_headline() -> None:
    # Given a teaser time in the menu above the headline
    lines = split_lines("Sports / 2 h ago\n20:00\nCity expands tram network\nBy Jane Doe")
    # When the time-only dateline is looked for
    # Then lines above the headline do not count
    assert clock_line(lines, 2) is None


def test_extract_leaves_date_empty_when_dateline_has_time_only() -> None:
    # Given a paste whose dateline states only a time, and a teaser date below
    paste = (
        f"City expands tram network\n5:00\n\n{PARA}\n\n{PARA}\n\n"
        "Older story about buses\n23. 12. 2024 13:31\n"
    )
    # When it is extracted
    article = extract(paste)
    # Then the teaser's date is not taken for the article's
    assert article.published_at is None


def test_published_word_in_more_languages_beats_a_nearer_teaser_date() -> None:
    # Given a headline, a dated teaser line, then a German "Erstellt:" dateline
    text = (
        "Straßenbahn wächst um zwölf Kilometer\n\n"
        "Auch interessant 12.03.2024, 09:00\n\n"
        "Erstellt: 25.04.2024, 14:05 Uhr\n\n" + "\n\n".join([PARA] * 4)
    )
    # When extracted
    # Then the dateline that names publication wins
    assert extract(text).published_at == "2024-04-25T14:05:00"


def _teaser_page(dateline: str) -> str:
    return (
        "Straßenbahn wächst um zwölf Kilometer\n\n"
        "Auch interessant 12.03.2024, 09:00\n\n"
        f"{dateline}\n\n" + "\n\n".join([PARA] * 4)
    )


def test_url_date_backs_the_dateline_that_agrees_with_it() -> None:
    # Given a dated teaser by the headline and a bare date line further down
    paste = _teaser_page("25.04.2024")
    # When extracted without, then with a URL stating the bare line's day
    # Then the teaser's time wins alone, the URL's day wins with the URL
    assert extract(paste).published_at == "2024-03-12T09:00:00"
    url = "https://paper.example/2024/04/25/tram"
    assert extract(paste, url=url).published_at == "2024-04-25"


def test_url_date_never_beats_a_published_dateline() -> None:
    # Given a "Veröffentlicht" dateline whose day the URL does not state
    paste = _teaser_page("Veröffentlicht am 24.04.2024")
    # When extracted with a URL stating another day
    # Then the dateline the paste writes wins
    url = "https://paper.example/2024/04/25/tram"
    assert extract(paste, url=url).published_at == "2024-04-24"


def test_signed_footer_date_beats_the_url_date() -> None:
    # Given a paste without a dateline but with a long signed blog footer under the
    # body, its share buttons and tags
    paste = (
        "Straßenbahn wächst um zwölf Kilometer\n\n"
        + "\n\n".join([PARA] * 4)
        + "\n\nTeilen:\nFacebook\nTwitter\nE-Mail\nDrucken\nTags\nStadt\nVerkehr\n\n"
        "Von Jane Doe am 03.03.2021 um 9:15. Abgelegt unter Stadt, Verkehr. Sie können "
        "alle Antworten zu diesem Eintrag durch den RSS 2.0 Feed verfolgen und auch selbst "
        "etwas dazu schreiben, oder einen Trackback von Ihrer eigenen Seite setzen."
    )
    # When extracted with a URL that states another day
    # Then the date the paste writes wins over the URL's
    article = extract(paste, url="https://blog.example/2021/03/02/tram")
    assert article.published_at == "2021-03-03T09:15:00"
    assert article.provenance["published_at"] == "signed-line"


def test_publication_word_inside_a_sentence_does_not_label_its_date() -> None:
    # Given a short dateline and a body sentence that says "date" before another day
    paste = (
        "Menu\nTram line opens to the suburbs\nOct 13, 2020\n\n"
        "The operator has set a new date for the second stage of the line: March 31, 2021.\n\n"
        + f"{PARA}\n\n"
        * 3
    )
    # When it is extracted
    # Then the dateline dates the article, not the sentence
    assert extract(paste).published_at == "2020-10-13"


def test_date_on_the_line_under_a_time_only_dateline_counts() -> None:
    # Given a header whose time and date stand on two lines under the headline
    paste = (
        "Menu\nTram line opens to the suburbs\nMo, 11:41 Uhr\n06.11.2023\n\n" + f"{PARA}\n\n" * 3
    )
    # When it is extracted
    # Then the date under the time is read
    assert extract(paste).published_at == "2023-11-06"


def test_find_signed_date_reads_labelled_footer_dateline() -> None:
    # Given a "Published:" line under the body
    lines = split_lines(f"{PARA}\nShare\nPublished: 03 December 2019")
    # When a signed date is looked for under the body
    # Then the labelled line dates the article
    assert find_signed_date(lines, 1, "en") == ("2019-12-03", 2)


def test_extract_reads_date_opening_the_first_paragraph() -> None:
    # Given a press release without dateline whose first paragraph opens with its date
    paste = "Menu\nTram line opens\n\n" + f"Karlsruhe, (12.11.2021). {PARA}\n\n" + f"{PARA}\n\n" * 2
    # When it is extracted
    article = extract(paste)
    # Then that date is the publication date
    assert article.published_at == "2021-11-12"
    assert article.provenance["published_at"] == "lead-paragraph"


def test_extract_prefers_date_above_the_body_to_a_comment_date_under_it() -> None:
    # Given a dated line far above the body and a dated comment right under it
    menu = "\n".join(f"Section {n}" for n in range(12))
    paste = (
        f"28.01.2022\n{menu}\nTram line opens to the suburbs\n\n"
        + f"{PARA}\n\n" * 3
        + "Jane says\n27.01.2022 18:19\n"
    )
    # When it is extracted
    # Then the date above the body dates the article
    assert extract(paste).published_at == "2022-01-28"


def test_extract_ignores_dates_before_the_web() -> None:
    # Given a dateline that is a historical date
    paste = "Menu\nTram line opens to the suburbs\n28.09.1912\n\n" + f"{PARA}\n\n" * 3
    # When it is extracted
    # Then no publication date is read from it
    assert extract(paste).published_at is None
