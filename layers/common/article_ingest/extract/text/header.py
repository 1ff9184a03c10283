"""The article's header around the body start: headline, dateline, summary bullets.

Pages put the headline, standfirst, byline, dateline, lead image and key points
in the few lines before the first paragraph. This module looks in that window
only, so a date or a name inside the body or in a teaser is never taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import find_datetime
from . import vocabulary as v
from .lines import Kind, Line

# How far before the body start the header may begin (non-blank lines). Forty
# covers a headline, standfirst, byline, date, caption and a share bar of ~25 icons.
HEADER_LINES = 40
# How far into the body run a header line may sit (the run may start at the
# standfirst, above the byline).
HEADER_OVERLAP = 10
# Headline length bounds in words.
HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 40
# A dateline is short; longer lines with a date are body sentences.
DATELINE_MAX_WORDS = 25
# Each line between a candidate headline and the body start costs this much: the
# headline is the title-shaped line closest above the byline and body.
DISTANCE_COST = 0.35


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
    if text.endswith((":", ",", ";")) or v.BYLINE_START.match(text):
        return False
    if line.kind is Kind.PROSE and text.endswith(".") and not text.endswith("..."):
        return False
    return find_datetime(text) is None or line.words > DATELINE_MAX_WORDS // 2


def _is_dateline(line: Line) -> bool:
    return line.words <= DATELINE_MAX_WORDS and find_datetime(line.text) is not None


def find_headline(lines: list[Line], start: int, lo: int, hi: int, head_text: str) -> int | None:
    """Index of the best headline candidate in lines[lo:hi].

    `head_text` is the page text above the body end: a headline that is repeated
    there (breadcrumb, document title "Headline | Site") earns a bonus.
    """
    best: tuple[float, int] | None = None
    marks = [
        i for i in range(lo, hi) if _is_dateline(lines[i]) or v.BYLINE_START.match(lines[i].text)
    ]
    for i in range(lo, hi):
        line = lines[i]
        if not _headline_shaped(line):
            continue
        score = min(line.words, 12) / 4
        if head_text.count(line.text) >= 2:
            score += 3
        if any(i < m <= i + 8 for m in marks):
            score += 3
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and nxt.kind in (Kind.PROSE, Kind.BULLET, Kind.CREDIT):
            score += 1.5
        if line.kind is Kind.PROSE and line.text.endswith("."):
            score -= 2
        score -= DISTANCE_COST * abs(start - i)
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def find_date(
    lines: list[Line], lo: int, hi: int, tail: range, lang: str | None
) -> tuple[str | None, int | None]:
    """The publication date from datelines in lines[lo:hi], else from `tail` lines.

    A line naming publication ("Published", "Veröffentlicht") wins over other
    dated lines; a line that is only an update time is used last.
    """
    updated: tuple[str, int] | None = None
    plain: tuple[str, int] | None = None
    for i in list(range(lo, hi)) + list(tail):
        text = lines[i].text
        if lines[i].words > DATELINE_MAX_WORDS and not v.PUBLISHED_WORDS.search(text):
            continue
        found = find_datetime(text, lang=lang)
        if found is None:
            continue
        if v.PUBLISHED_WORDS.search(text):
            return found, i
        if v.UPDATED_WORDS.search(text) and not text.lower().startswith(("published", "posted")):
            updated = updated or (found, i)
        elif plain is None:
            plain = (found, i)
    pick = plain or updated
    return (pick[0], pick[1]) if pick else (None, None)


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
