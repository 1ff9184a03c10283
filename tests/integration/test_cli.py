"""The article-ingest CLI: extract, manifest, ingest on the embedded stack, schema."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from article_ingest.cli import content_type_for, main

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "stocktwits-us-china-trade-talks.txt"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "article_ingest.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        timeout=120,
    )


def test_extract_prints_one_article_line_per_input_and_errors_as_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Given a good input, a missing file and an empty file
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    # When extracted
    code = main(["extract", str(SEED), str(tmp_path / "missing.html"), str(empty)])
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    # Then there is one line per input, in order, and the failures are error lines
    assert code == 1
    assert len(lines) == 3
    assert lines[0]["schema_version"] == 2 and lines[0]["source"]["via"] == "cli"
    assert lines[1] == {
        "input": str(tmp_path / "missing.html"),
        "error": {"code": "bad_request", "message": lines[1]["error"]["message"]},
    }
    assert lines[2]["error"]["code"] == "bad_request"


def test_extract_manifest_keeps_order_and_urls(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Given a gzip page and the seed listed in a manifest, one line malformed
    page = tmp_path / "page.html.gz"
    page.write_bytes(
        gzip.compress(
            b"<html><body><article><h1>Gzip page</h1><p>"
            + b"Words in a sentence. " * 30
            + b"</p></article></body></html>"
        )
    )
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        json.dumps({"path": "page.html.gz", "url": "https://example.org/p"})
        + "\n"
        + "not json\n"
        + json.dumps({"path": str(SEED)})
        + "\n"
    )
    # When extracted through the manifest
    code = main(["extract", "--manifest", str(manifest)])
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    # Then each manifest line has its output line, in order
    assert code == 1
    assert [("error" in x) for x in lines] == [False, True, False]
    assert lines[0]["url"] == "https://example.org/p"
    assert lines[0]["source"]["kind"] == "html"
    assert lines[2]["source"]["kind"] == "text"


def test_extract_manifest_keeps_a_page_whose_url_is_not_a_url(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Given a manifest line whose url is a corpus key ("hard::file"), not an http URL
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"path": str(SEED), "url": "hard::seed.txt"}) + "\n")
    # When extracted
    code = main(["extract", "--manifest", str(manifest)])
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    # Then the page is extracted without the url, with a warning (the API answers 400)
    assert code == 0
    assert lines[0]["url"] is None
    assert "url_ignored" in lines[0]["extraction"]["warnings"]


def test_content_type_for_reads_extensions_under_gzip() -> None:
    assert content_type_for(Path("a.html.gz")) == "text/html"
    assert content_type_for(Path("a.txt")) == "text/plain"
    assert content_type_for(Path("a.gz")) is None
    assert content_type_for(Path("noext")) is None


def test_ingest_twice_on_the_embedded_stack_reports_created_then_unchanged() -> None:
    # Given the CLI with no AWS configuration (embedded moto stack)
    # When the seed is ingested twice in one run
    proc = run_cli("ingest", str(SEED), str(SEED))
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    # Then the second is recognised as the same article
    assert proc.returncode == 0, proc.stderr
    assert [x["status"] for x in lines] == ["created", "unchanged"]
    assert lines[0]["id"] == lines[1]["id"]


def test_schema_prints_the_article_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Article"
    assert {"headline", "authors", "published_at", "body", "content_sha256"} <= set(
        schema["properties"]
    )


def test_extract_without_inputs_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract"]) == 2
