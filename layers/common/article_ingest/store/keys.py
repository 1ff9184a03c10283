"""The index's keys: which id a body is stored under, the time key the listing sorts
by, the publisher key it filters by, and the `since` / `until` bounds it compares."""

from __future__ import annotations

import re

from ..errors import BadInput
from ..models import Article
from ..normalize import article_id
from ..timestamp import Timestamp

# The partition key of the "all articles by time" index (see template.yaml).
LIST_KEY = "article"
UNKNOWN_PUBLISHER = "_unknown"
# Undated articles' time key is this prefix and their ingestion time: "!" sorts below
# every digit, so newest first lists them after every dated article, and no date
# bound (`since` >= a date, `until` from DATED_FLOOR) reaches them.
UNDATED_PREFIX = "!"
DATED_FLOOR = "0"


def sort_key(article: Article, ingested_at: str) -> str:
    """The index's time key: publication instant in UTC when known, else the ingestion
    time behind UNDATED_PREFIX (undated articles sort after every dated one).

    ISO strings in UTC sort as times; a date-only or local time sorts as written.
    """
    value = article.published_at
    if not value:
        return UNDATED_PREFIX + ingested_at
    stamp = Timestamp.parse(value)
    return stamp.utc() if stamp and stamp.has_offset else value


def content_id(content_sha256: str) -> str:
    """The id a body without any URL is stored under."""
    return article_id(canonical_url=None, url=None, content_sha256=content_sha256)


def publisher_key(publisher: str | None) -> str:
    """The by_publisher index key: the name case-folded, white space collapsed, so
    that a filter matches "Reuters", "REUTERS" and "reuters" alike."""
    folded = " ".join(publisher.split()).casefold() if publisher else ""
    return folded or UNKNOWN_PUBLISHER


_BOUND_EXAMPLES = "2025-10-23, 2025-10-23T14:30:00Z or 2025-10-23T16:30+02:00"
_FRACTION = re.compile(r":\d{2}[.,]\d*[1-9]")


def time_bound(value: str, name: str, *, upper: bool = False) -> str:
    """A `since`/`until` value as the index compares it: a date (YYYY-MM-DD, a UTC
    day) as it is, or an ISO 8601 time with any offset (none: UTC) as its UTC instant
    in whole seconds (`since` rounds up, `until` down, so both stay inclusive).

    Raises BadInput, in plain words, for anything else.
    """
    text = value.strip()
    stamp = Timestamp.parse(text)
    if stamp is None or (len(text) != 10 and not stamp.has_time) or 10 < len(text) < 16:
        # A time needs at least hours and minutes.
        raise BadInput(
            f"{name} must be an ISO 8601 date or time, such as {_BOUND_EXAMPLES}; "
            f"got {value[:64]!r}"
        )
    if not stamp.has_time:
        return stamp.iso()
    if stamp.offset is None:
        stamp = Timestamp(stamp.day, stamp.clock, 0)  # no offset: UTC
    instant = stamp.in_offset(0)
    if not upper and _FRACTION.search(text):
        # The parser drops a fraction of a second: `since` rounds up to stay inclusive.
        instant = instant.shifted(1)
    return instant.iso()
