"""Quality floors on the five shared benchmark sets, HTML and pasted text, scored by
the sets' own scorers (../shared/bench). Skipped when ../shared is absent.

The floors sit a little under the figures `make bench-quality` measured when they
were set (README, "Quality"), so a real regression fails while an intended trade-off
of a few pages does not. Raise them when the extractor improves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests import benchmark_support

# (set, mode) -> {scorer's JSON key: floor}; extra scorer arguments where needed.
FLOORS: dict[tuple[str, str], dict[str, float]] = {
    ("scrapinghub", "html"): {"body_f1": 0.973},
    ("scrapinghub", "text"): {"body_f1": 0.925},
    ("fundus-dev", "html"): {
        "body_f1": 0.963,
        "headline_acc": 0.89,
        "authors_f1": 0.90,
        "date_acc": 0.98,
        "datetime_acc": 0.93,
    },
    ("fundus-dev", "text"): {
        "body_f1": 0.935,
        "headline_acc": 0.79,
        "authors_f1": 0.78,
        "date_acc": 0.82,
    },
    ("trafilatura-eval-dev", "html"): {"f1": 0.928},
    ("trafilatura-eval-dev", "text"): {"f1": 0.893},
    ("htmldate-eval-dev", "html"): {"accuracy": 0.90},
    ("htmldate-eval-dev", "text"): {"accuracy": 0.85},
    ("readability-dev", "html"): {"rougeLsum_f1": 0.955},
}


@pytest.mark.bench
@pytest.mark.parametrize(("dataset", "mode"), sorted(FLOORS), ids=lambda v: str(v))
def test_quality_floor_holds_on_shared_set(
    dataset: str,
    mode: str,
    bench_predictions: Callable[[str, str], tuple[list[dict[str, Any]], Path]],
) -> None:
    # Given a shared set's predictions, extracted once for the whole run
    _, path = bench_predictions(dataset, mode)
    # When scored by the set's own scorer
    figures = benchmark_support.score(dataset, mode, path)
    # Then every metric stays at or above its floor
    low = {
        k: round(figures[k], 4)
        for k, floor in FLOORS[(dataset, mode)].items()
        if figures[k] < floor
    }
    assert low == {}, f"{dataset}/{mode} under its floors: {low}"
