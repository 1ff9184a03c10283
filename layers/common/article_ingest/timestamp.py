"""One timestamp type for the whole service: a day, an optional time of day and an
optional UTC offset (what pages state: "2025-10-23", "2025-10-23T05:40:00" with no
zone, "2025-10-23T05:40:00-04:00"), with one parser and one formatter.

The extractors build their results with it, the service checks the Article's
fields with it, the store keys its time index with it and the API's `since` /
`until` filters are read by it, so that every part writes and compares times alike.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Strict ISO 8601 as machines write it: a date, optionally a time ("T" or a space,
# seconds and fractions optional) and an offset ("Z", "+02:00", "+0200", "+02").
_ISO = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?\s*$",
    re.IGNORECASE,
)
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})?")


def offset_text(minutes: int) -> str:
    """An offset as ISO 8601 writes it: 330 -> "+05:30", -240 -> "-04:00"."""
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def offset_minutes(token: str) -> int | None:
    """Minutes east of UTC of "Z", "+02:00", "+0200" or "-05"; None for anything else."""
    if token.upper() == "Z":
        return 0
    m = _OFFSET.fullmatch(token)
    if m is None or int(m[2]) > 23 or int(m[3] or 0) > 59:
        return None
    minutes = int(m[2]) * 60 + int(m[3] or 0)
    return -minutes if m[1] == "-" else minutes


@dataclass(frozen=True, slots=True)
class Timestamp:
    """A day, with a time of day (whole seconds) or not, and an offset or not."""

    day: dt.date
    clock: dt.time | None = None
    offset: int | None = None  # minutes east of UTC; None: a local time, zone unknown

    @classmethod
    def of(
        cls,
        year: int,
        month: int,
        day: int,
        hour: int | None = None,
        minute: int = 0,
        second: int = 0,
        offset: int | None = None,
    ) -> Timestamp | None:
        """The timestamp of these parts; None when they name no real day or time."""
        try:
            date = dt.date(year, month, day)
            clock = dt.time(hour, minute, second) if hour is not None else None
        except ValueError:
            return None
        return cls(date, clock, offset if clock is not None else None)

    @classmethod
    def parse(cls, value: str | None) -> Timestamp | None:
        """Strict ISO 8601 (fractions of a second dropped); None for anything else."""
        m = _ISO.match(value) if value else None
        if m is None:
            return None
        y, mo, d, h, mi, s, _fraction, zone = m.groups()
        offset = offset_minutes(zone) if zone else None
        if zone and offset is None:
            return None
        hour = int(h) if h is not None else None
        return cls.of(int(y), int(mo), int(d), hour, int(mi or 0), int(s or 0), offset)

    @property
    def has_time(self) -> bool:
        return self.clock is not None

    @property
    def has_offset(self) -> bool:
        return self.clock is not None and self.offset is not None

    def iso(self) -> str:
        """`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` (local), or with `Z` (UTC) / `±HH:MM`."""
        if self.clock is None:
            return self.day.isoformat()
        out = f"{self.day.isoformat()}T{self.clock.isoformat(timespec='seconds')}"
        if self.offset is None:
            return out
        return out + ("Z" if self.offset == 0 else offset_text(self.offset))

    def wall_clock(self) -> dt.datetime | None:
        """The date and time as the page's clock shows them (naive); None without a time."""
        return dt.datetime.combine(self.day, self.clock) if self.clock is not None else None

    def instant(self) -> dt.datetime | None:
        """The moment it names (aware); None without a time or an offset."""
        clock = self.wall_clock()
        if clock is None or self.offset is None:
            return None
        return clock.replace(tzinfo=dt.timezone(dt.timedelta(minutes=self.offset)))

    def in_offset(self, minutes: int) -> Timestamp:
        """The same moment written at another offset (a local time is kept as it is)."""
        moment = self.instant()
        if moment is None:
            return self
        local = moment.astimezone(dt.timezone(dt.timedelta(minutes=minutes)))
        return Timestamp(local.date(), local.time().replace(tzinfo=None), minutes)

    def shifted(self, seconds: int) -> Timestamp:
        """The timestamp `seconds` later on its own clock (a date is kept as it is)."""
        clock = self.wall_clock()
        if clock is None:
            return self
        later = clock + dt.timedelta(seconds=seconds)
        return Timestamp(later.date(), later.time(), self.offset)

    def utc(self) -> str:
        """The moment in UTC (`…Z`); a date or a local time as written."""
        return self.in_offset(0).iso() if self.has_offset else self.iso()
