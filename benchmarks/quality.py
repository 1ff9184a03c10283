"""Extraction quality on the five shared benchmark sets: ours against peers, one table.

Ours runs through the real CLI (`article-ingest extract --manifest`); the peers are
trafilatura 2.3.1 (with metadata, favor_precision) on HTML, htmldate on the date set,
readability-lxml on the Readability set, and pass-through (the paste as it is) on text.
Every figure comes from a scorer in ../shared/bench (score.py, score_snippets.py,
score_dates.py, score_tokens.py), run on the whole set and on each half of its sites:
half A and half B split the sites by a hash, so a rule designed on one half can be
confirmed on the other (the maintainers' held-out halves are other sites again).

    python benchmarks/quality.py [--shared ../shared] [--sets fundus-dev,readability-dev]
                                 [--modes html,text] [--no-peers] [--refresh-peers]
                                 [--worst 5] [--json out.json] [--readme README.md]

Peer predictions are cached in benchmarks/out/peers/ (they do not change between runs of
ours); --refresh-peers recomputes them.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"  # --out moves a run's predictions elsewhere (parallel checkouts)
PEERS = HERE / "out" / "peers"  # shared by every run: the peers do not change
CLI = Path(sys.executable).parent / "article-ingest"
JOBS = os.cpu_count() or 1

Item = dict[str, str | None]
Runner = Callable[[list[Item], Path], tuple[list[dict], int, float]]


@dataclass(frozen=True)
class Metric:
    key: str  # the scorer's JSON key
    label: str
    target: float | None = None


@dataclass(frozen=True)
class Scorer:
    script: str
    args: tuple[str, ...]
    metrics: tuple[Metric, ...]


BODY = Scorer(
    "score.py",
    (),
    (Metric("body_f1", "body F1"),),
)
FUNDUS_HTML = Scorer(
    "score.py",
    (),
    (
        Metric("body_f1", "body F1", 0.965),
        Metric("headline_acc", "headline exact", 0.90),
        Metric("authors_f1", "authors F1", 0.92),
        Metric("date_acc", "date", 0.985),
        Metric("datetime_acc", "date+time", 0.94),
    ),
)
FUNDUS_TEXT = Scorer(
    "score.py",
    (),
    (
        Metric("body_f1", "body F1", 0.93),
        Metric("headline_acc", "headline exact", 0.85),
        Metric("authors_f1", "authors F1", 0.85),
        Metric("date_acc", "date", 0.88),
    ),
)
SNIPPETS = Scorer("score_snippets.py", (), (Metric("f1", "snippet F1"),))
SNIPPET_META = Scorer(
    "score_snippets.py",
    ("--meta",),
    (
        Metric("title_acc", "title exact (meta)"),
        Metric("authors_acc", "authors exact (meta)"),
        Metric("date_acc", "date day (meta)"),
    ),
)
DATES = Scorer("score_dates.py", (), (Metric("accuracy", "date accuracy"),))
TOKENS = Scorer("score_tokens.py", (), (Metric("rougeLsum_f1", "ROUGE-LSum F1", 0.95),))


def _with_target(scorer: Scorer, target: float) -> Scorer:
    first = scorer.metrics[0]
    return Scorer(
        scorer.script,
        scorer.args,
        (Metric(first.key, first.label, target), *scorer.metrics[1:]),
    )


# (set, mode) -> the scorers that judge it. Targets: issues 11 (HTML) and 12 (text).
SCORERS: dict[tuple[str, str], tuple[Scorer, ...]] = {
    ("scrapinghub", "html"): (_with_target(BODY, 0.975),),
    ("scrapinghub", "text"): (_with_target(BODY, 0.93),),
    ("fundus-dev", "html"): (FUNDUS_HTML,),
    ("fundus-dev", "text"): (FUNDUS_TEXT,),
    ("trafilatura-eval-dev", "html"): (_with_target(SNIPPETS, 0.94), SNIPPET_META),
    ("trafilatura-eval-dev", "text"): (_with_target(SNIPPETS, 0.90),),
    ("htmldate-eval-dev", "html"): (_with_target(DATES, 0.92),),
    ("htmldate-eval-dev", "text"): (_with_target(DATES, 0.85),),
    ("readability-dev", "html"): (TOKENS,),
}
SETS = ["scrapinghub", "fundus-dev", "trafilatura-eval-dev", "htmldate-eval-dev", "readability-dev"]


def site_of(case: dict) -> str:
    """The key a set is split by: its `site`, fundus' publisher, else the URL's host."""
    if case.get("site"):
        return str(case["site"])
    if case.get("publisher"):
        return str(case["publisher"])
    host = urlsplit(case.get("url") or "").hostname or ""
    return host.removeprefix("www.")


def half_of(site: str) -> str:
    """'A' or 'B': a fixed hash of the site, independent of the benchmarks' own dev split."""
    return "AB"[int(hashlib.sha256(f"half:{site}".encode()).hexdigest(), 16) % 2]


def load_cases(root: Path) -> list[dict]:
    """The set's cases in one shape: cases.jsonl, or scrapinghub's ground-truth.json."""
    if (root / "cases.jsonl").exists():
        lines = (root / "cases.jsonl").read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for cid, v in sorted(truth.items()):
        text = root / "text" / f"{cid}.txt"
        out.append(
            {
                "id": cid,
                "url": v.get("url"),
                "html": f"html/{cid}.html.gz",
                "text": f"text/{cid}.txt" if text.exists() else None,
            }
        )
    return out


def items_for(root: Path, cases: list[dict], mode: str) -> list[Item]:
    """[{id, path, url, half}] of a set in a mode; text mode only where a paste exists."""
    out: list[Item] = []
    for c in cases:
        rel = c["html"] if mode == "html" else c.get("text")
        if rel and (root / rel).exists():
            out.append(
                {
                    "id": c["id"],
                    "path": str(root / rel),
                    "url": c.get("url"),
                    "half": half_of(site_of(c)),
                }
            )
    return out


def half_dataset(root: Path, half: str) -> Path:
    """A folder holding only half of a set's cases (the scorers take a folder)."""
    dest = OUT / "halves" / f"{root.name}-{half}"
    dest.mkdir(parents=True, exist_ok=True)
    for sub in ("html", "text"):
        link = dest / sub
        if (root / sub).exists() and not link.exists():
            link.symlink_to(root / sub)
    if (root / "cases.jsonl").exists():
        keep = [c for c in load_cases(root) if half_of(site_of(c)) == half]
        body = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in keep)
        (dest / "cases.jsonl").write_text(body, encoding="utf-8")
    else:
        truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        keep_ids = {c["id"] for c in load_cases(root) if half_of(site_of(c)) == half}
        kept = {k: v for k, v in truth.items() if k in keep_ids}
        (dest / "ground-truth.json").write_text(json.dumps(kept), encoding="utf-8")
    return dest


def run_ours(items: list[Item], work: Path) -> tuple[list[dict], int, float]:
    """Predictions through the CLI; (predictions, error count, seconds)."""
    manifest = work / "manifest.jsonl"
    manifest.write_text(
        "".join(json.dumps({"path": i["path"], "url": i["url"]}) + "\n" for i in items),
        encoding="utf-8",
    )
    start = time.perf_counter()
    proc = subprocess.run(
        [str(CLI), "extract", "--manifest", str(manifest), "--jobs", str(JOBS)],
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
            preds.append({"id": item["id"], "error": art["error"]["code"]})
            continue
        preds.append(
            {
                "id": item["id"],
                "headline": art["headline"],
                "authors": art["authors"],
                "published": art["published_at"],
                "body": art["body"],
                "blocks": art.get("blocks", []),
                "warnings": art.get("extraction", {}).get("warnings", []),
            }
        )
    return preds, errors, elapsed


def _read_page(item: Item) -> bytes:
    data = Path(str(item["path"])).read_bytes()
    return gzip.decompress(data) if str(item["path"]).endswith(".gz") else data


def run_trafilatura(items: list[Item], work: Path) -> tuple[list[dict], int, float]:
    import trafilatura

    preds, errors, elapsed = [], 0, 0.0
    for item in items:
        raw = _read_page(item)
        url = item["url"] if str(item["url"] or "").startswith("http") else None
        start = time.perf_counter()
        try:
            doc = trafilatura.bare_extraction(
                raw, url=url, with_metadata=True, favor_precision=True
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


def run_htmldate(items: list[Item], work: Path) -> tuple[list[dict], int, float]:
    """htmldate's own defaults (extensive search, original date), as its evaluation runs
    it; the URL is given, as to ours (htmldate reads a date in it too)."""
    import html

    from htmldate import find_date

    preds, errors, elapsed = [], 0, 0.0
    for item in items:
        raw = _read_page(item).decode("utf-8", "replace")
        if str(item["path"]).endswith(".txt"):
            # htmldate reads HTML: a paste is given as one paragraph per line.
            lines = (f"<p>{html.escape(line)}</p>" for line in raw.splitlines() if line.strip())
            raw = f"<html><body>{''.join(lines)}</body></html>"
        url = item["url"] if str(item["url"] or "").startswith("http") else None
        start = time.perf_counter()
        try:
            day = find_date(raw, url=url, original_date=True)
        except Exception:  # a peer's failure is its score
            day = None
        elapsed += time.perf_counter() - start
        errors += day is None
        preds.append({"id": item["id"], "published": day or ""})
    return preds, errors, elapsed


def run_readability(items: list[Item], work: Path) -> tuple[list[dict], int, float]:
    """readability-lxml's summary, as text with one line per block (the scorer's units)."""
    import lxml.html
    from readability import Document

    preds, errors, elapsed = [], 0, 0.0
    for item in items:
        raw = _read_page(item)
        start = time.perf_counter()
        try:
            summary = Document(raw).summary(html_partial=True)
            text = "\n".join(
                " ".join(el.text_content().split())
                for el in lxml.html.fromstring(summary).iter("p", "li", "h1", "h2", "h3", "pre")
            )
        except Exception:  # a peer's failure is its score
            text = ""
        elapsed += time.perf_counter() - start
        errors += not text
        preds.append({"id": item["id"], "body": text})
    return preds, errors, elapsed


def run_passthrough(items: list[Item], work: Path) -> tuple[list[dict], int, float]:
    preds = [
        {"id": i["id"], "body": Path(str(i["path"])).read_text(encoding="utf-8")} for i in items
    ]
    return preds, 0, 0.0


def peers_for(dataset: str, mode: str) -> list[tuple[str, Runner]]:
    if mode == "text":
        peers: list[tuple[str, Runner]] = [("pass-through", run_passthrough)]
        if dataset == "htmldate-eval-dev":
            peers.append(("htmldate (paste)", run_htmldate))
        return peers
    peers = [("trafilatura", run_trafilatura)]
    if dataset == "htmldate-eval-dev":
        peers.append(("htmldate", run_htmldate))
    if dataset == "readability-dev":
        peers.append(("readability-lxml", run_readability))
    return peers


def run_scorer(shared: Path, folder: Path, mode: str, scorer: Scorer, preds: Path) -> dict:
    cmd = [sys.executable, str(shared / "bench" / scorer.script), str(folder), str(preds)]
    if scorer.script != "score_tokens.py":
        cmd += ["--mode", mode]
    cmd += [*scorer.args, "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict = json.loads(proc.stdout)
    return result


def write_preds(preds: list[dict], path: Path) -> None:
    path.write_text(
        "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8"
    )


def score_all(
    shared: Path, dataset: str, mode: str, preds_path: Path, n_items: int
) -> dict[str, dict[str, float]]:
    """{metric label: {"all", "A", "B"}} for every scorer of (dataset, mode)."""
    root = shared / "benchmarks" / dataset
    out: dict[str, dict[str, float]] = {}
    for scorer in SCORERS[(dataset, mode)]:
        for part in ("all", "A", "B"):
            folder = root if part == "all" else half_dataset(root, part)
            try:
                res = run_scorer(shared, folder, mode, scorer, preds_path)
            except subprocess.CalledProcessError:  # a half with no case of this mode
                continue
            for m in scorer.metrics:
                if res.get(m.key) is not None:
                    out.setdefault(m.label, {})[part] = res[m.key]
    return out


def fmt(value: float | None, target: float | None = None) -> str:
    """Three decimals; four when three would round a miss up to its target."""
    if value is None:
        return "    -"
    if target is not None and value < target <= round(value, 3):
        return f"{value:.4f}"
    return f"{value:.3f}"


def main() -> None:
    global OUT
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--modes", default="html,text")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--refresh-peers", action="store_true")
    ap.add_argument("--worst", type=int, default=5)
    ap.add_argument("--json", type=Path, help="also write every figure to this file")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="where predictions go")
    ap.add_argument(
        "--readme", type=Path, help="write the Markdown table into this README's quality block"
    )
    args = ap.parse_args()
    OUT = args.out.resolve()
    # Absolute: the CLI runs with its own working directory under benchmarks/out.
    args.shared = args.shared.resolve()
    if not (args.shared / "bench" / "score.py").exists():
        sys.exit(f"{args.shared}/bench/score.py not found: pass --shared")
    PEERS.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    report: list[dict] = []
    for dataset in args.sets.split(","):
        root = args.shared / "benchmarks" / dataset
        if not root.exists():
            print(f"skipping {dataset}: not in {args.shared}/benchmarks", file=sys.stderr)
            continue
        cases = load_cases(root)
        for mode in args.modes.split(","):
            if (dataset, mode) not in SCORERS:
                continue
            items = items_for(root, cases, mode)
            if not items:
                continue
            work = OUT / f"{dataset}-{mode}"
            work.mkdir(exist_ok=True)
            preds, errors, secs = run_ours(items, work)
            write_preds(preds, work / "preds.jsonl")
            row = {
                "set": dataset,
                "mode": mode,
                "n": len(items),
                "errors": errors,
                "ms_per_page": 1000 * secs / len(items),
                "warnings": sum(bool(p.get("warnings")) for p in preds),
                "ours": score_all(args.shared, dataset, mode, work / "preds.jsonl", len(items)),
                "peers": {},
            }
            for name, runner in [] if args.no_peers else peers_for(dataset, mode):
                cached = PEERS / f"{dataset}-{mode}-{name.split()[0]}.jsonl"
                if args.refresh_peers or not cached.exists():
                    peer_preds, _, _ = runner(items, work)
                    write_preds(peer_preds, cached)
                row["peers"][name] = score_all(args.shared, dataset, mode, cached, len(items))
            report.append(row)
    print_table(report, args.shared)
    structure = None
    fundus = OUT / "fundus-dev-html" / "preds.jsonl"
    if any(r["set"] == "fundus-dev" and r["mode"] == "html" for r in report):
        import structure_quality

        figures = structure_quality.measure(args.shared, fundus, PEERS / "fundus-dev-markdown.json")
        structure = structure_quality.markdown_table(figures)
        print("\nBody structure on fundus-dev (truth: its paragraphs the page sets as h2-h6 / li):")
        print(structure)
    if args.readme:
        write_readme(args.readme, markdown_table(report))
        if structure:
            write_readme(args.readme, structure, STRUCTURE_START, STRUCTURE_END)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    if args.worst:
        print_worst(report, args.shared, args.worst)


def _targets() -> dict[tuple[str, str, str], float]:
    return {
        (d, m, metric.label): metric.target
        for (d, m), scorers in SCORERS.items()
        for s in scorers
        for metric in s.metrics
        if metric.target is not None
    }


def print_table(report: list[dict], shared: Path) -> None:
    targets = _targets()
    head = (
        f"{'set/mode':<26} {'n':>4} {'err':>3} {'metric':<22} {'ours':>6} "
        f"{'A':>6} {'B':>6} {'target':>7}  peers"
    )
    print(head)
    print("-" * (len(head) + 30))
    for row in report:
        first = True
        for label, parts in row["ours"].items():
            target = targets.get((row["set"], row["mode"], label))
            met = "" if target is None else ("✓" if parts.get("all", 0) >= target else "✗")
            peers = "  ".join(
                f"{name} {fmt(p.get(label, {}).get('all'))}" for name, p in row["peers"].items()
            )
            lead = f"{row['set'] + '/' + row['mode']:<26} {row['n']:>4} {row['errors']:>3}"
            print(
                f"{lead if first else ' ' * 34} {label:<22} {fmt(parts.get('all'), target):>6} "
                f"{fmt(parts.get('A')):>6} {fmt(parts.get('B')):>6} "
                f"{'' if target is None else f'{target:.3f}':>6}{met:1}  {peers}"
            )
            first = False
    print(
        "\nA / B: the set's sites split in two by a hash (design on one, confirm on the other). "
        "err: inputs answered with an error."
    )


README_START = "<!-- quality-table: written by `make bench-quality`; do not edit by hand -->"
README_END = "<!-- quality-table end -->"
STRUCTURE_START = "<!-- structure-table: written by `make bench-quality`; do not edit by hand -->"
STRUCTURE_END = "<!-- structure-table end -->"


def markdown_table(report: list[dict]) -> str:
    """The figures as a Markdown table: one row per set, mode and metric."""
    targets = _targets()
    peer_names = list(dict.fromkeys(n for row in report for n in row["peers"]))
    lines = [
        "| set / mode (inputs, errors) | metric | ours | half A | half B | target | "
        + " | ".join(peer_names)
        + " |",
        "|---|---|---|---|---|---|" + "---|" * len(peer_names),
    ]
    for row in report:
        first = True
        for label, parts in row["ours"].items():
            target = targets.get((row["set"], row["mode"], label))
            met = "" if target is None else (" ✓" if parts.get("all", 0) >= target else " ✗")
            lead = f"{row['set']} {row['mode']} ({row['n']}, {row['errors']})" if first else ""
            peers = [fmt(row["peers"].get(n, {}).get(label, {}).get("all")).strip()
                     for n in peer_names]  # fmt: skip
            lines.append(
                f"| {lead} | {label} | **{fmt(parts.get('all'), target).strip()}** | "
                f"{fmt(parts.get('A')).strip()} | {fmt(parts.get('B')).strip()} | "
                f"{'' if target is None else f'≥ {target:.3f}{met}'} | " + " | ".join(peers) + " |"
            )
            first = False
    return "\n".join(lines) + "\n"


def write_readme(path: Path, table: str, start: str = README_START, end: str = README_END) -> None:
    """Replace a README table (between its markers) with `table`."""
    text = path.read_text(encoding="utf-8")
    if start not in text or end not in text:
        sys.exit(f"{path}: no {start} ... {end} markers to write between")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{start}\n{table}{end}{tail}", encoding="utf-8")


def print_worst(report: list[dict], shared: Path, n: int) -> None:
    for row in report:
        preds = OUT / f"{row['set']}-{row['mode']}" / "preds.jsonl"
        scorer = SCORERS[(row["set"], row["mode"])][0]
        cmd = [sys.executable, str(shared / "bench" / scorer.script)]
        cmd += [str(shared / "benchmarks" / row["set"]), str(preds)]
        if scorer.script != "score_tokens.py":
            cmd += ["--mode", row["mode"]]
        cmd += ["--worst", str(n)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        print(f"\n== worst, ours, {row['set']}/{row['mode']}")
        print("\n".join(proc.stdout.splitlines()[2:][: 4 * n + 2]))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
