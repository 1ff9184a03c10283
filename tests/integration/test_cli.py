"""The article-ingest CLI: extract, manifest, ingest on the embedded stack, schema."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def test_extract_lines_carry_their_input_and_read_stdin() -> None:
    # Given a page on stdin
    page = b"<html><body><article><h1>Stdin page</h1><p>" + b"Words in a sentence. " * 20
    # When extracted from "-"
    proc = subprocess.run(
        [sys.executable, "-m", "article_ingest.cli", "extract", "-"],
        input=page + b"</p></article></body></html>",
        capture_output=True,
        check=False,
        cwd=REPO,
        timeout=120,
    )
    line = json.loads(proc.stdout)
    # Then the Article line names its input, and nothing else is printed
    assert proc.returncode == 0, proc.stderr
    assert line["input"] == "-" and line["headline"] == "Stdin page"
    assert proc.stderr == b""


def test_extract_a_directory_means_its_files_in_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Given a folder with two pastes and a hidden file
    (tmp_path / "b.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".hidden").write_text("x")
    # When the folder is given
    code = main(["extract", str(tmp_path)])
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    # Then its visible files are extracted, sorted
    assert code == 0
    assert [Path(x["input"]).name for x in lines] == ["a.txt", "b.txt"]


def test_cli_usage_errors_are_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Given a missing manifest, and --url with two inputs
    # When run
    missing = main(["extract", "--manifest", str(tmp_path / "none.jsonl")])
    two = main(["extract", str(SEED), str(SEED), "--url", "https://x.example/"])
    err = capsys.readouterr().err.splitlines()
    # Then each is one plain line on stderr and exit status 2, no traceback
    assert (missing, two) == (2, 2)
    assert len(err) == 2 and all(e.startswith("article-ingest: ") for e in err)


def test_cli_version_names_the_extractor_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert "Article schema 2" in capsys.readouterr().out


def test_serve_on_a_taken_port_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    # Given a port already in use
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        # When the local stack is asked to serve there
        code = main(["serve", "--port", str(port)])
    # Then it says so in one line with status 2
    assert code == 2
    assert f"127.0.0.1:{port}" in capsys.readouterr().err


def test_serve_with_its_endpoint_port_taken_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    # Given the port asked for the embedded S3/DynamoDB endpoint already in use (and
    # no running endpoint to use instead)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        # When the local stack is asked to serve with it (make run's MOTO_PORT)
        code = main(["serve", "--port", "0", "--moto-port", str(port)])
    # Then it says so in one line with status 2, instead of waiting on that port
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and len(err) == 1 and "--moto-port" in err[0]


@pytest.mark.parametrize("command", [["ingest", str(SEED)], ["serve", "--port", "0"]])
def test_the_local_stack_without_its_extra_is_one_line(
    command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    # Given an install without the `local` extra (moto and PyYAML not importable), and
    # no endpoint to store into
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name in ("moto", "yaml") else real(name, *a),
    )
    # When a command needs the embedded stack
    code = main(command)
    err = capsys.readouterr().err.splitlines()
    # Then it stops in one line naming what to install, status 2
    assert code == 2 and len(err) == 1
    assert "pip install 'article-ingest[local]'" in err[0]


def test_ingest_into_a_running_local_stack_needs_no_aws_credentials(local_server: Any) -> None:
    # Given the local stack running and a shell with no AWS credentials at all
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    # When the seed is ingested through the stack's endpoint, as the README shows
    command = ["ingest", str(SEED), "--endpoint-url", local_server.endpoint_url]
    proc = subprocess.run(
        [sys.executable, "-m", "article_ingest.cli", *command],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    # Then it is stored (moto takes any credentials; the CLI supplies dummy ones)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout)["status"] in ("created", "unchanged")


def test_extract_as_markdown_names_each_input(capsys: pytest.CaptureFixture[str]) -> None:
    # Given the seed, asked for as Markdown
    # When extracted
    code = main(["extract", "--format", "markdown", str(SEED)])
    out = capsys.readouterr().out
    # Then a comment names the input, then the headline and the subheadings as headings
    assert code == 0
    assert out.startswith(f"<!-- input: {SEED} -->\n# China Confirms High-Level Trade Talks")
    assert "\n## The Two Meet Again\n" in out and "\n## US Mulling Software Curbs\n" in out
