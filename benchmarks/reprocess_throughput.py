"""Throughput of `article-ingest reprocess` on the local stack (not a timed test).

    python benchmarks/reprocess_throughput.py [--articles 1000] [--repeats 3]

Starts `article-ingest serve` (the `make run` stack: embedded moto) in a process of
its own, stores N articles into it (the golden HTML pages and seeds/ cycled, each
under its own URL, keyed by that URL), then times `reprocess` over all of them,
in this process, as the CLI runs it (`cli.main`):

- unchanged: the same extractor, so every article is read (index item, Article,
  raw input), re-extracted, compared, and left alone;
- changed: each run under another extractor version, so every article is rewritten
  (a new S3 version and its index item, through the store's conditional write);
- extract only: `service.extract` over the same raw inputs, no storage (the CPU part).

Prints one JSON line per case: articles, the seconds of each run, the median, and
articles/s at the median.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _inputs() -> list[tuple[bytes, str]]:
    """(bytes, content type) of every golden page and seed."""
    pages = [
        (p.read_bytes(), "text/html") for p in sorted((REPO / "tests/golden/html").glob("*.html"))
    ]
    seeds = [(p.read_bytes(), "text/plain") for p in sorted((REPO / "seeds").iterdir())]
    return pages + seeds


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def local_stack() -> Iterator[str]:
    """`article-ingest serve` in its own process; yields its moto endpoint."""
    command = [str(Path(sys.executable).parent / "article-ingest"), "serve", "--port"]
    proc = subprocess.Popen(
        [*command, str(_free_port())], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        endpoint = line.split("(moto) at ")[1].split(";")[0].split(" ")[0].rstrip(".")
        yield endpoint
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def store_articles(endpoint: str, count: int) -> None:
    from article_ingest.aws import clients
    from article_ingest.service import RawInput, ingest
    from article_ingest.settings import Settings
    from article_ingest.store import S3DynamoStore

    # Keyed by the URL given, so one page stored under many URLs is many records.
    settings = Settings(aws_endpoint_url=endpoint, record_key="submitted_url")
    store = S3DynamoStore(*clients(settings), settings)
    inputs = _inputs()
    for n in range(count):
        data, content_type = inputs[n % len(inputs)]
        raw = RawInput(data, content_type, "cli", url=f"https://bench.example/articles/{n}")
        result = ingest(raw, settings, store)
        assert result.status == "created", result.status


def time_reprocess(endpoint: str, *, version: str | None = None) -> tuple[float, dict[str, int]]:
    """Seconds of one `article-ingest reprocess` run, and its summary counts."""
    from article_ingest import service
    from article_ingest.cli import main

    original = service.EXTRACTOR_VERSION
    if version:
        service.EXTRACTOR_VERSION = version  # type: ignore[misc]
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            start = time.perf_counter()
            code = main(["reprocess", "--endpoint-url", endpoint])
            seconds = time.perf_counter() - start
    finally:
        service.EXTRACTOR_VERSION = original  # type: ignore[misc]
    assert code == 0, out.getvalue()[-2000:]
    summary: dict[str, int] = json.loads(out.getvalue().splitlines()[-1])["summary"]
    return seconds, summary


def time_extract(count: int) -> float:
    from article_ingest.service import RawInput, extract
    from article_ingest.settings import Settings

    settings, inputs = Settings(), _inputs()
    start = time.perf_counter()
    for n in range(count):
        data, content_type = inputs[n % len(inputs)]
        extract(RawInput(data, content_type, "cli", url=f"https://bench.example/{n}"), settings)
    return time.perf_counter() - start


def _report(case: str, count: int, runs: list[float], **extra: object) -> None:
    median = statistics.median(runs)
    line = {
        "case": case,
        "articles": count,
        "seconds": [round(r, 2) for r in runs],
        "median_s": round(median, 2),
        "articles_per_s": round(count / median, 1),
        "ms_per_article": round(1000 * median / count, 1),
        **extra,
    }
    print(json.dumps(line), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    with local_stack() as endpoint:
        start = time.perf_counter()
        store_articles(endpoint, args.articles)
        _report("store (ingest)", args.articles, [time.perf_counter() - start])
        unchanged, changed = [], []
        for run in range(args.repeats):  # each run under another version: all change
            seconds, summary = time_reprocess(endpoint, version=f"bench-{run}")
            assert summary["changed"] == args.articles, summary
            changed.append(seconds)
        time_reprocess(endpoint)  # back to the current extractor's output (untimed)
        for _ in range(args.repeats):
            seconds, summary = time_reprocess(endpoint)
            assert summary["unchanged"] == args.articles, summary
            unchanged.append(seconds)
        _report("reprocess, all unchanged", args.articles, unchanged)
        _report("reprocess, all changed", args.articles, changed)
    _report(
        "extract only (no storage)",
        args.articles,
        [time_extract(args.articles) for _ in range(args.repeats)],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
