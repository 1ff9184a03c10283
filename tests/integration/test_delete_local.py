"""Deletion on the local stack (`make run`): the HTTP API's DELETE and the CLI's
`article-ingest delete` against a running stack."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from typing import Any

from .integration_support import REPO

SEED = REPO / "seeds" / "stocktwits-us-china-trade-talks.txt"


def _call(method: str, url: str, body: bytes | None = None) -> tuple[int, bytes]:
    headers = {"content-type": "text/plain"} if body else {}
    request = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    # No AWS credentials in the shell: the CLI supplies moto's for a local endpoint
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    return subprocess.run(
        [sys.executable, "-m", "article_ingest.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def test_local_http_delete_answers_204_then_404(local_server: Any) -> None:
    # Given an article POSTed to the local stack
    status, body = _call("POST", f"{local_server.url}/articles", SEED.read_bytes() + b"\nLocal.")
    assert status in (200, 201)
    article = f"{local_server.url}/articles/{json.loads(body)['id']}"
    # When it is deleted over HTTP / Then 204 with an empty body
    assert _call("DELETE", article) == (204, b"")
    # And a second DELETE and a GET answer 404 in the JSON error format
    for method in ("DELETE", "GET"):
        status, body = _call(method, article)
        assert status == 404 and json.loads(body)["error"]["code"] == "not_found"


def test_cli_delete_prints_one_line_per_id_and_fails_for_unknown_ones(local_server: Any) -> None:
    endpoint = ["--endpoint-url", local_server.endpoint_url]
    # Given the seed ingested into the running stack through the CLI
    ingested = _cli("ingest", str(SEED), *endpoint)
    assert ingested.returncode == 0, ingested.stderr[-2000:]
    article_id = json.loads(ingested.stdout)["id"]
    # When it and an unknown id are deleted through the CLI
    proc = _cli("delete", article_id, "never-stored", *endpoint)
    # Then one JSON line per id: deleted, and not_found (exit status 1)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert lines == [
        {"input": article_id, "status": "deleted", "id": article_id},
        {
            "input": "never-stored",
            "error": {"code": "not_found", "message": "no article with id 'never-stored'"},
        },
    ]
    assert proc.returncode == 1
    # And the API no longer has it
    assert _call("GET", f"{local_server.url}/articles/{article_id}")[0] == 404
