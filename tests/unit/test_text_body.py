"""The body run of the plain-text extractor on pastes with repeated lines."""

from __future__ import annotations

import random

import pytest

from article_ingest.extract.text.body import (
    ABOVE_WALL_SHARE,
    TIGHT_GLUED_SHARE,
    densest_run,
    weight,
)
from article_ingest.extract.text.lines import split_lines
from article_ingest.extract.text.paragraphs import drop_author_bio, select

PARA = (
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "a project that officials say will take five years and cost about 400 million euros."
)
SHAPES = [
    PARA,
    PARA.replace("Tuesday", "Monday"),
    "Home",
    "Share",
    "© Example Media",
    "• The council will vote again next year on the second tram line.",
    "Comments",
    "",
]


def _first_max_run(weights: list[float]) -> tuple[int, int]:
    """The first maximum-sum run of `weights`, one line at a time (the reference)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _reference_run(lines: list, glued_share: float | None = None) -> tuple[int, int]:
    """`_first_max_run` of the line weights, or the run above the first comments
    heading (not a bare "Comments") before it when that weighs ABOVE_WALL_SHARE."""
    weights = [weight(ln) if glued_share is None else weight(ln, glued_share) for ln in lines]
    start, end = _first_max_run(weights)
    wall = next((i for i in range(start - 1, -1, -1) if lines[i].wall and lines[i].words > 1), None)
    if wall is None:
        return start, end
    above = _first_max_run(weights[:wall])
    if sum(weights[above[0] : above[1]]) >= ABOVE_WALL_SHARE * sum(weights[start:end]):
        return above
    return start, end


def test_densest_run_finds_the_body_between_long_repeats_of_a_menu_line() -> None:
    # Given a body between thousands of repeats of one menu line
    text = "Home\n" * 5000 + f"\n{PARA}\n\n{PARA}\n\n" + "Home\n" * 5000
    # When the densest run is found
    lines = split_lines(text)
    run = densest_run(lines)
    # Then it is the two paragraphs
    assert (run.start, run.end) == (5000, 5002)


@pytest.mark.parametrize("seed", range(30))
def test_densest_run_is_the_first_maximum_run_of_line_weights(seed: int) -> None:
    # Given a paste of random repeats of prose, menu, credit, bullet and blank lines,
    # some of them unique
    rng = random.Random(seed)
    text = "\n".join(
        rng.choice(SHAPES) if rng.random() < 0.1 * (seed % 10) else f"{rng.choice(SHAPES)} {i}"
        for i in range(rng.randrange(1, 300))
    )
    lines = split_lines(text)
    # When the densest run is found (repeated lines are weighed as one repeat)
    run = densest_run(lines)
    # Then it is the first maximum-sum run of the lines' weights, line by line
    # (or the run above a comments heading, see `_reference_run`)
    start, end = _reference_run(lines)
    if run.set_off:  # a second pass weighs glued prose as a cost
        tight = _reference_run(lines, TIGHT_GLUED_SHARE)
        assert (run.start, run.end, run.lead) == (*tight, min(start, tight[0]))
    else:
        assert (run.start, run.end, run.lead) == (start, end, start)


@pytest.mark.parametrize("times", [1, 100])
def test_split_lines_shares_one_line_per_text_and_blank_neighbours(times: int) -> None:
    # Given a paste repeating one line, glued and set off by blank lines
    lines = split_lines("Home\nHome\nHome\n\nHome\n\nHome\n" * times)
    # Then the lines keep their blank neighbours
    assert [(ln.text, ln.blank_before, ln.blank_after) for ln in lines[:5]] == [
        ("Home", True, False),
        ("Home", False, False),
        ("Home", False, True),
        ("Home", True, True),
        ("Home", True, False),
    ]
    # and once lines repeat, equal lines with equal neighbours are one object
    assert times == 1 or lines[1] is lines[-4]


OTHER = PARA.replace("Tuesday", "Friday")


def test_select_drops_reader_prompts() -> None:
    # Given a body whose last lines ask the reader to subscribe and to support the site
    lines = split_lines(
        f"{PARA}\n\n{OTHER}\n\nSign up for our newsletter and get the best stories every week.\n\n"
        "Did you like this article? Support our journalism with a donation today.\n\n"
        "Found a mistake? Tell the newsroom about it in a short message.\n"
    )
    # When the body is selected
    body = select(lines, 0, len(lines), set())
    # Then the prompts are left out and the paragraphs kept
    assert body.paragraphs == [PARA, OTHER]


def test_select_keeps_a_short_sentence_set_off_as_a_paragraph() -> None:
    # Given a one-line paragraph of a few words between two paragraphs, and a label
    lines = split_lines(f"{PARA}\n\nThen it began to rain.\n\nMore on this\n\n{OTHER}\n")
    # When the body is selected on a page that sets paragraphs off
    body = select(lines, 0, len(lines), set(), set_off=True)
    # Then the sentence is a paragraph; the label without a final stop is not
    assert body.paragraphs == [PARA, "Then it began to rain.", OTHER]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Then it began to rain.", True),
        ("Was it worth it?", True),
        ("then it began to rain.", False),  # no capital: a fragment
        ("Read the whole story..", False),  # cut short
        ("Go now.", False),  # two words
        ("Then it began to rain", False),  # no final stop: a label
    ],
)
def test_select_short_sentence_shape(line: str, kept: bool) -> None:
    # Given a short line after a paragraph, then a label, on a page that sets
    # paragraphs off (a short line right above prose would be a subheading)
    lines = split_lines(f"{PARA}\n\n{line}\n\nMore on this\n\n{OTHER}\n")
    # When the body is selected
    body = select(lines, 0, len(lines), set(), set_off=True)
    # Then it is a paragraph only when written as a sentence of three words or more
    assert (line in body.paragraphs) is kept


def test_select_short_sentence_glued_to_labels_is_not_kept_on_set_off_pages() -> None:
    # Given a short sentence glued to a label on a page that sets paragraphs off
    lines = split_lines(f"{PARA}\n\nNewsletter\nGet it now.\n\n{OTHER}\n")
    # When the body is selected
    body = select(lines, 0, len(lines), set(), set_off=True)
    # Then it stays out, as glued short lines there are labels and teasers
    assert body.paragraphs == [PARA, OTHER]


def test_select_drops_app_and_channel_pitches() -> None:
    # Given a body ending in the site's pitches for its apps and its channel, the
    # name between no-break spaces as pages paste it
    lines = split_lines(
        f"{PARA}\n\n{OTHER}\n\n"
        "For the latest stories and breaking news updates download the\xa0Example News"
        " apps\xa0for iOS and Android.\n\n"
        "¡Mira lo que tiene nuestro canal de YouTube!\n"
    )
    # When the body is selected
    body = select(lines, 0, len(lines), set())
    # Then the pitches are left out and the paragraphs kept
    assert body.paragraphs == [PARA, OTHER]


def test_densest_run_keeps_short_post_above_a_long_comment_thread() -> None:
    # Given a short post, a blog's comment heading naming it, and a longer thread
    comment = "I really enjoyed reading this, thank you so much for sharing it with us all here."
    text = f"{PARA}\n\n2 thoughts on “Tram line opens”\n\n" + f"{comment}\n\n" * 4
    lines = split_lines(text)
    # When the body run is found
    run = densest_run(lines)
    # Then it is the post, not the thread
    assert (run.start, run.end) == (0, 1)


def test_densest_run_ignores_bare_comments_button_for_the_thread_rule() -> None:
    # Given a share bar with a "Comments" button above the article
    text = f"Menu\n{PARA}\nFacebook\nComments\nPrint\n\n" + f"{OTHER}\n\n" * 6
    lines = split_lines(text)
    # When the body run is found
    run = densest_run(lines)
    # Then the article under the bar is the body
    assert run.start == 5


def test_select_keeps_long_sentence_without_final_stop() -> None:
    # Given a body with a long sentence whose final stop is missing, and a long title-like line
    lines = split_lines(
        f"{PARA}\n\nThe council said that the new line would be ready in time for the summer and "
        "that the work on the second stage would begin in the autumn of the same year\n\n"
        "Tram Line Opening Dates Stations Prices Maps Timetables Tickets Parking Bikes Buses "
        "Trains Ferries Airport Harbour Centre North South East West\n\n"
        f"{OTHER}\n"
    )
    # When the body is selected
    body = select(lines, 0, len(lines), set())
    # Then the sentence is kept and the list of labels is not
    assert len(body.paragraphs) == 3
    assert body.paragraphs[1].startswith("The council said")


def test_densest_run_looks_above_the_nearest_comments_heading() -> None:
    # Given a comment counter in the header, a post, the thread heading and a long thread
    comment = "I really enjoyed reading this, thank you so much for sharing it with us all here."
    text = (
        f"80 Comments\n\n{PARA}\n\n{OTHER}\n\nThis Post Has 80 Comments\n\n" + f"{comment}\n\n" * 8
    )
    lines = split_lines(text)
    # When the body run is found
    run = densest_run(lines)
    # Then it is the post between the counter and the thread heading
    assert (run.start, run.end) == (1, 3)


def test_drop_author_bio_removes_bio_under_the_body() -> None:
    # Given a body that ends with an author's bio
    paragraphs = [PARA, OTHER, "Jane Muster is a freelance journalist based in Vienna."]
    # When the bio is dropped
    # Then the story's paragraphs remain
    assert drop_author_bio(paragraphs) == [PARA, OTHER]


def test_drop_author_bio_keeps_a_short_body_and_ordinary_endings() -> None:
    # Given a two-paragraph body ending with a bio-like line, and a body ending with a sentence
    short = [PARA, "Jane Muster is a reporter for the paper."]
    ordinary = [PARA, OTHER, "Paris is the capital of France."]
    # When bios are dropped
    # Then nothing is removed
    assert drop_author_bio(short) == short
    assert drop_author_bio(ordinary) == ordinary


def test_select_keeps_the_start_of_a_sentence_broken_by_a_line_break() -> None:
    # Given a paragraph whose first words stand on a short line of their own (a <br>)
    lines = split_lines(
        f"{PARA}\n\nThe poster competition for children\n"
        "takes place for the sixth time this year, and children between six and twelve "
        "are invited to take part with their most colourful ideas.\n\n"
        f"{OTHER}\n"
    )
    # When the body is selected
    body = select(lines, 0, len(lines), set())
    # Then the short line is kept with the sentence it starts
    assert "The poster competition for children" in body.paragraphs
