"""Performance against peers, measured side by side in one run (not timed tests).

    python benchmarks/perf.py [--shared ../shared] [--pages N] [--load-seconds 30]
                              [--skip extraction,coldstart,memory,text,load]

1. Extraction: per-page time over ../shared/benchmarks/scrapinghub, ours
   (service.extract: decode + extract + normalise) against trafilatura 2.3.1
   `bare_extraction(with_metadata=True)`, alternating page by page.
2. Cold start: a fresh `python` to a handler ready to serve (imports + init) for the
   API and S3 functions, against a bare Powertools handler with the same resolver.
3. Memory: peak RSS of a fresh process extracting a 5 MB page, ours and trafilatura.
4. Pasted text: ms per paste of 10 KB, 100 KB and 1 MB (a real paste whose body is
   lengthened), and the time per KB at 1 MB over that at 100 KB (1.0 = linear).
5. Local stack: POST /articles of the seed at 20 requests/s to 127.0.0.1 (bounded).
6. Cost per million articles at the template's MemorySize, from the figures above.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
# Lambda arm64 prices (us-east-1): per GB-second and per request.
PRICE_GB_SECOND_ARM = 0.0000133334
PRICE_PER_REQUEST = 0.20 / 1_000_000
# Lambda gives a function one full vCPU at 1769 MB and a proportional share below.
FULL_VCPU_MB = 1769
FUNCTION_ENV = {
    "BUCKET_NAME": "bench-bucket",
    "TABLE_NAME": "bench-table",
    "POWERTOOLS_SERVICE_NAME": "article-ingest",
    "POWERTOOLS_METRICS_NAMESPACE": "ArticleIngest",
    "POWERTOOLS_TRACE_DISABLED": "true",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# ----------------------------------------------------------------------------- extraction
def bench_extraction(shared: Path, limit: int | None) -> dict[str, float]:
    import trafilatura

    from article_ingest.errors import IngestError
    from article_ingest.service import RawInput, extract
    from article_ingest.settings import Settings

    settings = Settings()
    pages = sorted((shared / "benchmarks" / "scrapinghub" / "html").glob("*.html.gz"))
    pages = pages[:limit] if limit else pages
    raws = [gzip.decompress(p.read_bytes()) for p in pages]
    ours, peer = [], []
    for raw in raws[:5]:  # warm both (imports, regex compilation)
        extract(RawInput(raw, "text/html", "cli"), settings)
        trafilatura.bare_extraction(raw, with_metadata=True)
    for raw in raws:
        t = time.perf_counter()
        with contextlib.suppress(IngestError):  # an error page still costs its time
            extract(RawInput(raw, "text/html", "cli"), settings)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        trafilatura.bare_extraction(raw, with_metadata=True)
        peer.append(time.perf_counter() - t)
    return {
        "pages": len(raws),
        "ours_median_ms": 1000 * statistics.median(ours),
        "ours_p95_ms": 1000 * pct(ours, 0.95),
        "peer_median_ms": 1000 * statistics.median(peer),
        "peer_p95_ms": 1000 * pct(peer, 0.95),
        "ours_pages_per_s": len(ours) / sum(ours),
        "peer_pages_per_s": len(peer) / sum(peer),
    }


# ----------------------------------------------------------------------------- cold start
_COLD_SNIPPET = """
import sys, time, runpy
t = time.perf_counter()
sys.path.insert(0, {folder!r})
module = __import__({module!r})
getattr(module, "lambda_handler")
print(time.perf_counter() - t)
"""

_BARE_HANDLER = """
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver

app = APIGatewayHttpResolver(enable_validation=True)


@app.get("/articles/<article_id>")
def get_article(article_id: str) -> dict[str, str]:
    return {"id": article_id}


def lambda_handler(event, context):
    return app.resolve(event, context)
"""


def _cold(folder: Path, module: str, runs: int) -> list[float]:
    """Whole-process wall times: interpreter start + imports + init."""
    env = {**os.environ, **FUNCTION_ENV}
    code = _COLD_SNIPPET.format(folder=str(folder), module=module)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([PY, "-c", code], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return times


def bench_coldstart(runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "bare_app.py").write_text(_BARE_HANDLER)
        targets = {
            "bare": (Path(tmp), "bare_app"),
            "api": (REPO / "functions" / "api", "api_app"),
            "s3": (REPO / "functions" / "s3_ingest", "s3_app"),
        }
        results: dict[str, list[float]] = {name: [] for name in targets}
        for _ in range(runs):  # interleave so machine noise hits all alike
            for name, (folder, module) in targets.items():
                results[name] += _cold(folder, module, 1)
    out = {f"{name}_ms": 1000 * statistics.median(ts) for name, ts in results.items()}
    out["api_ratio"] = out["api_ms"] / out["bare_ms"]
    out["s3_ratio"] = out["s3_ms"] / out["bare_ms"]
    return out


# ----------------------------------------------------------------------------- memory
_MEMORY_SNIPPET = """
import resource, sys, time
raw = open(sys.argv[2], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
if sys.argv[1] == "ours":
    from article_ingest.service import RawInput, extract
    from article_ingest.settings import Settings
    extract(RawInput(raw, "text/html", "cli"), Settings(max_input_bytes=10**8))
else:
    import trafilatura
    trafilatura.bare_extraction(raw, with_metadata=True)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, time.perf_counter() - t)
"""


def big_page(shared: Path, size: int) -> bytes:
    """A real page whose article paragraphs are repeated until it weighs `size` bytes."""
    page = gzip.decompress(
        sorted((shared / "benchmarks" / "scrapinghub" / "html").glob("*.html.gz"))[0].read_bytes()
    ).decode("utf-8", errors="replace")
    cut = page.lower().rfind("</body>")
    filler = "".join(
        f"<p>Paragraph {i}: the committee heard evidence from witnesses about the budget, "
        f"the schedule and the risks of the project, and will report next month.</p>\n"
        for i in range(200)
    )
    body = []
    total = len(page)
    while total < size:
        body.append(filler)
        total += len(filler)
    return (page[:cut] + "<article>" + "".join(body) + "</article>" + page[cut:]).encode()


def bench_memory(shared: Path, size: int) -> dict[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".html") as f:
        f.write(big_page(shared, size))
        f.flush()
        out: dict[str, float] = {"page_mb": os.path.getsize(f.name) / 1e6}
        for who in ("ours", "peer"):
            proc = subprocess.run(
                [PY, "-c", _MEMORY_SNIPPET, who, f.name], check=True, capture_output=True, text=True
            )
            rss, secs = proc.stdout.split()
            out[f"{who}_peak_rss_mb"] = float(rss)
            out[f"{who}_seconds"] = float(secs)
    return out


# ----------------------------------------------------------------------------- pasted text
TEXT_SIZES = (10_000, 100_000, 1_000_000)


def long_paste(size: int) -> str:
    """The seed paste with body paragraphs inserted after its first paragraph until it
    weighs `size` bytes: page furniture stays at the top and the bottom as in a paste."""
    seed = (REPO / "seeds" / "stocktwits-us-china-trade-talks.txt").read_text(encoding="utf-8")
    head, _, tail = seed.partition("\n\n")
    filler: list[str] = []
    total = len(seed.encode())
    i = 0
    while total < size:
        para = (
            f"In session {i}, the committee heard evidence from witnesses about the "
            f"budget, the schedule and the risks of project {i}; it will report next month."
        )
        filler.append(para)
        total += len(para) + 2
        i += 1
    return head + "\n\n" + "\n\n".join(filler) + "\n\n" + tail


def bench_text(repeats: int = 5) -> dict[str, float]:
    from article_ingest.service import RawInput, extract
    from article_ingest.settings import Settings

    settings = Settings()
    out: dict[str, float] = {}
    for size in TEXT_SIZES:
        raw = long_paste(size).encode()
        extract(RawInput(raw, "text/plain", "cli"), settings)  # warm
        times = []
        for _ in range(repeats if size < 1_000_000 else 2):
            t = time.perf_counter()
            extract(RawInput(raw, "text/plain", "cli"), settings)
            times.append(time.perf_counter() - t)
        out[f"{size // 1000}kb_ms"] = 1000 * min(times)
    # Per KB at 1 MB over per KB at 100 KB: 1.0 is linear (10 KB is dominated by fixed costs).
    out["linearity"] = (out["1000kb_ms"] / 1000) / (out["100kb_ms"] / 100)
    return out


# ----------------------------------------------------------------------------- local stack
def _post(url: str, data: bytes) -> tuple[int, float]:
    req = urllib.request.Request(url, data=data, headers={"content-type": "text/plain"})
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            status = resp.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except OSError:
        status = 0
    return status, time.perf_counter() - t


def bench_load(rate: int, seconds: int) -> dict[str, float]:
    """POST the seed at `rate` requests/s for `seconds` to a local stack on 127.0.0.1."""
    from article_ingest.local.moto_stack import free_port

    port = free_port()
    env = {**os.environ, **FUNCTION_ENV}
    env.pop("AWS_ENDPOINT_URL", None)
    server = subprocess.Popen(
        [str(Path(PY).parent / "article-ingest"), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/openapi.json", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        seed = (REPO / "seeds" / "stocktwits-us-china-trade-talks.txt").read_bytes()
        results: list[tuple[int, float]] = []
        lock = threading.Lock()

        def one() -> None:
            r = _post(base + "/articles", seed)
            with lock:
                results.append(r)

        threads = []
        start = time.perf_counter()
        for i in range(rate * seconds):  # bounded: exactly rate*seconds requests
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            th = threading.Thread(target=one)
            th.start()
            threads.append(th)
        for th in threads:
            th.join(timeout=30)
    finally:
        server.terminate()
        server.wait(timeout=10)
    lat = [r[1] for r in results]
    return {
        "requests": len(results),
        "errors": sum(1 for s, _ in results if s not in (200, 201)),
        "p50_ms": 1000 * statistics.median(lat),
        "p99_ms": 1000 * pct(lat, 0.99),
    }


def template_memory_mb() -> int:
    from article_ingest.local.provision import load_template

    template = load_template(REPO / "template.yaml")
    size = template.get("Globals", {}).get("Function", {}).get("MemorySize", 128)
    return int(size)


# Storage round trips (S3 puts, DynamoDB read + conditional put) billed as wall time.
STORAGE_MS = 20.0


def lambda_ms(full_core_ms: float, memory_mb: int) -> float:
    """A time measured on one full core here, stretched by Lambda's CPU share."""
    return full_core_ms * max(1.0, FULL_VCPU_MB / memory_mb)


def cost_per_million(full_core_ms: float, memory_mb: int) -> float:
    seconds = (lambda_ms(full_core_ms, memory_mb) + STORAGE_MS) / 1000
    return 1_000_000 * (memory_mb / 1024 * seconds * PRICE_GB_SECOND_ARM + PRICE_PER_REQUEST)


def cost_rows(ext: dict[str, float], template_mb: int) -> list[tuple[str, str, str, str]]:
    """Cost per million articles and latency at the template's MemorySize and beside it:
    below one vCPU the CPU time costs the same at any size, so bigger buys latency
    and only the storage wait costs more."""
    rows = []
    for mb in sorted({512, template_mb, FULL_VCPU_MB}):
        mark = " (template)" if mb == template_mb else ""
        rows += [
            (
                f"Lambda @{mb} MB{mark}: USD / 1M articles",
                f"{cost_per_million(ext['ours_median_ms'], mb):.2f}",
                "-",
                "-",
            ),
            (
                f"Lambda @{mb} MB{mark}: median / p95 ms",
                f"{lambda_ms(ext['ours_median_ms'], mb) + STORAGE_MS:.0f}"
                f" / {lambda_ms(ext['ours_p95_ms'], mb) + STORAGE_MS:.0f}",
                "-",
                "-",
            ),
        ]
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--pages", type=int, default=None)
    ap.add_argument("--cold-runs", type=int, default=10)
    ap.add_argument("--load-rate", type=int, default=20)
    ap.add_argument("--load-seconds", type=int, default=30)
    ap.add_argument("--skip", default="")
    ap.add_argument("--readme", type=Path, help="write the table into this README's perf block")
    args = ap.parse_args()
    args.shared = args.shared.resolve()
    skip = set(filter(None, args.skip.split(",")))
    rows: list[tuple[str, str, str, str]] = []
    ext = mem = None
    if "extraction" not in skip:
        ext = bench_extraction(args.shared, args.pages)
        rows += [
            (
                "extraction median ms/page",
                f"{ext['ours_median_ms']:.1f}",
                f"{ext['peer_median_ms']:.1f}",
                f"{ext['ours_median_ms'] / ext['peer_median_ms']:.2f}",
            ),
            (
                "extraction p95 ms/page",
                f"{ext['ours_p95_ms']:.1f}",
                f"{ext['peer_p95_ms']:.1f}",
                f"{ext['ours_p95_ms'] / ext['peer_p95_ms']:.2f}",
            ),
            (
                "throughput pages/s/core",
                f"{ext['ours_pages_per_s']:.1f}",
                f"{ext['peer_pages_per_s']:.1f}",
                f"{ext['ours_pages_per_s'] / ext['peer_pages_per_s']:.2f}",
            ),
        ]
    if "coldstart" not in skip:
        cold = bench_coldstart(args.cold_runs)
        rows += [
            (
                "cold start API fn ms",
                f"{cold['api_ms']:.0f}",
                f"{cold['bare_ms']:.0f}",
                f"{cold['api_ratio']:.2f}",
            ),
            (
                "cold start S3 fn ms",
                f"{cold['s3_ms']:.0f}",
                f"{cold['bare_ms']:.0f}",
                f"{cold['s3_ratio']:.2f}",
            ),
        ]
    if "memory" not in skip:
        from article_ingest.settings import DEFAULT_MAX_DECOMPRESSED_BYTES

        # The 5 MB page, and the largest input the service accepts (an upload
        # inflated to the decompression limit): MemorySize must hold the second.
        for size in (5_000_000, DEFAULT_MAX_DECOMPRESSED_BYTES):
            m = bench_memory(args.shared, size)
            mem = mem or m
            rows += [
                (
                    f"peak RSS, {m['page_mb']:.1f} MB page, MB",
                    f"{m['ours_peak_rss_mb']:.0f}",
                    f"{m['peer_peak_rss_mb']:.0f}",
                    f"{m['ours_peak_rss_mb'] / m['peer_peak_rss_mb']:.2f}",
                ),
                (
                    f"time, {m['page_mb']:.1f} MB page, s",
                    f"{m['ours_seconds']:.2f}",
                    f"{m['peer_seconds']:.2f}",
                    f"{m['ours_seconds'] / m['peer_seconds']:.2f}",
                ),
            ]
    if "text" not in skip:
        text = bench_text()
        rows += [
            (f"text paste {kb} KB ms", f"{text[f'{kb}kb_ms']:.1f}", "-", "-")
            for kb in (10, 100, 1000)
        ]
        rows.append(
            ("text ms/KB at 1 MB / at 100 KB (1 = linear)", f"{text['linearity']:.2f}", "-", "-")
        )
    if "load" not in skip:
        load = bench_load(args.load_rate, args.load_seconds)
        rows += [
            (
                f"local POST {args.load_rate}/s x {args.load_seconds}s p50 ms",
                f"{load['p50_ms']:.1f}",
                "-",
                "-",
            ),
            ("local POST p99 ms", f"{load['p99_ms']:.1f}", "-", "-"),
            ("local POST errors / requests", f"{load['errors']}/{load['requests']}", "-", "-"),
        ]
    memory_mb = template_memory_mb()
    if ext:
        rows += cost_rows(ext, memory_mb)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'ours':>10}  {'peer':>10}  {'ratio':>6}")
    for name, ours, peer, ratio in rows:
        print(f"{name:<{width}}  {ours:>10}  {peer:>10}  {ratio:>6}")
    print(
        "\npeers: trafilatura 2.3.1 with metadata (extraction, memory); a bare Powertools "
        "APIGatewayHttpResolver handler (cold start). Lambda rows: arm64 us-east-1 prices, "
        f"extraction time scaled by the CPU share (1 vCPU at {FULL_VCPU_MB} MB) plus "
        f"{STORAGE_MS:.0f} ms of storage round trips; S3/DynamoDB request charges excluded."
    )
    print(json.dumps({"extraction": ext, "memory": mem}, default=str), file=sys.stderr)
    if args.readme:
        write_readme(args.readme, rows)


README_START = "<!-- perf-table: written by `make bench`; do not edit by hand -->"
README_END = "<!-- perf-table end -->"


def write_readme(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    """The figures as a Markdown table between the README's perf markers."""
    lines = ["| measure | ours | peer | ratio |", "|---|---|---|---|"]
    lines += [f"| {name} | {ours} | {peer} | {ratio} |" for name, ours, peer, ratio in rows]
    text = path.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        sys.exit(f"{path}: no perf-table markers to write between")
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    table = "\n".join(lines) + "\n"
    path.write_text(f"{head}{README_START}\n{table}{README_END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
