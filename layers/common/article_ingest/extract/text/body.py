"""Find the article body in a classified paste (its paragraphs: `paragraphs`).

The body is the densest run of prose: each line gets a weight (prose counts its
words, furniture and menu lines cost a little each) and the maximum-sum run of
consecutive lines (Kadane, one linear pass) is the article; a comments heading
and another article's dateline end it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import gt

from ..dates import find_datetime
from . import vocabulary as v
from .lines import PROSE_MIN_WORDS, Kind, Line
from .paragraphs import LIST_ITEM_MIN_WORDS, is_reader_prompt, is_short_sentence

# Costs of non-prose lines. A menu of 30 entries costs ~90, more than a teaser
# paragraph earns, so the body does not stretch across navigation; a subheading or
# an in-article ad label between paragraphs costs less than a paragraph earns.
SHORT_COST = 3.0
FURNITURE_COST = 10.0
CREDIT_COST = 4.0
# A run above the comments wall is the article when it weighs this share of the
# heaviest run under it (a short post above a long thread).
ABOVE_WALL_SHARE = 0.2
# The comments heading is a wall no article outweighs.
WALL_COST = 1e9
# Bulleted items earn half: lists are body in some articles, teasers in others.
BULLET_SHARE = 0.5
# A prose line glued to neighbours (no blank line on either side) is often a
# teaser lead or a caption; it earns this share of its words.
GLUED_PROSE_SHARE = 0.6
# ...and this share (a cost) once the page is known to set paragraphs off: glued
# prose weighs as much as short lines of its length.
TIGHT_GLUED_SHARE = -SHORT_COST / PROSE_MIN_WORDS
# Share of the run's prose words in blank-separated paragraphs from which the page
# counts as paragraph-styled (glued prose there is furniture). The loose run of a
# page with teaser cards holds as many glued words as article words, so the bar is
# low; 0.3-0.4 scored alike on both benchmarks, 0.2 and 0.5 worse.
PARAGRAPH_STYLE_SHARE = 0.35
# Paragraphs the body must have before a dateline can start another article.
NEXT_ARTICLE_AFTER = 10
# Paragraphs the body must have before an author-box heading ends it.
AUTHOR_BOX_AFTER = 3
# A dateline of another article is short.
NEXT_DATELINE_WORDS = 12
# "About Jane Doe" heading an author box is short.
ABOUT_NAME_MAX_WORDS = 6


def is_glued(line: Line) -> bool:
    """No blank line on either side: a <div> line, not a <p> paragraph."""
    return not (line.blank_before or line.blank_after)


def weight(line: Line, glued_share: float = GLUED_PROSE_SHARE) -> float:
    """How much a line argues for being inside the body."""
    if line.wall:
        return -WALL_COST
    if line.kind is Kind.PROSE:
        return line.words * (glued_share if is_glued(line) else 1.0)
    if line.kind is Kind.BULLET:
        return line.words * BULLET_SHARE
    if line.kind is Kind.FURNITURE:
        # a bare separator ("* * *", "·") may divide sections; a phrase is furniture
        return -FURNITURE_COST if line.wordy else -SHORT_COST
    if line.kind is Kind.CREDIT:
        return -CREDIT_COST
    return -SHORT_COST


def _densest(lines: list[Line], ids: list[int], weight_of: dict[int, float]) -> tuple[int, int]:
    """`_kadane` over the lines' weights, given by Line object (`id`).

    A run after a comments heading is the thread, not the article, when a run
    before the nearest such heading above it weighs at least ABOVE_WALL_SHARE of
    it: that one is taken.
    A bare "Comments" word is no such heading (share bars carry it as a button).
    """
    if all(w <= 0 for w in weight_of.values()):
        return 0, 0  # nothing argues for a body
    weights = list(map(weight_of.__getitem__, ids))
    start, end = _kadane(weights)
    wall = next((i for i in range(start - 1, -1, -1) if lines[i].wall and lines[i].words > 1), None)
    if wall is None:
        return start, end
    above = _kadane(weights[:wall])
    if sum(weights[above[0] : above[1]]) >= ABOVE_WALL_SHARE * sum(weights[start:end]):
        return above
    return start, end


def _kadane(weights: list[float]) -> tuple[int, int]:
    """[start, end) of the first maximum-sum run, (0, 0) if no weight is positive.

    While the total is not positive, a non-positive weight would only restart
    the run: the loop jumps to the next positive weight (found in C).
    """
    positive = list(compress(range(len(weights)), map(gt, weights, repeat(0.0))))
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    i = 0
    while i < len(weights):
        if total <= 0:
            at = bisect_left(positive, i)
            if at == len(positive):
                break
            i = positive[at]
            total, start = 0.0, i
        total += weights[i]
        if total > best:
            best, best_span = total, (start, i + 1)
        i += 1
    return best_span


@dataclass(frozen=True, slots=True)
class Run:
    """Where the body runs: [start, end) of the line list.

    `lead` is where the run starts when glued prose counts (a standfirst set in
    a <div> sits there): the header is looked for above it. `set_off` tells that
    the page sets its paragraphs off with blank lines, so its subheadings are set
    off too.
    """

    start: int
    end: int
    lead: int
    set_off: bool


def densest_run(lines: list[Line]) -> Run:
    """The maximum-weight run of consecutive lines.

    When the run's prose is mostly paragraphs set off by blank lines, glued prose
    lines are teaser cards or captions of that page: a second pass weighs them
    as short lines, so the run stops where the cards begin.
    """
    # Equal lines with equal blank neighbours are one object (`split_lines`): a
    # paste of a million short lines has a handful, weighed once each and looked
    # up by identity in C.
    ids = list(map(id, lines))
    distinct = dict(zip(ids, lines, strict=True))
    weight_of = {key: weight(line) for key, line in distinct.items()}
    start, end = _densest(lines, ids, weight_of)
    separate = glued = 0
    for line in lines[start:end]:
        if line.kind is Kind.PROSE:
            if is_glued(line):
                glued += line.words
            else:
                separate += line.words
    if separate >= PARAGRAPH_STYLE_SHARE * (separate + glued):
        tight = {
            key: line.words * TIGHT_GLUED_SHARE
            for key, line in distinct.items()
            if line.kind is Kind.PROSE and is_glued(line)
        }
        tight_start, tight_end = _densest(lines, ids, weight_of | tight) if tight else (start, end)
        return Run(tight_start, tight_end, min(start, tight_start), set_off=True)
    return Run(start, end, start, set_off=False)


def _past_prose(lines: list[Line], start: int, end: int) -> Iterator[tuple[int, Line, int]]:
    """The non-prose lines of lines[start:end], each with its index and the number of
    prose lines above it in the range (how much body a heading or dateline ends)."""
    prose = 0
    for j in range(start, end):
        line = lines[j]
        if line.kind is Kind.PROSE:
            prose += 1
        else:
            yield j, line, prose


def cut_at_next_article(lines: list[Line], start: int, end: int) -> int:
    """End of the body when another article or the author box follows inside the run.

    Pages that load the next article below (infinite scroll) repeat a dateline
    ("Publisert 06.01.2026 - 16:25"); once the body has a few paragraphs, the
    first such dateline ends it after the last prose line above. An author-box
    heading ("About the author") ends it where it stands.
    """
    for j, line, prose in _past_prose(lines, start, end):
        if prose >= AUTHOR_BOX_AFTER and v.AUTHOR_BOX.match(line.text):
            return j  # "About the author": the bio follows, not the story
        if prose < NEXT_ARTICLE_AFTER or line.words > NEXT_DATELINE_WORDS:
            continue
        if line.kind is not Kind.SHORT:
            continue
        if not (v.PUBLISHED_WORDS.search(line.text) or v.UPDATED_WORDS.search(line.text)):
            continue
        if find_datetime(line.text) is None:
            continue
        for k in range(j - 1, start, -1):
            if lines[k].kind is Kind.PROSE:
                return k + 1
        return end
    return end


def cut_at_about_the_author(lines: list[Line], start: int, end: int, authors: Sequence[str]) -> int:
    """End of the body at a box headed by the bylined writer's name ("About Jane Doe",
    "Über Moritz Bachmann"): the bio follows. Only a name the byline gives counts: a
    press release's "About Example Transit" is its own section, kept."""
    names = {name.casefold() for name in authors}
    if not names:
        return end
    for j, line, prose in _past_prose(lines, start, end):
        if prose < AUTHOR_BOX_AFTER or line.kind is not Kind.SHORT:
            continue
        if line.words > ABOUT_NAME_MAX_WORDS:
            continue
        m = v.ABOUT_NAME.fullmatch(line.text)
        if m is not None and m["name"].strip().casefold() in names:
            return j
    return end


def extend_list(lines: list[Line], end: int) -> int:
    """Extend the body over a list its last line announces ("Tour dates:").

    List items are short lines, so the densest run stops before them; they are
    taken while they have a few words and are not furniture.
    """
    if 0 < end < len(lines) and lines[end].kind is Kind.SHORT and lines[end].text.endswith(":"):
        end += 1  # the announcing line itself ("The tour dates are:")
    if end == 0 or end >= len(lines) or not lines[end - 1].text.endswith(":"):
        return end
    while (
        end < len(lines)
        and lines[end].kind in (Kind.SHORT, Kind.BULLET)
        and lines[end].words >= LIST_ITEM_MIN_WORDS
        and not lines[end].wall
        and not v.AUTHOR_BOX.match(lines[end].text)  # "About the author": the bio follows
    ):
        end += 1
    return end


def extend_closing_line(lines: list[Line], end: int, set_off: bool) -> int:
    """Take the short sentence right after the body's last line: a sign-off or an
    update note ("Gerne. Bis morgen.", "Update July 3rd: Added a tweet.") weighs as a
    short line, so the densest run stops before it. One line only: further short
    lines are the page's own. (Up to three gained nothing more on the pastes.)"""
    if end >= len(lines):
        return end
    line = lines[end]
    if line.wall or is_reader_prompt(line) or not is_short_sentence(line, set_off):
        return end
    return end + 1
