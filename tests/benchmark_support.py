"""The shared benchmarks in the tests: every input extracted once per run, scored by
the benchmarks' own scorers in ../shared/bench (no second implementation of a metric).

Absent in a user's clone: the tests that use this skip when ../shared is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ARTICLE_INGEST_SHARED", REPO.parent / "shared"))
BENCHMARKS = SHARED / "benchmarks"
SCORERS_DIR = SHARED / "bench"

# set -> the modes it has inputs for, and the scorer that judges it.
SETS: dict[str, tuple[tuple[str, ...], str]] = {
    "scrapinghub": (("html", "text"), "score.py"),
    "fundus-dev": (("html", "text"), "score.py"),
    "trafilatura-eval-dev": (("html", "text"), "score_snippets.py"),
    "htmldate-eval-dev": (("html", "text"), "score_dates.py"),
    "readability-dev": (("html",), "score_tokens.py"),
}


@dataclass(frozen=True)
class Input:
    id: str
    path: Path
    url: str | None


def available() -> bool:
    return SCORERS_DIR.is_dir() and BENCHMARKS.is_dir()


def inputs(dataset: str, mode: str) -> list[Input]:
    """The set's inputs in a mode, in case order (text mode: cases with a paste only)."""
    folder = BENCHMARKS / dataset
    if (folder / "cases.jsonl").exists():
        lines = (folder / "cases.jsonl").read_text(encoding="utf-8").splitlines()
        cases = [json.loads(line) for line in lines if line.strip()]
        rels = [
            (c["id"], c["html"] if mode == "html" else c.get("text"), c.get("url")) for c in cases
        ]
    else:
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        rels = [
            (k, f"html/{k}.html.gz" if mode == "html" else f"text/{k}.txt", v.get("url"))
            for k, v in sorted(truth.items())
        ]
    return [Input(i, folder / r, u) for i, r, u in rels if r and (folder / r).exists()]


def _predict(item: Input) -> dict[str, Any]:
    """One prediction line, as the CLI would extract the input (url kept when valid)."""
    from article_ingest.errors import IngestError
    from article_ingest.service import RawInput, extract
    from article_ingest.settings import Settings

    try:
        article, _ = extract(
            RawInput(item.path.read_bytes(), None, "cli", item.url),
            Settings(),
            ignore_bad_url=True,
        )
    except IngestError as exc:
        return {"id": item.id, "error": exc.code}
    return {
        "id": item.id,
        "headline": article.headline,
        "authors": article.authors,
        "published": article.published_at,
        "body": article.body,
        "blocks": [b.model_dump(exclude_none=True) for b in article.blocks],
        "warnings": article.extraction.warnings,
    }


def predict_all(dataset: str, mode: str, out: Path) -> list[dict[str, Any]]:
    """Every input of a set in a mode extracted (in parallel, order kept) into `out`."""
    items = inputs(dataset, mode)
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        preds = list(pool.map(_predict, items, chunksize=8))
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), "utf-8")
    return preds


def score(dataset: str, mode: str, preds: Path, *extra: str) -> dict[str, Any]:
    """The set's own scorer's JSON figures for a predictions file."""
    script = SETS[dataset][1]
    cmd = [sys.executable, str(SCORERS_DIR / script), str(BENCHMARKS / dataset), str(preds)]
    if script != "score_tokens.py":
        cmd += ["--mode", mode]
    proc = subprocess.run([*cmd, *extra, "--json"], capture_output=True, text=True, check=True)
    figures: dict[str, Any] = json.loads(proc.stdout)
    return figures
