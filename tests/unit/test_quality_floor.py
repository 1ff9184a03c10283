"""Quality floor: body F1 on pages shipped in the repo, and on the benchmarks when present.

The metric is the scrapinghub article-extraction-benchmark's (word 4-gram
shingles, multiset precision/recall averaged over documents), the same as
../shared/bench/score.py. The in-repo floor runs everywhere; the full benchmark
runs only where ../shared/benchmarks exists and is skipped cleanly elsewhere.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from article_ingest.extract import extract_html
from article_ingest.inputs import decode_input
from article_ingest.models import ExtractedArticle

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
# fundus-dev metadata (score.py's headline exact and authors set F1; measured 0.912
# and 0.928 since credited newsrooms and publishers count as authors).
FUNDUS_HEADLINE_FLOOR = 0.89
FUNDUS_AUTHORS_FLOOR = 0.90
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032`\u00b4\u2039\u203a"), "'")
_QUOTES.update(dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'))
_QUOTES.update(dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"))


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


@functools.cache
def _bench_extractions(dataset: str) -> list[tuple[dict[str, Any], ExtractedArticle]]:
    """(case, extraction) for every page of a benchmark set, extracted once per run."""
    folder = BENCH / dataset
    cases: list[dict[str, Any]] = []
    if dataset == "scrapinghub":
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        cases = [
            {"html": f"html/{k}.html.gz", "url": v.get("url"), "body": v["articleBody"]}
            for k, v in truth.items()
        ]
    else:
        lines = (folder / "cases.jsonl").read_text(encoding="utf-8").splitlines()
        cases = [json.loads(line) for line in lines]
    out = []
    for case in cases:
        raw = gzip.decompress((folder / case["html"]).read_bytes())
        # Decoded as the service decodes (charset from BOM, <meta>, then detection).
        html = decode_input(
            raw, content_type="text/html", max_bytes=len(raw), max_decompressed_bytes=len(raw)
        ).text
        out.append((case, extract_html(html, url=case["url"])))
    return out


def _bench_pairs(dataset: str) -> list[tuple[str, str]]:
    return [("\n\n".join(a.paragraphs), c["body"]) for c, a in _bench_extractions(dataset)]


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


def _norm_headline(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES).split())


def _norm_name(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


def _set_f1(truth: list[str], pred: list[str]) -> float:
    t, p = {_norm_name(x) for x in truth} - {""}, {_norm_name(x) for x in pred} - {""}
    if not t and not p:
        return 1.0
    hits = len(t & p)
    return 0.0 if not hits else 2 * hits / (len(t) + len(p))


@pytest.mark.bench
def test_quality_floor_on_fundus_metadata() -> None:
    # Given the fundus-dev pages (skipped where the repo runs without ../shared)
    if not (BENCH / "fundus-dev").is_dir():
        pytest.skip(f"{BENCH / 'fundus-dev'} not present")
    # When every page is extracted
    done = _bench_extractions("fundus-dev")
    # Then headline exact-match and authors set F1 stay above their floors
    headline = sum(_norm_headline(a.headline) == _norm_headline(c["title"]) for c, a in done) / len(
        done
    )
    scored = [(c["authors"], a.authors) for c, a in done if c["authors"] is not None]
    authors = sum(_set_f1(t, p) for t, p in scored) / len(scored)
    assert headline >= FUNDUS_HEADLINE_FLOOR, headline
    assert authors >= FUNDUS_AUTHORS_FLOOR, authors
