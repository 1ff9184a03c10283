"""The article's header around the body start: headline, dateline, summary bullets.

Pages put the headline, standfirst, byline, dateline, lead image and key points
in the few lines before the first paragraph. This module looks in that window
only, so a date or a name inside the body or in a teaser is never taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import find_datetime
from . import vocabulary as v
from .byline import is_person
from .lines import Kind, Line

# How far before the body start the header may begin (non-blank lines). Forty
# covers a headline, standfirst, byline, date, caption and a share bar of ~25 icons.
HEADER_LINES = 40
# How far into the body run a header line may sit (the run may start at the
# standfirst, above the byline).
HEADER_OVERLAP = 15
# The headline itself may sit only this far into the body run (the run can start
# at a question-shaped headline; further in, title-shaped lines are subheadings).
HEADLINE_OVERLAP = 4
# Headline length bounds in words.
HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 40
# A dateline is short; longer lines with a date are body sentences.
DATELINE_MAX_WORDS = 25
# A dateline this short is mostly date ("Friday 22 Nov 2024 4:55 PM MYT").
SHORT_DATELINE_WORDS = 12
# Each line between a dateline and the headline costs this much.
DATE_DISTANCE_COST = 0.1
# Fallback datelines (anywhere on the page) must be this short: "Friday 22 November
# 2024 08:49 GMT", not a teaser that mentions a date.
FALLBACK_DATELINE_WORDS = 12
# ...and lie within this many lines of the headline (bounds the work on huge pastes).
FALLBACK_REACH = 400
# Each line between a candidate headline and the body start costs this much: the
# headline is the title-shaped line closest above the byline and body.
DISTANCE_COST = 0.1
# A mark (byline, dateline) this many lines below a candidate vouches for it.
MARK_REACH = 6
# Headlines longer than this are usually standfirsts.
HEADLINE_LONG_WORDS = 22
# A headline repeated above the body (breadcrumb, "Headline | Site") is a strong
# sign, but short labels ("Krieg in der Ukraine") repeat in menus too.
DUPLICATE_MIN_WORDS = 5


@dataclass(slots=True)
class Header:
    headline_at: int | None = None
    date: str | None = None
    date_at: int | None = None


def window(start: int, end: int) -> tuple[int, int]:
    """Line-index range of the header around a body run starting at `start`."""
    return max(0, start - HEADER_LINES), min(end, start + HEADER_OVERLAP)


def _headline_shaped(line: Line) -> bool:
    if line.kind not in (Kind.SHORT, Kind.PROSE):
        return False
    if not HEADLINE_MIN_WORDS <= line.words <= HEADLINE_MAX_WORDS:
        return False
    text = line.text
    if text.endswith((":", ",", ";", ")", "—", "–", "-", "|")) or v.BYLINE_START.match(text):
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    if v.RELATIVE_TIME.search(text) or is_person(text):
        return False
    return find_datetime(text) is None or line.words > DATELINE_MAX_WORDS // 2


def is_mark(line: Line) -> bool:
    """A header mark: byline, dateline, relative time or an author's name."""
    if line.words > DATELINE_MAX_WORDS:
        return False
    text = line.text
    if v.BYLINE_START.match(text) or v.RELATIVE_TIME.search(text):
        return True
    first = v.BYLINE_PARTS.split(text, maxsplit=1)[0]
    return is_person(first) or find_datetime(text) is not None


def find_headline(lines: list[Line], start: int, lo: int, hi: int, head_text: str) -> int | None:
    """Index of the best headline candidate in lines[lo:hi].

    The headline is title-shaped and sits just above the header marks (byline,
    dateline), near the body start. `head_text` is the page text above the body
    end: a headline that is repeated there (breadcrumb, "Headline | Site") earns
    a bonus.
    """
    best: tuple[float, int] | None = None
    marks = [i for i in range(lo, min(len(lines), hi + MARK_REACH)) if is_mark(lines[i])]
    for i in range(lo, hi):
        line = lines[i]
        if not _headline_shaped(line):
            continue
        score = min(line.words, 12) / 4
        if line.words >= DUPLICATE_MIN_WORDS and head_text.count(line.text) >= 2:
            score += 3
        if any(i < m <= i + MARK_REACH for m in marks):
            score += 4
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and nxt.kind in (Kind.PROSE, Kind.BULLET, Kind.CREDIT):
            score += 1.5
        if i >= start:
            score -= 2
        if line.words > HEADLINE_LONG_WORDS:
            score -= 2
        score -= DISTANCE_COST * abs(start - i)
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def dateline_score(line: Line, found: str, distance: int) -> float:
    """How much a dated line looks like the article's publication dateline.

    A dateline names publication, carries a time and is short; a caption or a
    teaser that mentions a day is long and has none of these. Lines closer to
    the headline win ties.
    """
    text = line.text
    score = 0.0
    if v.PUBLISHED_WORDS.search(text):
        score += 4
    elif v.UPDATED_WORDS.search(text):
        score -= 2
    if "T" in found:
        score += 2
    score += 1 if line.words <= SHORT_DATELINE_WORDS else -2
    return score - DATE_DISTANCE_COST * distance


def find_date(
    lines: list[Line], indices: list[int], near: int, lang: str | None
) -> tuple[str | None, int | None]:
    """The publication date from the best dateline among `indices`.

    `near` is the headline's line (or the body start): datelines sit close to it.
    """
    best: tuple[float, str, int] | None = None
    for i in indices:
        line = lines[i]
        if line.words > DATELINE_MAX_WORDS and not v.PUBLISHED_WORDS.search(line.text):
            continue
        if line.words > DATELINE_MAX_WORDS * 4:
            continue
        found = find_datetime(line.text, lang=lang)
        if found is None:
            continue
        score = dateline_score(line, found, abs(i - near))
        if best is None or score > best[0]:
            best = (score, found, i)
    return (best[1], best[2]) if best else (None, None)


def find_any_date(
    lines: list[Line], end: int, near: int, lang: str | None
) -> tuple[str | None, int | None]:
    """Fallback: the best short dateline anywhere within reach of line `near`.

    Only short lines count (a date inside a sentence is an event, not the
    publication).
    """
    reach = range(max(0, near - FALLBACK_REACH), min(end, len(lines), near + FALLBACK_REACH))
    short = [i for i in reach if lines[i].words <= FALLBACK_DATELINE_WORDS]
    return find_date(lines, short, near, lang)


def summary_bullets(lines: list[Line], lo: int, hi: int) -> list[int]:
    """Indices of the key-point bullets in lines[lo:hi] (the first bulleted run)."""
    out: list[int] = []
    for i in range(lo, hi):
        if lines[i].kind is Kind.BULLET:
            out.append(i)
        elif out:
            break
    return out


def strip_bullet(text: str) -> str:
    return v.BULLET.sub("", text, count=1).strip()
