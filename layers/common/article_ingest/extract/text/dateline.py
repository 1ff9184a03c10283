"""The publication dateline: the dated line of the header that names publication.

A dateline is short and sits near the headline; it may say "Published", carry a
time and a zone. A date inside a sentence is an event, not the publication.
"""

from __future__ import annotations

import re

from ..dates import find_datetime
from . import vocabulary as v
from .header import DATELINE_MAX_WORDS, SHORT_DATELINE_WORDS
from .lines import Kind, Line

_CLOCK = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3])[:.h][0-5]\d(?![\d.:])")

# On a long line, a publication word labels its date only within this many
# characters of the line's start ("Veröffentlicht am ...", "Posted on ...").
LABEL_HEAD_CHARS = 24
# Each line between a dateline and the headline costs this much.
DATE_DISTANCE_COST = 0.1
# A dateline whose day is the one the page URL states (/2024/04/25/) gains this much:
# the URL confirms it over a teaser date, yet never beats a "Published" word.
URL_AGREES_BONUS = 2.5
# Fallback datelines (anywhere on the page) must be this short: "Friday 22 November
# 2024 08:49 GMT", not a teaser that mentions a date.
FALLBACK_DATELINE_WORDS = 12
# ...and lie within this many lines of the headline: further away they date teasers.
FALLBACK_REACH = 40
# A signed line ("Von X am 21/02/2021. Abgelegt unter ...", "Posted by X on ...")
# may be long; its date must stand within its first SIGNED_HEAD_CHARS characters.
SIGNED_HEAD_CHARS = 80
# A dated line under the body (comments, teasers) counts this much less than one
# above it, unless it names publication.
UNDER_BODY_COST = 1.5
# No web page was published before this year (htmldate's lower bound too).
MIN_YEAR = 1995
# A press release's first paragraph may open with its date within this many
# characters ("Karlsruhe, (12.11.2021). ...").
LEAD_DATE_CHARS = 30
# A dateline without a date ("5:00", "Stand: 20:03 Uhr", "3 hours ago") is short
# and within CLOCK_REACH lines under the headline.
CLOCK_MAX_WORDS = 6
CLOCK_REACH = 6


def labelled(line: Line) -> bool:
    """The line names publication ("Published", "Veröffentlicht am ...")."""
    return _names_publication(line)


def _names_publication(line: Line) -> bool:
    """A "Published"/"Datum" word that labels the line's date: on a short line, or
    at the start of a longer one ("Alaska has a new date: March 31" is a sentence)."""
    m = v.PUBLISHED_WORDS.search(line.text)
    return m is not None and (line.words <= SHORT_DATELINE_WORDS or m.start() < LABEL_HEAD_CHARS)


def dateline_score(line: Line, found: str, distance: int, url_date: str | None = None) -> float:
    """How much a dated line looks like the article's publication dateline.

    A dateline names publication, carries a time and is short; a caption or a
    teaser that mentions a day is long and has none of these. A day the page URL
    states too counts for it. Lines closer to the headline win ties.
    """
    text = line.text
    score = 0.0
    if _names_publication(line):
        score += 4
    elif v.UPDATED_WORDS.search(text):
        score -= 2
    if "T" in found:
        score += 2
    score += 1 if line.words <= SHORT_DATELINE_WORDS else -2
    if url_date and found[:10] == url_date:
        score += URL_AGREES_BONUS
    return score - DATE_DISTANCE_COST * distance


def plausible(found: str) -> bool:
    """A web page's publication date: not before MIN_YEAR ("28.09.1912" is history)."""
    return int(found[:4]) >= MIN_YEAR


def find_date(
    lines: list[Line],
    indices: list[int],
    near: int,
    lang: str | None,
    reach: int | None = None,
    url_date: str | None = None,
    below: int | None = None,
) -> tuple[str | None, int | None]:
    """The publication date from the best dateline among `indices`.

    `near` is the headline's line (or the body start): datelines sit close to it;
    with `reach`, only lines at most that far from it count; `url_date` is the day
    the page URL states, if any; lines from `below` on (under the body) count
    less unless they name publication: comments and teasers date themselves there.
    """
    best: tuple[float, str, int] | None = None
    for i in indices:
        if reach is not None and abs(i - near) > reach:
            continue
        line = lines[i]
        if line.words > DATELINE_MAX_WORDS and not v.PUBLISHED_WORDS.search(line.text):
            continue
        if line.words > DATELINE_MAX_WORDS * 4:
            continue
        found = find_datetime(line.text, lang=lang)
        if found is None or not plausible(found):
            continue
        score = dateline_score(line, found, abs(i - near), url_date)
        if below is not None and i >= below and not _names_publication(line):
            score -= UNDER_BODY_COST
        if best is None or score > best[0]:
            best = (score, found, i)
    return (best[1], best[2]) if best else (None, None)


def find_any_date(
    lines: list[Line],
    end: int,
    near: int,
    lang: str | None,
    reach: int | None = None,
    url_date: str | None = None,
) -> tuple[str | None, int | None]:
    """Fallback: the best short dateline anywhere within reach of line `near`.

    Only short lines count (a date inside a sentence is an event, not the
    publication).
    """
    around = range(max(0, near - FALLBACK_REACH), min(end, len(lines), near + FALLBACK_REACH))
    short = [i for i in around if lines[i].words <= FALLBACK_DATELINE_WORDS]
    return find_date(lines, short, near, lang, reach, url_date, below=end)


def _signed_date(line: Line, lang: str | None) -> str | None:
    """The date of a line that starts with a byline ("Posted by X on <date>. Filed ...")
    or of a short labelled dateline under the body ("Published: 03 December 2019")."""
    labelled = line.words <= FALLBACK_DATELINE_WORDS and _names_publication(line)
    if not (labelled or v.BYLINE_START.match(line.text)):
        return None
    return find_datetime(line.text[:SIGNED_HEAD_CHARS], lang=lang)


def find_signed_date(
    lines: list[Line], end: int, lang: str | None
) -> tuple[str | None, int | None]:
    """Last resort: the first signed or labelled dated line under the body (a blog footer).

    Looked for within FALLBACK_REACH lines of the body end, never past the comments.
    """
    for i in range(end, min(len(lines), end + FALLBACK_REACH)):
        if lines[i].wall:
            break
        found = _signed_date(lines[i], lang)
        if found is not None and plausible(found):
            return found, i
    return None, None


def clock_line(lines: list[Line], near: int) -> int | None:
    """The first dateline within CLOCK_REACH lines under the headline that states
    a time but no date ("5:00", "Stand: 20:03 Uhr", "vor 3 Stunden").

    The page dates the article relative to the day it was shown: a dated line
    farther from the headline dates something else (a teaser, a related story).
    Lines above the headline are not read: menus and teasers carry such times.
    """
    for i in range(near + 1, min(len(lines), near + CLOCK_REACH + 1)):
        line = lines[i]
        if line.words > CLOCK_MAX_WORDS:
            continue
        text = line.text
        if (_CLOCK.search(text) or v.RELATIVE_TIME.search(text)) and find_datetime(text) is None:
            return i
    return None


def lead_date(
    lines: list[Line], start: int, end: int, lang: str | None
) -> tuple[str | None, int | None]:
    """The date a press release writes at the start of its first paragraph:
    "Karlsruhe, (12.11.2021). Traditionell ...", "27.1.2022 - Bei der ...".
    """
    for i in range(start, end):
        if lines[i].kind is Kind.PROSE:
            found = find_datetime(lines[i].text[:LEAD_DATE_CHARS], lang=lang)
            return (found, i) if found is not None and plausible(found) else (None, None)
    return None, None
