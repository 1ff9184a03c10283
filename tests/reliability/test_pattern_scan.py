"""Every compiled pattern of the vocabulary modules, run over long runs of each
character class: the time of a run four times longer must grow about four times
(linear), not sixteen (quadratic backtracking). Timed in CPU time, by ratio."""

from __future__ import annotations

import importlib
import re
import time
from collections.abc import Iterator

import pytest

VOCABULARY_MODULES = (
    "article_ingest.extract.date_patterns",
    "article_ingest.extract.date_vocabulary",
    "article_ingest.extract.html.vocabulary",
    "article_ingest.extract.html.vocabulary_authors",
    "article_ingest.extract.text.vocabulary",
    "article_ingest.extract.text.vocabulary_cjk",
)
# Runs of one class of character (and a few two-character units a name, an initial
# or a date is made of); each is followed by a character no pattern expects.
CHARACTER_RUNS = (
    " ", "\xa0", "\t", "\n", "\u3000", "a", "A", "1", ".", "-", ",", "'", ":", "/",
    "<", ">", "中", "a ", "A. ", "a.", "1.", "1-", "Aa ", "a\n",
)  # fmt: skip
SHORT_UNITS = 500
# A linear scan of 4n takes ~4x the time of n; quadratic ~16x. Below the floor the
# times are too small to compare (and too small to matter).
MAX_GROWTH = 8.0
FLOOR_SECONDS = 0.01
# Patterns known to fail, pinned as strict xfails so a fix turns them green (and must
# unpin them). None today.
KNOWN_SUPERLINEAR: frozenset[str] = frozenset()


def _patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for module_name in VOCABULARY_MODULES:
        module = importlib.import_module(module_name)
        prefix = f"{module_name.rsplit('.', 2)[-2]}.{module_name.rsplit('.', 1)[-1]}"
        for name, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern):
                yield f"{prefix}.{name}", value
            elif isinstance(value, tuple):  # a family of patterns (dates' DATE_PATTERNS)
                for i, member in enumerate(value):
                    if isinstance(member, re.Pattern):
                        yield f"{prefix}.{name}[{i}]", member


def _cpu_seconds(pattern: re.Pattern[str], text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _match in pattern.finditer(text):
            pass
        best = min(best, time.process_time() - start)
    return best


def _growth(pattern: re.Pattern[str], unit: str) -> tuple[float, float]:
    """CPU seconds over n and 4n units of `unit`, each run followed by '#'."""
    short = _cpu_seconds(pattern, unit * SHORT_UNITS + "#", 3)
    if short > 0.25:  # already slow on the short run: no need to wait for the long one
        return short, float("inf")
    repeats = 1 if short > FLOOR_SECONDS / MAX_GROWTH else 2
    return short, _cpu_seconds(pattern, unit * (4 * SHORT_UNITS) + "#", repeats)


def _params() -> list[object]:
    params: list[object] = []
    for name, pattern in _patterns():
        marks = []
        if name in KNOWN_SUPERLINEAR:
            marks.append(pytest.mark.xfail(strict=True, reason="super-linear today (extract/)"))
        params.append(pytest.param(pattern, id=name, marks=marks))
    return params


def test_scan_finds_the_vocabulary_patterns() -> None:
    # Given the vocabulary modules / Then the scan sees their compiled patterns
    assert len(list(_patterns())) > 50


@pytest.mark.parametrize("pattern", _params())
def test_vocabulary_pattern_is_linear_on_long_runs(pattern: re.Pattern[str]) -> None:
    # Given runs of each character class, n and 4n long
    for unit in CHARACTER_RUNS:
        # When the pattern scans them (finditer: what search, sub and findall do)
        short, long = _growth(pattern, unit)
        # Then the long run costs about four times the short one
        growth = long / max(short, FLOOR_SECONDS / MAX_GROWTH)
        assert long <= FLOOR_SECONDS or growth <= MAX_GROWTH, (
            f"super-linear on runs of {unit!r}: {short:.3f}s -> {long:.3f}s of CPU"
        )
