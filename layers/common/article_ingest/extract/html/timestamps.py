"""Machine-written timestamps from meta tags and JSON-LD, normalised with their offset.

`parse_iso` (extract/dates.py) handles strict ISO 8601; this module adds the
near-ISO and RFC 2822 spellings pages write in meta tags, zone abbreviations
("EDT", "MESZ") turned into offsets, and a bridge to the shared human-date parser
`find_datetime`.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from ...timestamp import Timestamp, offset_minutes, offset_text
from .. import date_patterns as dp
from .. import date_vocabulary as dv
from .. import dates
from ..date_vocabulary import ZONE_OFFSETS as ZONE_MINUTES

# Offsets of the zone abbreviations news pages print ("EDT", "MESZ"): the table the
# text extractor uses too (extract/date_vocabulary.py), as "+HH:MM".
ZONE_OFFSETS: dict[str, str] = {
    name: offset_text(minutes) for name, minutes in ZONE_MINUTES.items()
}


def _offset(token: str | None) -> str | None:
    if not token:
        return None
    up = token.upper()
    return ZONE_OFFSETS.get(up) or dates.numeric_offset(up)


def _compose(
    y: str, mo: str, d: str, h: str | None, mi: str | None, s: str | None, off: str | None
) -> str | None:
    offset = offset_minutes(off) if off else None
    hour = int(h) if h is not None else None
    stamp = Timestamp.of(int(y), int(mo), int(d), hour, int(mi or 0), int(s or 0), offset)
    return stamp.iso() if stamp else None


def normalise(value: str | None, *, lang: str | None = None) -> str | None:
    """Turn a machine-written timestamp into ISO 8601 keeping its offset.

    Args:
        value: a meta/JSON-LD/`datetime` attribute value.
        lang: page language, passed to the shared human-date parser.

    Returns:
        `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` (local) or with `±HH:MM`/`Z`; None
        when the value is not a timestamp.
    """
    if not value or len(value) > 200:
        return None
    value = value.strip()
    iso = dates.parse_iso(value)
    if iso:
        return iso
    m = dp.NEAR_ISO.match(value)
    if m:
        y, mo, d, h, mi, s, zone = m.groups()
        off = _offset(zone)
        if zone and off is None:
            return None
        return _compose(y, mo, d, h, mi, s, off)
    m = dp.EPOCH.match(value)
    if m:
        try:
            stamp = dt.datetime.fromtimestamp(int(m.group(1)), tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return stamp.strftime("%Y-%m-%dT%H:%M:%SZ") if 1990 < stamp.year < 2100 else None
    m = dp.NUMERIC_DMY.match(value)
    if m:
        d, mo, y, h, mi, s, zone = m.groups()
        return _compose(y, mo, d, h, mi, s, _offset(zone))
    return _rfc2822(value) or human(value, lang=lang)


def _rfc2822(value: str) -> str | None:
    if not re.search(r"\d{1,2}:\d{2}", value) or not re.search(r"[A-Za-z]{3}", value):
        return None
    if dp.TWELVE_HOUR.search(value):
        return None  # RFC 2822 has no am/pm: "3:05 PM" would read 03:05 (human() reads it)
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        return parsed.strftime("%Y-%m-%dT%H:%M:%S")
    out = parsed.isoformat(timespec="seconds")
    return out[:-6] + "Z" if out.endswith("+00:00") else out


def human(text: str, *, lang: str | None = None) -> str | None:
    """A date written for people ("30. Juni 2025, 15:59 Uhr"), via dates.find_datetime."""
    if not text:
        return None
    try:
        return dates.find_datetime(text[:300], lang=lang)
    except (ValueError, TypeError, OverflowError, IndexError, KeyError):
        return None


def has_time(iso: str | None) -> bool:
    """True when the timestamp carries a time of day."""
    return bool(iso and "T" in iso)


def has_offset(iso: str | None) -> bool:
    """True when the timestamp carries a time and an offset (or Z)."""
    return bool(iso and "T" in iso and (iso.endswith("Z") or re.search(r"[+-]\d{2}:\d{2}$", iso)))


def day_of(iso: str | None) -> dt.date | None:
    """The calendar day a timestamp states, as written (in its own offset)."""
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def plausible(iso: str | None, today: dt.date) -> bool:
    """True when the day lies between 1995-01-01 and tomorrow (no placeholder or clock)."""
    day = day_of(iso)
    return bool(
        day
        and day.year >= dv.EARLIEST_PUBLICATION_YEAR
        and day <= today + dt.timedelta(days=dv.LATEST_DAYS_AHEAD)
    )


def _wall_clock(iso: str) -> dt.datetime | None:
    stamp = Timestamp.parse(iso)
    return stamp.wall_clock() if stamp else None


def _instant(iso: str) -> dt.datetime | None:
    stamp = Timestamp.parse(iso)
    return stamp.instant() if stamp else None


def is_utc(iso: str | None) -> bool:
    """True for a time stated in UTC (`Z`): the page's own offset may be unknown."""
    return bool(iso and has_time(iso) and (iso.endswith("Z") or iso.endswith("+00:00")))


def same_instant(a: str, b: str) -> bool:
    """True when two aware timestamps name the same moment (to the minute)."""
    x, y = _instant(a), _instant(b)
    return bool(x and y and abs((x - y).total_seconds()) <= dv.CLOCK_TOLERANCE_SECONDS)


def implied_offset(aware: str, local: str) -> str | None:
    """The offset that turns `aware`'s instant into `local`'s wall clock, if plausible.

    A page states "2023-11-09T03:28:35Z" in its metadata and "Nov 8, 2023, 10:28 p.m."
    to readers: the same moment at -05:00. The difference must be a whole quarter
    hour within UTC-11..UTC+14 (seconds the visible clock drops are tolerated), and
    not zero: None otherwise, when either value has no time or `local` has an offset.
    """
    moment, clock = _instant(aware), _wall_clock(local)
    if moment is None or clock is None or has_offset(local):
        return None
    seconds = (clock - moment.replace(tzinfo=None)).total_seconds() + _seconds_east(moment)
    step = dv.OFFSET_STEP_MINUTES * 60
    minutes = round(seconds / step) * dv.OFFSET_STEP_MINUTES
    if abs(seconds - minutes * 60) > dv.CLOCK_TOLERANCE_SECONDS or minutes == 0:
        return None
    if abs(minutes) == dv.AMBIGUOUS_OFFSET_MINUTES:
        return None
    if not dv.MIN_OFFSET_MINUTES <= minutes <= dv.MAX_OFFSET_MINUTES:
        return None
    return offset_text(minutes)


def _seconds_east(moment: dt.datetime) -> float:
    delta = moment.utcoffset()
    return delta.total_seconds() if delta else 0.0


def in_offset(aware: str, offset: str) -> str:
    """The instant `aware` written in `offset` ("+02:00"); unchanged when unreadable."""
    stamp = Timestamp.parse(aware)
    minutes = offset_minutes(offset) if offset[:1] in ("+", "-") else None
    if stamp is None or not stamp.has_offset or minutes is None:
        return aware
    return stamp.in_offset(minutes).iso()


def stated_offset(iso: str | None) -> str | None:
    """The non-zero `±HH:MM` offset a timestamp carries (None for UTC, local times and
    dates)."""
    if not iso or not has_offset(iso) or is_utc(iso) or iso.endswith("-00:00"):
        return None
    return iso[-6:]
