"""The README's quick-start examples, run as written in a shell against a running
local stack (what `make run` starts). Only the ports differ: the stack listens on
free ones instead of 3000 (API) and 3001 (S3/DynamoDB/SQS), which may be taken."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from typing import Any

import pytest

from ..local_stack import running_local_stack
from .integration_support import REPO

README = REPO / "README.md"
CLI = REPO / ".venv" / "bin" / "article-ingest"


def _block_after(marker: str) -> str:
    """The first ```sh block after the line that starts with `marker`."""
    text = README.read_text(encoding="utf-8")
    found = re.search(re.escape(marker) + r".*?```sh\n(.*?)```", text, re.S)
    assert found, f"README has no sh block after {marker!r}"
    return found.group(1)


@pytest.fixture(scope="module")
def stack() -> Iterator[Any]:
    if not CLI.exists() or not shutil.which("curl") or not shutil.which("bash"):
        pytest.skip("needs the project's .venv (make setup), curl and bash")
    with running_local_stack() as server:
        yield server


def _run(block: str, server: Any) -> list[str]:
    script = block.replace("http://127.0.0.1:3000", server.url).replace(
        "http://127.0.0.1:3001", server.endpoint_url
    )
    # A shell as a new user has it: no AWS credentials, no endpoint in the environment.
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    done = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def _queue_drained(server: Any) -> bool:
    import boto3

    sqs = boto3.client("sqs", endpoint_url=server.endpoint_url, region_name="us-east-1")
    names = ("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")
    for url in (server.queues.queue_url, server.queues.dead_letter_url):
        counts = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=list(names))
        if any(int(counts["Attributes"][n]) for n in names):
            return False
    return True


def test_the_quick_start_block_runs_as_written(stack: Any) -> None:
    # Given the README's block "with `make run` going"
    block = _block_after("Then, with `make run` going")
    # When it runs in a shell against the running stack
    lines = _run(block, stack)
    # Then the POST answers the stored seed article
    posted = json.loads(lines[0])
    assert posted["ingest_status"] in ("created", "unchanged")
    assert posted["headline"].startswith("China Confirms High-Level Trade Talks")
    # And the list and the Markdown rendering answer it
    listed = json.loads(lines[1])
    assert [item["id"] for item in listed["items"]] == [posted["id"]]
    assert lines[2] == f"# {posted['headline']}"
    # And the CLI stored the seeds into the same stack: one line per file, nothing failed
    cli = [json.loads(line) for line in lines if line.startswith('{"input"')]
    assert cli and all(line["status"] in ("created", "unchanged", "updated") for line in cli)
    # And the uploaded file went through the upload function (queue drained, no DLQ)
    deadline = time.monotonic() + 60
    while not _queue_drained(stack) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _queue_drained(stack)
