"""Quality floor of the text extractor on the shared copy-paste benchmarks.

Runs the extractor over `../shared/benchmarks/*/text/*.txt` and scores it with the
benchmark's own `../shared/bench/score.py`; skipped when the benchmarks are absent.
The floors sit a little under the measured scores (fundus-dev body 0.937,
headline 0.748, authors 0.780, date 0.815; scrapinghub body 0.926) so a regression
fails while small, intended trade-offs do not.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from article_ingest.extract.text import extract

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
BENCH = SHARED / "benchmarks"
SCORER = SHARED / "bench" / "score.py"

pytestmark = [
    pytest.mark.bench,
    pytest.mark.skipif(not SCORER.exists(), reason="shared benchmarks absent"),
]

FLOORS: dict[str, dict[str, float]] = {
    "fundus-dev": {"body_f1": 0.91, "headline_acc": 0.72, "authors_f1": 0.75, "date_acc": 0.78},
    "scrapinghub": {"body_f1": 0.90},
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_score"] = module
    spec.loader.exec_module(module)
    return module


def _metrics(name: str) -> dict[str, Any]:
    scorer = _scorer()
    kind, cases = scorer.load_dataset(BENCH / name, "text")
    preds: dict[str, dict[str, Any]] = {}
    for path in sorted((BENCH / name / "text").glob("*.txt")):
        article = extract(path.read_text(encoding="utf-8"))
        preds[path.stem] = {
            "id": path.stem,
            "headline": article.headline,
            "authors": article.authors,
            "published": article.published_at,
            "body": "\n\n".join(article.paragraphs),
        }
    metrics, _ = scorer.score(kind, cases, preds)
    return dict(metrics)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_text_quality_floor_holds_on_benchmark(name: str) -> None:
    # Given a copy-paste benchmark and its floors
    floors = FLOORS[name]
    # When every paste is extracted and scored with the benchmark's scorer
    metrics = _metrics(name)
    # Then each metric stays at or above its floor
    for metric, floor in floors.items():
        assert metrics[metric] >= floor, f"{name} {metric} {metrics[metric]:.3f} < {floor}"
