"""Quality floor of the text extractor on the shared copy-paste benchmarks.

Runs the extractor over `../shared/benchmarks/*/text/*.txt` and scores it with the
benchmark's own `../shared/bench/score.py`; skipped when the benchmarks are absent.
Each paste is extracted with its page URL, as the CLI and the benchmark harness
pass it. The floors sit a little under the measured scores (fundus-dev body 0.937,
headline 0.815, authors 0.806, date 0.849; scrapinghub body 0.927) so a regression
fails while small, intended trade-offs do not.
"""

from __future__ import annotations

import importlib.util
import json
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
    "fundus-dev": {"body_f1": 0.92, "headline_acc": 0.79, "authors_f1": 0.78, "date_acc": 0.82},
    "scrapinghub": {"body_f1": 0.91},
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_score"] = module
    spec.loader.exec_module(module)
    return module


def _urls(folder: Path) -> dict[str, str | None]:
    """Each case's page URL (fundus: cases.jsonl; scrapinghub: ground-truth.json)."""
    if (folder / "cases.jsonl").exists():
        lines = (folder / "cases.jsonl").read_text(encoding="utf-8").splitlines()
        return {c["id"]: c.get("url") for c in map(json.loads, lines) if c}
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v.get("url") for k, v in truth.items()}


def _metrics(name: str) -> dict[str, Any]:
    scorer = _scorer()
    kind, cases = scorer.load_dataset(BENCH / name, "text")
    urls = _urls(BENCH / name)
    preds: dict[str, dict[str, Any]] = {}
    for path in sorted((BENCH / name / "text").glob("*.txt")):
        article = extract(path.read_text(encoding="utf-8"), url=urls.get(path.stem))
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
