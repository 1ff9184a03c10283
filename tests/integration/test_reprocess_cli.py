"""`article-ingest reprocess` against a running local stack (the `make run` stack).

The tests of this module share one stack, seeded from seeds/, and run in order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from article_ingest import service
from article_ingest.cli import main

from .integration_support import REPO


def _lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def test_reprocess_on_the_local_stack_finds_the_seeds_unchanged(local_server: Any) -> None:
    # Given the running local stack with seeds/ ingested, and a shell without AWS
    # credentials
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    # When reprocessed through its endpoint, as the README shows
    command = ["reprocess", "--endpoint-url", local_server.endpoint_url]
    proc = subprocess.run(
        [sys.executable, "-m", "article_ingest.cli", *command],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    # Then the one summary line counts every seed as re-extracted and unchanged
    assert proc.returncode == 0, proc.stderr[-2000:]
    (summary,) = _lines(proc.stdout)
    seeds = len(list((REPO / "seeds").iterdir()))
    assert summary == {
        "summary": {"re_extracted": seeds, "changed": 0, "unchanged": seeds, "failed": 0},
        "dry_run": False,
    }
    assert proc.stderr == ""  # no progress when stderr is not a terminal


def test_reprocess_dry_run_then_run_with_a_changed_extractor(
    local_server: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a new extractor version
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "9.9.9")
    endpoint = ["--endpoint-url", local_server.endpoint_url]
    # When reprocessed as a dry run, then for real, then again
    dry = main(["reprocess", "--dry-run", *endpoint])
    dry_lines = _lines(capsys.readouterr().out)
    real = main(["reprocess", *endpoint])
    real_lines = _lines(capsys.readouterr().out)
    again = main(["reprocess", *endpoint])
    again_lines = _lines(capsys.readouterr().out)
    # Then the dry run names every article that would change and changes none; the
    # run rewrites them; the run after it finds nothing left to change
    assert (dry, real, again) == (0, 0, 0)
    *changed, summary = dry_lines
    assert summary["dry_run"] is True and summary["summary"]["changed"] == len(changed) >= 1
    assert all(line["outcome"] == "changed" and "id" in line for line in changed)
    assert real_lines[:-1] == changed
    assert real_lines[-1]["summary"]["changed"] == len(changed)
    assert again_lines[-1]["summary"]["changed"] == 0
    assert again_lines[-1]["summary"]["unchanged"] == len(changed)


def test_reprocess_filters_reach_the_index(
    local_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given / When a publisher nothing is stored under
    code = main(
        ["reprocess", "--publisher", "Nobody Gazette", "--endpoint-url", local_server.endpoint_url]
    )
    # Then nothing is re-extracted
    assert code == 0
    assert _lines(capsys.readouterr().out)[-1]["summary"]["re_extracted"] == 0


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["reprocess"], "--endpoint-url"),
        (["reprocess", "--since", "yesterday", "--aws"], "since must be an ISO 8601"),
        (["reprocess", "--until", "2025-13-01", "--aws"], "until must be an ISO 8601"),
    ],
)
def test_reprocess_usage_errors_are_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    says: str,
) -> None:
    # Given no store to read, or a malformed date
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    # When run / Then one line on stderr, status 2, nothing on stdout
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and says in captured.err


def test_reprocess_an_unreachable_store_is_one_line_with_status_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given an endpoint where nothing listens
    # When reprocessed / Then one line on stderr says why, status 1, no traceback
    assert main(["reprocess", "--endpoint-url", "http://127.0.0.1:9"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("article-ingest: reprocess stopped: storage failed")
    assert "Traceback" not in captured.err


def test_progress_without_a_total_counts_on_a_terminal() -> None:
    # Given a terminal stream and a count whose total is not known beforehand
    import io

    from article_ingest.cli.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(None, stream=stream)
    # When two articles are done
    progress.step("first-id")
    progress.step("second-id")
    progress.close()
    # Then each step shows its count and name, and closing clears the line
    assert "[1] first-id" in stream.getvalue() and "[2] second-id" in stream.getvalue()
    assert stream.getvalue().endswith("\r\033[K")
