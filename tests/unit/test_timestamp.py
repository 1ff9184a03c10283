"""The one timestamp type: a day, an optional time, an optional offset; one parser
(strict ISO 8601) and one formatter, used by the extractors, the service, the store
and the API filters."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from article_ingest.timestamp import Timestamp, offset_minutes, offset_text


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2025-10-23", "2025-10-23"),
        ("2025-10-23 05:40", "2025-10-23T05:40:00"),
        ("2025-10-23T05:40:00-04:00", "2025-10-23T05:40:00-04:00"),
        ("2025-10-23T05:40:00+0530", "2025-10-23T05:40:00+05:30"),
        ("2025-10-23T05:40:00.123Z", "2025-10-23T05:40:00Z"),
        ("2025-10-23T05:40:00+00:00", "2025-10-23T05:40:00Z"),
        ("2025-10-23T05:40:00-05", "2025-10-23T05:40:00-05:00"),
    ],
)
def test_parse_then_format_keeps_what_the_value_states(value: str, iso: str) -> None:
    stamp = Timestamp.parse(value)
    assert stamp is not None and stamp.iso() == iso


@pytest.mark.parametrize(
    "value",
    ["", "yesterday", "2025-02-30", "2025-10-23T24:00", "2025-10-23T05:40+25:00", "23.10.2025"],
)
def test_anything_but_a_real_iso_time_is_none(value: str) -> None:
    assert Timestamp.parse(value) is None


def test_a_time_without_offset_has_a_wall_clock_but_no_instant() -> None:
    stamp = Timestamp.parse("2025-10-23T05:40:00")
    assert stamp is not None and stamp.has_time and not stamp.has_offset
    assert stamp.wall_clock() == dt.datetime(2025, 10, 23, 5, 40)
    assert stamp.instant() is None and stamp.utc() == "2025-10-23T05:40:00"


def test_the_same_moment_in_utc_and_at_another_offset() -> None:
    stamp = Timestamp.parse("2025-10-23T01:30:00+02:00")
    assert stamp is not None
    assert stamp.utc() == "2025-10-22T23:30:00Z"
    assert stamp.in_offset(-240).iso() == "2025-10-22T19:30:00-04:00"


def test_offsets_as_iso_writes_them() -> None:
    assert (offset_text(330), offset_text(-240), offset_text(0)) == ("+05:30", "-04:00", "+00:00")
    assert (offset_minutes("Z"), offset_minutes("+0200"), offset_minutes("-05")) == (0, 120, -300)
    assert offset_minutes("+99:00") is None and offset_minutes("EST") is None


@given(
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.one_of(st.none(), st.integers(min_value=-14 * 60, max_value=14 * 60)),
)
def test_format_then_parse_is_the_same_timestamp(moment: dt.datetime, offset: int | None) -> None:
    stamp = Timestamp.of(
        moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second, offset
    )
    assert stamp is not None and Timestamp.parse(stamp.iso()) == stamp


@pytest.mark.parametrize(
    ("value", "upper", "bound"),
    [
        ("2025-10-23", False, "2025-10-23"),
        ("2025-10-23T16:30+02:00", False, "2025-10-23T14:30:00Z"),
        ("2025-10-23T14:30", False, "2025-10-23T14:30:00Z"),
        ("2025-10-23T14:30:00.5Z", False, "2025-10-23T14:30:01Z"),
        ("2025-10-23T14:30:00.5Z", True, "2025-10-23T14:30:00Z"),
    ],
)
def test_the_api_date_bounds_are_utc_instants(value: str, upper: bool, bound: str) -> None:
    # Given a since/until value / Then the index compares its UTC instant, inclusive
    from article_ingest.store import time_bound

    assert time_bound(value, "since", upper=upper) == bound


def test_the_index_time_key_is_the_utc_instant_or_the_value_as_written() -> None:
    from article_ingest.store import UNDATED_PREFIX, sort_key

    def key(published: str | None) -> str:
        article = type("A", (), {"published_at": published})()
        return sort_key(article, "2026-01-01T00:00:00Z")  # type: ignore[arg-type]

    assert key("2025-10-23T01:30:00+02:00") == "2025-10-22T23:30:00Z"
    assert key("2025-10-23T01:30:00") == "2025-10-23T01:30:00"
    assert key("2025-10-23") == "2025-10-23"
    assert key(None) == UNDATED_PREFIX + "2026-01-01T00:00:00Z"
