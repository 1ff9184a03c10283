"""The grammar of dates as pages write them: the compiled patterns `dates.py` reads
dates, times and zones with, and the URL path forms that state a day. Built from the
words of `date_vocabulary.py` (month names, zone abbreviations); kept beside it so
that a new language or form is added in one place, and `dates.py` holds only logic.
"""

from __future__ import annotations

import re

from .date_vocabulary import MONTHS, ZONE_OFFSETS

_MONTH_ALT = "|".join(sorted((re.escape(n) for n in MONTHS), key=len, reverse=True))
# A month name must not continue into a longer word ("mart" in "marty"); an
# abbreviation may carry a dot ("Oct.", "juil.").
_MON = rf"(?P<mon>{_MONTH_ALT})(?![^\W\d_])\.?"
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_DAY = r"(?P<d>(?:[12]\d|3[01]|0?[1-9]))"
_NOT_DIGIT_BEFORE = r"(?<!\d)"

_ZONE_ALT = "|".join(sorted(ZONE_OFFSETS, key=len, reverse=True))

DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2025-10-23, 2025/10/23, 2025.10.23
    re.compile(
        rf"{_NOT_DIGIT_BEFORE}{_YEAR}(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep){_DAY}(?!\d)"
    ),
    # 2025年10月23日, 2025년 10월 23일
    re.compile(
        rf"{_NOT_DIGIT_BEFORE}{_YEAR}\s*[年년]\s*(?P<m>1[0-2]|0?[1-9])\s*[月월]\s*{_DAY}\s*[日일]"
    ),
    # 23.10.2025, 23. 10. 2025, 23/10/2025, 10/23/2025, 23-10-2025 (year glued allowed)
    # ...but "28.09.1912:44" is 28.09.19 glued to 12:44 (no time is ":44" alone).
    re.compile(
        rf"{_NOT_DIGIT_BEFORE}(?P<a>\d{{1,2}})(?P<sep>\.\s?|/|-)(?P<b>\d{{1,2}})(?P=sep){_YEAR}"
        r"(?!:\d)"
    ),
    # 23 October 2025, 23. Oktober 2025, 23 de octubre de 2025, 23 okt. 2025,
    # 23-Oct-2025, 23 d'octubre de 2025
    re.compile(
        rf"{_NOT_DIGIT_BEFORE}{_DAY}(?:\.|st|nd|rd|th|er)?(?:\s*|-)(?:de\s+|d['’]|of\s+)?"
        rf"{_MON}(?:,?\s*|-)(?:de\s+|del\s+)?{_YEAR}",
        re.IGNORECASE,
    ),
    # October 23, 2025, Oct. 23 2025, APR 28 2023
    re.compile(
        # The lookahead first: a position that is not a letter fails at once instead of
        # trying every month name (linear either way, ~100x cheaper on long blank runs).
        rf"(?=[^\W\d_])(?<![^\W\d_]){_MON}\s*{_DAY}(?:st|nd|rd|th)?,?\s*{_YEAR}",
        re.IGNORECASE,
    ),
    # "GEARAPR 28, 2024": an upper-case month glued to an upper-case section label
    re.compile(
        r"(?<=[A-Z]{3})(?P<mon>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)\.?\s*"
        rf"{_DAY},?\s*{_YEAR}"
    ),
    # 2025. október 23. (Hungarian: year, month name, day)
    re.compile(rf"{_NOT_DIGIT_BEFORE}{_YEAR}\.\s*{_MON}\s*{_DAY}\.", re.IGNORECASE),
    # 27.04.24 (two-digit year, dotted day-month only: read as 20YY)
    # 28.09.19, and 28.09.19 glued to its time ("28.09.1912:44")
    re.compile(
        rf"{_NOT_DIGIT_BEFORE}(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}})\.(?P<yy>\d{{2}})"
        r"(?:(?=\d{1,2}:\d{2})|(?![\d.]))"
    ),
)

GAP_AFTER_DATE = re.compile(
    r"[\s,|•·/\-–—]*(?:(?:um|at|à|a las|a la|às|alle|ore|kl\.?|klo\.?|om|saat|в|o|de)\s+)?"
    r"(?:T(?=\d))?",
    re.IGNORECASE,
)
TIME = re.compile(
    r"(?P<h>[01]?\d|2[0-3])(?:[:.h](?P<mi>[0-5]\d)|時(?P<mi2>[0-5]\d)分?)"
    r"(?::(?P<s>[0-5]\d))?(?:[.,]\d+)?:?"
    r"(?:\s*(?P<ampm>[apAP])\.?\s?[mM]\.?(?![^\W\d_]))?"
    r"(?:\s*(?:Uhr|h(?![^\W\d_])))?"
    rf"(?:\s*\(?(?:(?P<gmt>GMT|UTC)\s*(?P<sign>[+\-−])\s*(?P<oh>\d{{1,2}})(?::?(?P<om>\d{{2}}))?"
    rf"|(?P<num>[+\-]\d{{2}}:?\d{{2}})|(?P<zone>{_ZONE_ALT})(?![^\W\d_]))\)?)?",
)
# A time written before its date: "17:41 JST, October 13, 2024", "20:00, 29 Jan 2024".
TIME_BEFORE = re.compile(
    r"(?<![\d.:])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?"
    rf"(?:\s*(?P<zone>{_ZONE_ALT}))?[\s,|•·\-–—]*$",
    re.IGNORECASE,
)

URL_DATE = re.compile(
    r"(?<=[/_-])((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
# A compact YYYYMMDD in the path ("/cnt/dmf20250202_96887132", "/20240315/slug"):
# eight digits after a slash or a letter, before a separator or the end; a time may
# follow glued ("-20241202105634-nt.html": YYYYMMDDhhmm[ss]) and is not read.
URL_COMPACT_DATE = re.compile(
    r"(?<=[/A-Za-z_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
    r"(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?)?(?=[/_.-]|$)"
)
# "/2024/0424/c1001-40223222.html": the year, then month and day glued.
URL_YEAR_MMDD = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
# "/world/2024/feb/24/slug": the month by name.
URL_NAMED_MONTH = re.compile(
    r"/((?:19|20)\d{2})/([^\W\d_]{3,9})/(0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
# "/meldungen/29-10-2021", "/23-01-2022-slug", "_vom_22.04.2020_": day first, as
# European sites write it in slugs (4 dev sites); a month above 12 is no such date.
URL_DAY_FIRST = re.compile(
    r"(?<=[/_-])(0?[1-9]|[12]\d|3[01])(?P<sep>[-_.])(0?[1-9]|1[0-2])(?P=sep)"
    r"((?:19|20)\d{2})(?=[/_.-]|$)"
)
URL_PATH = re.compile(r"^(?:[a-z][a-z0-9+.-]*://[^/]*)?([^?#]*)", re.IGNORECASE)
# A web-archive copy ("https://web.archive.org/web/20120216182711/http://site/...") puts
# the crawl time first: the archived page's own URL follows it and is what is read.
ARCHIVE_PREFIX = re.compile(
    r"^(?:[a-z]+://)?(?:web\.)?archive\.org/web/\d{4,14}[a-z_]*/", re.IGNORECASE
)


# Machine-written timestamps (html/timestamps.py): near-ISO spellings, epoch
# seconds, a numeric day-month-year with its clock.
NEAR_ISO = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})[T ]?(?:(\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|UTC|GMT|[A-Z]{3,4})?\s*$",
    re.IGNORECASE,
)
# A 12-hour clock ("12:01 AM", "3:05 p.m.").
TWELVE_HOUR = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*[ap]\.?\s?m(?![^\W\d_])", re.IGNORECASE)
EPOCH = re.compile(r"^\s*(\d{10})(\d{3})?\s*$")
NUMERIC_DMY = re.compile(
    r"^\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:\s*(?:,|um|-)?\s*(\d{1,2})[:.](\d{2})"
    r"(?::(\d{2}))?\s*(?:uhr|h)?\s*([A-Z]{3,4})?)?\s*$",
    re.IGNORECASE,
)
