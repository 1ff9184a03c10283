"""Text extraction stays linear on hostile line shapes (no regex backtracks quadratically)."""

from __future__ import annotations

import time

import pytest

from article_ingest.extract.text import extract
from article_ingest.extract.text import vocabulary as v
from article_ingest.extract.text.byline import clean_name, split_names
from article_ingest.extract.text.vocabulary_cjk import EMAIL

# Generous: each case takes milliseconds when linear and seconds when quadratic.
BOUND_SECONDS = 1.0


def _elapsed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


@pytest.mark.parametrize(
    "text",
    [
        "a" * 40_000,  # one long word: the NAME_TRAILER "[a-z]+\s+writer" branch
        "ab" + "A" * 40_000 + "a",  # a glued capitals tail
        "By " + "a " * 20_000,
        "x" + " " * 40_000 + "y",  # a whitespace run inside a line
        " AB" * 15_000 + "x",  # many shouted words that do not end the line
        "a." * 20_000,
    ],
)
def test_extract_is_fast_on_hostile_lines(text: str) -> None:
    # Given a pasted line built to make a backtracking regex quadratic
    # When extracted / Then within the bound
    assert _elapsed(extract, text) < BOUND_SECONDS


@pytest.mark.parametrize(
    "pattern",
    [
        v.NAME_TRAILER,
        v.ROLE_SUFFIX,
        v.SHOUTED_TAIL,
        v.NAME_SPLIT,
        v.BYLINE_PARTS,
        v.CREDIT_TRAILER,
        v.CREDIT_PIPE_TRAILER,
        v.ALL_RIGHTS,
        v.OWNER_TAIL,
        v.OWNER_NOISE,
        EMAIL,
    ],
)
@pytest.mark.parametrize("unit", ["a", " ", "aA", " AB", "1"])
def test_text_patterns_scan_long_runs_in_linear_time(pattern, unit: str) -> None:
    # Given a 40,000-character run of one unit
    # When the pattern scans it / Then within the bound
    text = unit * (40_000 // len(unit))
    assert _elapsed(lambda s: list(pattern.finditer(s)), text) < BOUND_SECONDS


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Victoria O'Regan  Follow", "Victoria O'Regan"),
        ("Emma MackenzieLifestyle Writer", "Emma Mackenzie"),
        ("Jonathan GarberFOXBusiness", "Jonathan Garber"),
        ("Chaim Gartenberg   @cgartenberg", "Chaim Gartenberg"),
        ("Daniel Großert   Redakteur", "Daniel Großert"),
    ],
)
def test_clean_name_still_drops_glued_noise(raw: str, expected: str) -> None:
    # Given a name with furniture glued after it (the bounded patterns still see it)
    # When cleaned / Then only the name is left
    assert clean_name(raw) == expected


def test_split_names_across_whitespace_runs() -> None:
    # Given names separated with extra spaces around the separator
    # When split / Then the separator is found where the run starts
    assert split_names("Jane Doe   and   John Roe") == ["Jane Doe", "John Roe"]
