"""The plain-text extractor end to end on small synthetic pastes."""

from __future__ import annotations

import time

import pytest

from article_ingest.extract.text import extract

MENU = "\n".join(["Home", "News", "World", "Business", "Sport", "Culture", "Search"])
PARA = (
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "a project that officials say will take five years and cost about 400 million euros."
)
PASTE = f"""{MENU}
City expands tram network to the suburbs
By Jane Doe and John Roe
Published March 12, 2024 at 2:05 PM CET
Share
The new line will run past the hospital. (Photo by Max Muster/Example Agency)

{PARA}

What happens next

{PARA.replace("Tuesday", "Wednesday")}

{PARA.replace("Tuesday", "Thursday")}

Read next: Bus fares rise again in the new year as costs climb
Newsletter
© 2024 Example Media. All rights reserved.
"""


def test_extract_finds_header_fields() -> None:
    # Given a paste with menu, headline, byline and dateline
    # When it is extracted
    article = extract(PASTE)
    # Then the header fields are read from the lines above the body
    assert article.headline == "City expands tram network to the suburbs"
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.published_at == "2024-03-12T14:05:00+01:00"
    assert article.language == "en"


def test_extract_keeps_body_and_subheadings_only() -> None:
    # Given the same paste
    # When it is extracted
    article = extract(PASTE)
    # Then the body holds the paragraphs and the subheading, in order, and no furniture
    assert article.paragraphs[0] == PARA
    assert article.paragraphs[1] == "What happens next"
    assert len(article.paragraphs) == 4
    assert not any("Read next" in p or p == "Share" for p in article.paragraphs)


def test_extract_moves_captions_to_images() -> None:
    # Given a paste with a captioned lead photo
    # When it is extracted
    article = extract(PASTE)
    # Then the caption is an image with its credit parsed, and not in the body
    assert [im.credit for im in article.images] == ["Max Muster/Example Agency"]
    assert all("Photo by" not in p for p in article.paragraphs)


def test_extract_returns_empty_article_for_empty_input() -> None:
    # Given an empty paste
    # When it is extracted
    article = extract("  \n\n ")
    # Then nothing is invented
    assert article.headline == "" and article.paragraphs == [] and article.published_at is None


def test_extract_runs_in_linear_time_on_a_megabyte() -> None:
    # Given a paste of about 1 MB (menus, teasers and paragraphs repeated)
    big = (PASTE * (1_000_000 // len(PASTE) + 1))[:1_000_000]
    # When it is extracted
    began = time.perf_counter()
    extract(big)
    elapsed = time.perf_counter() - began
    # Then it finishes well under a second
    assert elapsed < 1.0


def test_extract_stops_body_at_comments() -> None:
    # Given a paste whose comments follow the article
    comments = f"Comments\n\nreader says:\n\n{PARA.replace('council', 'mayor')}\n"
    # When it is extracted
    article = extract(PASTE.replace("Read next:", comments + "Read next:"))
    # Then no comment reaches the body
    assert not any("mayor" in p for p in article.paragraphs)


def test_extract_stops_body_at_next_article() -> None:
    # Given a page that loads another article below the first (infinite scroll)
    follow = (
        "Second story about something else entirely\nPublished March 13, 2024 at 9:00 AM CET\n\n"
        + PARA.replace("tram", "bus")
    )
    more = "".join(f"\n\n{PARA.replace('Tuesday', f'day {i}')}" for i in range(10))
    # When it is extracted
    article = extract(PASTE.replace("Read next:", more + "\n\n" + follow + "\n\nRead next:"))
    # Then the second article's paragraphs are not part of the body
    assert not any(" bus " in p for p in article.paragraphs)


def test_extract_reads_standfirst_as_description() -> None:
    # Given a headline followed by a one-sentence standfirst
    standfirst = "Twelve kilometres of new track will link three suburbs to the centre by 2029"
    paste = PASTE.replace("to the suburbs\n", f"to the suburbs\n{standfirst}\n", 1)
    # When it is extracted
    article = extract(paste)
    # Then the standfirst is the description and the headline is unchanged
    assert article.description == standfirst
    assert article.headline == "City expands tram network to the suburbs"


def test_extract_sentence_standfirst_opens_the_body() -> None:
    # Given a standfirst written as a sentence under the headline
    standfirst = "Twelve kilometres of new track will link three suburbs to the centre by 2029."
    paste = PASTE.replace("to the suburbs\n", f"to the suburbs\n{standfirst}\n", 1)
    # When it is extracted
    article = extract(paste)
    # Then it is body text too, first (the HTML extractor's convention as well)
    assert article.description == standfirst
    assert article.paragraphs[0] == standfirst
    assert article.paragraphs[1] == PARA


LEAD = (
    "The council approved the largest transport project in the city's history on Tuesday, "
    "twelve kilometres of track that will link three suburbs and the hospital to the centre."
)


def test_extract_finds_lead_past_date_and_share_buttons() -> None:
    # Given a lead under the headline after a date, a count and share buttons, and
    # over the lead image's credit (a long line there is no caption)
    buttons = "12 March 2024\n1411\nFacebook\nTwitter\nWhatsApp"
    header = (
        f"City expands tram network to the suburbs\n{buttons}\n{LEAD}\n(Photo: Example Agency)\n"
    )
    paste = f"{MENU}\n{header}\n{PARA}\n\n{PARA.replace('Tuesday', 'Thursday')}\n"
    # When it is extracted
    article = extract(paste)
    # Then the lead is the description and the body's first paragraph
    assert article.description == LEAD
    assert article.paragraphs[:2] == [LEAD, PARA]


@pytest.mark.parametrize("credit", ["Photo: Max Muster/Getty Images", "Foto: Max Muster/dpa"])
def test_extract_short_line_over_a_credit_stays_a_caption(credit: str) -> None:
    # Given a sentence under the headline and byline, followed by a photo credit
    caption = "The new line will run past the hospital and the old depot."
    paste = (
        f"{MENU}\nCity expands tram network to the suburbs\nBy Jane Doe\nShare\n"
        f"{caption}\n{credit}\n\n{PARA}\n\n{PARA.replace('Tuesday', 'Thursday')}\n"
    )
    # When extracted
    article = extract(paste)
    # Then it is no standfirst and no body paragraph
    assert article.description is None
    assert caption not in article.paragraphs


def test_extract_author_bio_under_byline_is_no_standfirst() -> None:
    # Given a bio line that opens with the bylined author's name
    bio = "Jane Doe is a transport reporter who has covered city hall for a decade."
    paste = PASTE.replace("By Jane Doe and John Roe\n", f"By Jane Doe and John Roe\n{bio}\n")
    # When it is extracted
    article = extract(paste)
    # Then it is neither the description nor the body's opening
    assert article.description != bio
    assert article.paragraphs[0] == PARA


def test_extract_keeps_list_announced_by_colon() -> None:
    # Given a body whose last paragraph announces a list of short items
    items = ["June 9 at the Coral Sky Amphitheatre", "June 10 at the Credit Union Arena"]
    paste = PASTE.replace(
        "Read next:", "The tour dates are as follows:\n" + "\n".join(items) + "\n\nRead next:"
    )
    # When it is extracted
    article = extract(paste)
    # Then the list items are body paragraphs after the announcing line
    assert article.paragraphs[-2:] == items


def test_extract_prefers_headline_named_by_url_slug() -> None:
    # Given a paste with a teaser title right above the real header, and the page URL
    paste = PASTE.replace(
        "City expands tram network to the suburbs\n",
        "Bus fares rise again across the region this winter\n\n"
        "City expands tram network to the suburbs\n",
    )
    url = "https://paper.example/local/city-expands-tram-network-to-the-suburbs-123"
    # When it is extracted with its URL
    article = extract(paste, url=url)
    # Then the line the slug spells is the headline
    assert article.headline == "City expands tram network to the suburbs"


def test_extract_dates_from_url_only_when_page_has_no_dateline() -> None:
    # Given a paste without any dateline and a URL with a date path
    paste = PASTE.replace("Published March 12, 2024 at 2:05 PM CET\n", "")
    # When it is extracted with and without the URL
    # Then the URL date is used only when given, with its provenance
    assert extract(paste).published_at is None
    article = extract(paste, url="https://paper.example/2024/03/12/tram")
    assert article.published_at == "2024-03-12"
    assert article.provenance["published_at"] == "url"


def test_extract_falls_back_to_prose_lines_when_no_body_run() -> None:
    # Given a paste whose only sentence is taken as its headline: no body run is left
    paste = "Menu\nWelcome\n\n" + PARA.replace(".", "!") + "\n\nContact\nImprint\n"
    # When it is extracted
    article = extract(paste)
    # Then the paste's prose stands in for the body, with the warning
    assert article.paragraphs == [PARA.replace(".", "!")]
    assert article.warnings == ["body_fallback"]


def test_extract_falls_back_to_readable_lines_without_prose() -> None:
    # Given a paste of short lines only (a link list)
    paste = "Home\nOpening hours Monday to Friday\nCall us any time\nShare\n"
    # When it is extracted
    article = extract(paste)
    # Then its lines that are not furniture stand in for the body, with the warning
    assert article.paragraphs == ["Opening hours Monday to Friday", "Call us any time"]
    assert "body_fallback" in article.warnings


def test_extract_ends_body_at_author_box() -> None:
    # Given an article followed by an author box whose bio is a sentence
    paste = (
        "Menu\nCity expands tram network\n\n"
        + f"{PARA}\n\n" * 3
        + "About the author\n\nJane Doe writes about transport and cities for the paper.\n"
    )
    # When it is extracted
    article = extract(paste)
    # Then the bio is not body
    assert not any("Jane Doe writes" in p for p in article.paragraphs)


DAYS = [PARA.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Friday")]


def _days_paste(tail: str, byline: str = "") -> str:
    """A paste of the DAYS paragraphs under a headline (and a byline line), then `tail`."""
    header = "Menu\nCity expands tram network\n" + (f"{byline}\n" if byline else "")
    return header + "\n" + "\n\n".join(DAYS) + tail


def test_extract_ends_body_at_author_box_headed_by_the_writers_name() -> None:
    # Given a bylined article followed by "Über Jane Doe" and her bio
    bio = "Als Verkehrsreporterin schreibt sie seit zehn Jahren über die Stadt und ihre Bahnen."
    paste = _days_paste(f"\n\nÜber Jane Doe\n\n{bio}\n", byline="By Jane Doe")
    # When it is extracted
    article = extract(paste)
    # Then the box is not body
    assert article.authors == ["Jane Doe"]
    assert article.paragraphs == DAYS


def test_extract_keeps_about_section_of_a_company() -> None:
    # Given a bylined press release whose last section is "About <company>", a
    # name-shaped one
    about = "Example Transit runs the trams and buses of the city and employs 4,000 people."
    paste = _days_paste(f"\n\nAbout Example Transit\n\n{about}\n", byline="By Jane Doe")
    # When it is extracted
    article = extract(paste)
    # Then the section stays: its heading names no bylined writer
    assert article.paragraphs[-2:] == ["About Example Transit", about]


def test_extract_author_box_glued_under_a_colon_line_is_no_list() -> None:
    # Given a rating prompt, the author-box heading and a short bio glued under it
    paste = _days_paste("\n\nYour rating:\nAbout the author\nJane Doe writes about transport.\n")
    # When it is extracted
    article = extract(paste)
    # Then the list stops at the heading: neither it nor the bio is body
    assert article.paragraphs[-1] == DAYS[-1]


def test_extract_keeps_a_closing_short_sentence_after_the_body() -> None:
    # Given an interview whose last line is a short sign-off, then the page's footer
    paste = _days_paste(
        "\n\nThank you. See you tomorrow.\n\nWe use short lines here.\n\nImprint\nContact\n"
    )
    # When extracted
    article = extract(paste)
    # Then the sign-off closes the body; the footer's next line does not
    assert article.paragraphs == [*DAYS, "Thank you. See you tomorrow."]


def test_extract_author_box_under_a_colon_line_is_no_list() -> None:
    # Given a rating prompt ending in a colon right above the author box
    paste = (
        "Menu\nCity expands tram network\n\n"
        + f"{PARA}\n\n" * 3
        + "Your rating:\n\nAbout the author\n\n"
        + "Jane Doe writes about transport and cities for the paper, and has done so "
        + "since the first tram line closed in the nineteen sixties.\n"
    )
    # When it is extracted
    article = extract(paste)
    # Then the author box ends the body: neither its heading nor the bio is a list item
    assert "About the author" not in article.paragraphs
    assert not any("Jane Doe writes" in p for p in article.paragraphs)
