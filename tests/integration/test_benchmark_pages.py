"""Every shared benchmark page and paste goes through the CLI without an error line.

Skipped when ../shared/benchmarks is absent (a user's clone)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_benchmarks

CLI = Path(sys.executable).parent / "article-ingest"


def manifest_lines(bench: Path) -> list[str]:
    paths = sorted((bench / "scrapinghub" / "html").glob("*.html.gz"))
    paths += sorted((bench / "scrapinghub" / "text").glob("*.txt"))
    paths += sorted((bench / "fundus-dev" / "html").glob("*.html.gz"))
    paths += sorted((bench / "fundus-dev" / "text").glob("*.txt"))
    return [json.dumps({"path": str(p)}) for p in paths]


@pytest.mark.bench
def test_every_benchmark_input_extracts_without_error(tmp_path: Path) -> None:
    # Given all 306 HTML pages and 241 pastes of the shared benchmarks
    bench = shared_benchmarks()
    lines = manifest_lines(bench)
    assert len(lines) == 306 + 241
    manifest = tmp_path / "all.jsonl"
    manifest.write_text("\n".join(lines) + "\n")
    # When extracted through the CLI manifest
    proc = subprocess.run(
        [str(CLI), "extract", "--manifest", str(manifest)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    # Then there is one Article per input and no error line
    errors = [
        (json.loads(m)["path"], o["error"]) for m, o in zip(lines, out, strict=True) if "error" in o
    ]
    assert errors == []
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert all(o["body"] for o in out)
