"""The text pipeline's three stages as a small stable API: the body run (`layout`),
the header record (`read_header`), the body selection (`select_body`)."""

from __future__ import annotations

from article_ingest.extract.text import extract, layout
from article_ingest.extract.text.lines import split_lines
from article_ingest.extract.text.record import read_header
from article_ingest.extract.text.selection import select_body

PASTE = (
    "Home | News | Sport\n\n"
    "Council approves the new tram line\n\n"
    "By Jane Roe\n"
    "Published 12 March 2024\n\n"
    "The city council approved the new tram line on Monday after a two-year debate, "
    "with construction to start next spring and the first trams running in 2028.\n\n"
    "The line will link the station with the university and the new hospital, and the "
    "council expects twelve thousand passengers a day in its first year.\n\n"
    "Opponents said the money would be better spent on buses and on repairing roads.\n"
)


def _stages(text: str):  # type: ignore[no-untyped-def]
    lines = split_lines(text)
    run, end, lo, hi = layout(lines)
    record = read_header(lines, text, run, end, (lo, hi), None, "en")
    return lines, record, select_body(lines, run, end, record)


def test_the_header_record_names_the_lines_it_was_read_from() -> None:
    # Given a paste with a headline, a byline and a dateline above its body
    lines, record, _ = _stages(PASTE)
    # When its header is read / Then each field and the line it came from are known
    assert record.headline == "Council approves the new tram line"
    assert record.byline.authors == ["Jane Roe"]
    assert record.published_at is not None and record.published_at.startswith("2024-03-12")
    taken = {lines[i].text for i in record.header_lines()}
    assert {"Council approves the new tram line", "By Jane Roe"} <= taken


def test_the_body_selection_leaves_the_header_out() -> None:
    # Given the same paste / When its body is selected
    _, _, body = _stages(PASTE)
    # Then it is the three paragraphs, none of the header's lines
    assert len(body.paragraphs) == 3 and body.paragraphs[0].startswith("The city council")
    assert not any("Jane Roe" in p or "Published" in p for p in body.paragraphs)
    assert body.warnings == []


def test_the_stages_compose_into_extract() -> None:
    # Given the same paste / Then extract answers what the stages found
    _, record, body = _stages(PASTE)
    article = extract(PASTE)
    assert article.headline == record.headline and article.paragraphs == body.paragraphs


def test_the_body_keeps_the_runs_prose_above_its_headline() -> None:
    # Given a paste whose body run starts with a lead above the line ranked the headline
    # (a first section title taken for the title)
    lead = (
        "Autumn is here, and with it the best weeks for a day out: we picked the trips "
        "worth the train ride, from tree-top walks to a sauna on a lake."
    )
    text = f"Home | News\n\n{lead}\n\nWalk above the trees\n\n" + PASTE.split("\n\n", 4)[4]
    lines = split_lines(text)
    run, end, lo, hi = layout(lines)
    record = read_header(lines, text, run, end, (lo, hi), None, "en")
    title = next(i for i, line in enumerate(lines) if line.text == "Walk above the trees")
    record.headline_at, record.title_lines = title, [title]
    assert run.start < title
    # When its body is selected
    body = select_body(lines, run, end, record)
    # Then the lead opens the body, then the text under the headline
    assert body.paragraphs[0] == lead
    assert body.paragraphs[1].startswith("The line will link")
