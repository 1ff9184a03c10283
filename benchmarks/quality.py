"""Extraction quality on the shared benchmarks: ours against peers, one table.

Ours runs through the real CLI (`article-ingest extract --manifest`); the peers are
trafilatura 2.3.1 (with metadata, favor_precision) on HTML and pass-through (the
paste as it is) on text. Every figure comes from ../shared/bench/score.py.

    python benchmarks/quality.py [--shared ../shared] [--sets fundus-dev,scrapinghub]
                                 [--modes html,text] [--no-peers] [--worst 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
CLI = Path(sys.executable).parent / "article-ingest"
METRICS = [
    ("body_f1", "body F1"),
    ("body_precision", "P"),
    ("body_recall", "R"),
    ("headline_acc", "headline"),
    ("authors_f1", "authors F1"),
    ("date_acc", "date"),
    ("datetime_acc", "date+time"),
]


def cases(shared: Path, dataset: str, mode: str) -> list[dict[str, str | None]]:
    """[{id, path, url}] of a dataset in a mode; text mode only where a paste exists."""
    root = shared / "benchmarks" / dataset
    out: list[dict[str, str | None]] = []
    if (root / "cases.jsonl").exists():
        for line in (root / "cases.jsonl").read_text(encoding="utf-8").splitlines():
            c = json.loads(line)
            rel = c["html"] if mode == "html" else c.get("text")
            if rel and (root / rel).exists():
                out.append({"id": c["id"], "path": str(root / rel), "url": c.get("url")})
    else:
        truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        for cid, v in sorted(truth.items()):
            path = (
                root
                / ("html" if mode == "html" else "text")
                / (f"{cid}.html.gz" if mode == "html" else f"{cid}.txt")
            )
            if path.exists():
                out.append({"id": cid, "path": str(path), "url": v.get("url")})
    return out


def run_ours(items: list[dict[str, str | None]], work: Path) -> tuple[list[dict], int, float]:
    """Predictions through the CLI; (predictions, error count, seconds)."""
    manifest = work / "manifest.jsonl"
    manifest.write_text(
        "".join(json.dumps({"path": i["path"], "url": i["url"]}) + "\n" for i in items),
        encoding="utf-8",
    )
    start = time.perf_counter()
    proc = subprocess.run(
        [str(CLI), "extract", "--manifest", str(manifest)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    lines = proc.stdout.splitlines()
    if len(lines) != len(items):
        sys.exit(f"CLI printed {len(lines)} lines for {len(items)} inputs:\n{proc.stderr[-2000:]}")
    preds, errors = [], 0
    for item, line in zip(items, lines, strict=True):
        art = json.loads(line)
        if "error" in art:
            errors += 1
            print(f"  error {item['id']}: {art['error']}", file=sys.stderr)
            preds.append({"id": item["id"]})
            continue
        preds.append(
            {
                "id": item["id"],
                "headline": art["headline"],
                "authors": art["authors"],
                "published": art["published_at"],
                "body": art["body"],
            }
        )
    return preds, errors, elapsed


def run_trafilatura(
    items: list[dict[str, str | None]], work: Path
) -> tuple[list[dict], int, float]:
    import trafilatura

    preds, errors, elapsed = [], 0, 0.0
    for item in items:
        raw = gzip.decompress(Path(str(item["path"])).read_bytes())
        start = time.perf_counter()
        try:
            doc = trafilatura.bare_extraction(
                raw, url=item["url"], with_metadata=True, favor_precision=True
            )
        except Exception:  # a peer's failure is its score, not ours to raise
            doc = None
        elapsed += time.perf_counter() - start
        if doc is None:
            errors += 1
            preds.append({"id": item["id"]})
            continue
        d = doc.as_dict() if hasattr(doc, "as_dict") else doc
        authors = [a.strip() for a in (d.get("author") or "").split(";") if a.strip()]
        preds.append(
            {
                "id": item["id"],
                "headline": d.get("title") or "",
                "authors": authors,
                "published": d.get("date") or "",
                "body": d.get("text") or "",
            }
        )
    return preds, errors, elapsed


def run_passthrough(
    items: list[dict[str, str | None]], work: Path
) -> tuple[list[dict], int, float]:
    preds = [
        {"id": i["id"], "body": Path(str(i["path"])).read_text(encoding="utf-8")} for i in items
    ]
    return preds, 0, 0.0


def score(shared: Path, dataset: str, mode: str, preds: list[dict], path: Path) -> dict:
    path.write_text(
        "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8"
    )
    proc = subprocess.run(
        [
            sys.executable,
            str(shared / "bench" / "score.py"),
            str(shared / "benchmarks" / dataset),
            str(path),
            "--mode",
            mode,
            "--json",
            "--worst",
            "10",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict = json.loads(proc.stdout)
    return result


def fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--sets", default="scrapinghub,fundus-dev")
    ap.add_argument("--modes", default="html,text")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--worst", type=int, default=5)
    args = ap.parse_args()
    # Absolute: the CLI runs with its own working directory under benchmarks/out.
    args.shared = args.shared.resolve()
    if not (args.shared / "bench" / "score.py").exists():
        sys.exit(f"{args.shared}/bench/score.py not found: pass --shared")
    OUT.mkdir(exist_ok=True)
    rows, worst = [], []
    for dataset in args.sets.split(","):
        for mode in args.modes.split(","):
            items = cases(args.shared, dataset, mode)
            if not items:
                continue
            systems = [("article-ingest", run_ours)]
            if not args.no_peers:
                systems.append(
                    (
                        "trafilatura 2.3.1" if mode == "html" else "pass-through",
                        run_trafilatura if mode == "html" else run_passthrough,
                    )
                )
            for name, runner in systems:
                work = OUT / f"{dataset}-{mode}-{name.split()[0]}"
                work.mkdir(exist_ok=True)
                preds, errors, secs = runner(items, work)
                m = score(args.shared, dataset, mode, preds, work / "preds.jsonl")
                rows.append((f"{dataset}/{mode}", name, len(items), errors, secs, m))
                if name == "article-ingest":
                    worst.append((f"{dataset}/{mode}", m["worst_body"][: args.worst]))
    head = (
        f"{'set':<18} {'system':<18} {'n':>4} {'err':>3} "
        + " ".join(f"{label:>10}" for _, label in METRICS)
        + f" {'ms/page':>8}"
    )
    print(head)
    print("-" * len(head))
    for setname, name, n, errors, secs, m in rows:
        print(
            f"{setname:<18} {name:<18} {n:>4} {errors:>3} "
            + " ".join(f"{fmt(m.get(key)):>10}" for key, _ in METRICS)
            + f" {1000 * secs / n:8.1f}"
        )
    print(
        "\nms/page: ours is the whole CLI run (process start included) divided by pages; "
        "`make bench` measures per-page time side by side."
    )
    for setname, items in worst:
        print(f"\nworst body F1, ours, {setname}:")
        for r in items:
            print(
                f"  {r['body_f1']:.3f}  P {fmt(r['body_precision'])} R {fmt(r['body_recall'])}"
                f"  {r['id']}"
            )


if __name__ == "__main__":
    main()
