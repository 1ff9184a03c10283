"""Quality floor: body F1 on pages shipped in the repo, and on the benchmarks when present.

The metric is the scrapinghub article-extraction-benchmark's (word 4-gram
shingles, multiset precision/recall averaged over documents), the same as
../shared/bench/score.py. The in-repo floor runs everywhere; the full benchmark
runs only where ../shared/benchmarks exists and is skipped cleanly elsewhere.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from article_ingest.extract import extract_html

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "html"
BENCH = Path(os.environ.get("ARTICLE_INGEST_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Floors sit a little under the measured values (golden: 0.999 mean, every case
# >= 0.994; scrapinghub 0.975, fundus-dev 0.965 at the time of writing) so small
# tuning does not fail CI but a real regression does. The golden pages were
# picked among well-extracted ones, so their floor guards against regressions,
# not against the benchmark's hard cases.
GOLDEN_MEAN_FLOOR = 0.95
GOLDEN_CASE_FLOOR = 0.85
BENCH_FLOORS = {"scrapinghub": 0.96, "fundus-dev": 0.95}


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def _precision_recall(pred: str, truth: str) -> tuple[float | None, float | None]:
    p, t = _shingles(pred), _shingles(truth)
    tp = sum((p & t).values())
    fp, fn = sum(p.values()) - tp, sum(t.values()) - tp
    precision = None if tp + fp == 0 else (1.0 if fp == 0 else tp / (tp + fp))
    recall = None if tp + fn == 0 else (1.0 if fn == 0 else tp / (tp + fn))
    return precision, recall


def body_f1(pairs: list[tuple[str, str]]) -> float:
    """Benchmark body F1 over (prediction, truth) pairs."""
    scores = [_precision_recall(p, t) for p, t in pairs]
    precisions = [p for p, _ in scores if p is not None]
    recalls = [r for _, r in scores if r is not None]
    mp = sum(precisions) / len(precisions) if precisions else 0.0
    mr = sum(recalls) / len(recalls) if recalls else 0.0
    return 0.0 if mp + mr == 0 else 2 * mp * mr / (mp + mr)


def _golden_pairs() -> list[tuple[str, str, str]]:
    pairs = []
    for path in sorted(GOLDEN.glob("*.expected.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        html = path.with_name(path.name.replace(".expected.json", ".html")).read_text("utf-8")
        article = extract_html(html, url=case.get("url"))
        pairs.append((path.name, "\n\n".join(article.paragraphs), case["truth"]["body"]))
    return pairs


def test_quality_floor_on_golden_pages() -> None:
    # Given the benchmark pages shipped in tests/golden/html with their annotations
    pairs = _golden_pairs()
    assert pairs
    # When each is extracted and scored
    per_case = {name: body_f1([(pred, truth)]) for name, pred, truth in pairs}
    # Then the mean and every case stay above the floor
    assert body_f1([(p, t) for _, p, t in pairs]) >= GOLDEN_MEAN_FLOOR
    assert min(per_case.values()) >= GOLDEN_CASE_FLOOR, per_case


def _bench_pairs(dataset: str) -> list[tuple[str, str]]:
    from bs4 import UnicodeDammit

    folder = BENCH / dataset
    items: list[tuple[Path, str | None, str]] = []
    if dataset == "scrapinghub":
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        items = [
            (folder / "html" / f"{k}.html.gz", v.get("url"), v["articleBody"])
            for k, v in truth.items()
        ]
    else:
        for line in (folder / "cases.jsonl").read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            items.append((folder / case["html"], case["url"], case["body"]))
    pairs = []
    for path, url, body in items:
        raw = gzip.decompress(path.read_bytes())
        html = UnicodeDammit(raw, is_html=True).unicode_markup or raw.decode("utf-8", "replace")
        pairs.append(("\n\n".join(extract_html(html, url=url).paragraphs), body))
    return pairs


@pytest.mark.bench
@pytest.mark.parametrize("dataset", sorted(BENCH_FLOORS))
def test_quality_floor_on_benchmark(dataset: str) -> None:
    # Given a benchmark folder (skipped where the repo runs without ../shared)
    if not (BENCH / dataset).is_dir():
        pytest.skip(f"{BENCH / dataset} not present")
    # When every page is extracted and scored
    score = body_f1(_bench_pairs(dataset))
    # Then body F1 stays above the floor
    assert score >= BENCH_FLOORS[dataset], score
