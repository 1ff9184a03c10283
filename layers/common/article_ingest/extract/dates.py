"""Timestamps: parse what pages write into ISO 8601 that keeps the source's offset.

Two public functions, shared by the HTML and the text extractors (keep them stable):

* `parse_iso(value)` normalises a machine-written ISO 8601 value (meta tags, JSON-LD).
* `find_datetime(text, lang=...)` finds the first human-written date in free text
  ("Published Oct 23, 2025 | 5:40 AM GMT-04", "12.03.2024, 14:05 Uhr",
  "23 de octubre de 2025", "2025年10月23日 21時37分") and returns it as ISO 8601.

Both return `YYYY-MM-DD` for a date, `YYYY-MM-DDTHH:MM:SS` for a local time whose
offset the source does not state (never guessed), `...±HH:MM` or `...Z` when it does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..timestamp import Timestamp, offset_minutes, offset_text
from . import date_patterns as dp
from .date_vocabulary import MONTHS, ZONE_OFFSETS

__all__ = [
    "MONTHS",
    "ZONE_OFFSETS",
    "find_datetime",
    "find_url_date",
    "locate_datetime",
    "numeric_offset",
    "parse_iso",
]


def numeric_offset(token: str) -> str | None:
    """A numeric offset as ISO 8601 writes it: "+0200", "+02:00", "-05" -> "+02:00",
    "+02:00", "-05:00"; None when the token is not one."""
    minutes = offset_minutes(token) if token[:1] in ("+", "-") else None
    return offset_text(minutes) if minutes is not None else None


def parse_iso(value: str | None) -> str | None:
    """Normalise an ISO 8601 date or date-time; keep its offset, drop fractions.

    Returns `YYYY-MM-DD` for a date, `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z`) for an
    aware time, `YYYY-MM-DDTHH:MM:SS` for a local time; None when unparseable.
    """
    stamp = Timestamp.parse(value)
    return stamp.iso() if stamp else None


_LOOK_BEHIND_CHARS = 24


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    date: dt.date


def _resolve_month(groups: dict[str, str | None], lang: str | None) -> tuple[int, int] | None:
    """Month and day of a match; numeric a/b is day-first except for US English."""
    if groups.get("mon"):
        mon = MONTHS.get((groups["mon"] or "").lower().rstrip("."))
        day = groups.get("d")
        return (mon, int(day)) if mon and day else None
    if groups.get("m"):
        return int(groups["m"] or 0), int(groups["d"] or 0)
    a, b = int(groups["a"] or 0), int(groups["b"] or 0)
    if a > 12:
        return b, a
    if b > 12:
        return a, b
    if lang == "en" and "/" in (groups.get("sep") or ""):
        return a, b
    return b, a


def _find_date(text: str, lang: str | None) -> _Found | None:
    best: _Found | None = None
    for pattern in dp.DATE_PATTERNS:
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best.start:
                break
            md = _resolve_month(m.groupdict(), lang)
            if md is None:
                continue
            year = m.groupdict().get("y") or f"20{m.group('yy')}"
            try:
                date = dt.date(int(year), md[0], md[1])
            except ValueError:
                continue
            best = _Found(m.start(), m.end(), date)
            break
    return best


def _offset(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if g.get("gmt"):
        sign = "-" if g["sign"] in "-−" else "+"
        return f"{sign}{int(g['oh']):02d}:{g['om'] or '00'}"
    if g.get("num"):
        return numeric_offset(g["num"])
    zone = g.get("zone")
    if zone:
        minutes = ZONE_OFFSETS[zone.upper()]
        return "Z" if minutes == 0 else offset_text(minutes)
    return None


def _clock(m: re.Match[str]) -> tuple[int, int, int] | None:
    g = m.groupdict()
    hour = int(g["h"])
    minute = int(g.get("mi") or g.get("mi2") or 0)
    ampm = (g.get("ampm") or "").lower()
    if ampm:
        if hour == 0 or hour > 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return hour, minute, int(g.get("s") or 0)


def find_datetime(text: str, *, lang: str | None = None) -> str | None:
    """Find the first human-written date (and its time and zone) in `text`.

    Args:
        text: free text, e.g. a dateline "Published Oct 23, 2025 | 5:40 AM GMT-04".
        lang: ISO 639-1 code of the page when known; only used to read an
            ambiguous numeric date like 03/04/2025 month-first for "en".

    Returns:
        ISO 8601: `2025-10-23T05:40:00-04:00` when a zone or offset is stated
        (`Z` for UTC/GMT), `2025-10-23T05:40:00` for a local time without a stated
        zone, `2025-10-23` for a date without time; None when no dated text is found
        (relative times like "3 hours ago" are not resolved).
    """
    located = locate_datetime(text, lang=lang)
    return located[0] if located else None


def locate_datetime(text: str, *, lang: str | None = None) -> tuple[str, int] | None:
    """`find_datetime`, and where in `text` the date starts (to read a label before it).

    Returns:
        (ISO 8601 value as find_datetime gives it, index of the date's first character),
        or None when no dated text is found.
    """
    found = _find_date(text, lang)
    if found is None:
        return None
    day = found.date.isoformat()
    after = text[found.end : found.end + 60]
    gap = dp.GAP_AFTER_DATE.match(after)
    m = dp.TIME.match(after, gap.end() if gap else 0)
    if m is None:
        m = dp.TIME_BEFORE.search(text[max(0, found.start - _LOOK_BEHIND_CHARS) : found.start])
    if m is None:
        return day, found.start
    clock = _clock(m)
    if clock is None:
        return day, found.start
    zone = _offset(m)
    offset = offset_minutes(zone) if zone else None
    stamp = Timestamp.of(found.date.year, found.date.month, found.date.day, *clock, offset)
    return (stamp.iso() if stamp else day), found.start


def find_url_date(url: str | None) -> str | None:
    """The publication date a URL path states ("/2019/11/18/slug"), as YYYY-MM-DD.

    Only the unambiguous year/month/day path forms count: /YYYY/MM/DD/ (or with
    dashes, also after a slug), /YYYY/MMDD/, /YYYY/mon/DD/, one eight-digit YYYYMMDD
    run (a glued hhmm[ss] after it is ignored), else a day-first DD-MM-YYYY segment;
    None otherwise. A web-archive copy's crawl time is no publication date: the
    archived URL is read instead.
    """
    if not url:
        return None
    url = dp.ARCHIVE_PREFIX.sub("", url, count=1)
    path = dp.URL_PATH.match(url)
    path_text = path.group(1) if path else url
    for pattern in (dp.URL_DATE, dp.URL_YEAR_MMDD, dp.URL_COMPACT_DATE, dp.URL_NAMED_MONTH):
        m = pattern.search(path_text)
        if m is None:
            continue
        year, month, day = m.groups()
        number = int(month) if month.isdigit() else MONTHS.get(month.lower())
        try:
            return dt.date(int(year), number or 0, int(day)).isoformat()
        except ValueError:
            continue
    m = dp.URL_DAY_FIRST.search(path_text)
    if m is not None:
        try:
            return dt.date(int(m[4]), int(m[3]), int(m[1])).isoformat()
        except ValueError:
            return None
    return None
