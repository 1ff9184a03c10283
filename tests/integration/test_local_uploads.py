"""The local stack's upload path, as AWS runs it: an object put under incoming/ is
announced by the bucket notification on the queue, delivered in batches to the upload
function's own handler, refused inputs land on the dead-letter queue with their
reason, and failing messages are retried, then redriven there."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Callable
from typing import Any

_DEADLINE_SECONDS = 60  # a bound on waiting for the poller, not a timing assertion


def _eventually(check: Callable[[], Any]) -> Any:
    """check()'s first truthy answer, polled until the deadline."""
    deadline = time.monotonic() + _DEADLINE_SECONDS
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("the upload path did not deliver in time")


def _client(service: str, server: Any) -> Any:
    import boto3

    return boto3.client(service, endpoint_url=server.endpoint_url, region_name="us-east-1")


def _listed_urls(server: Any) -> list[str]:
    with urllib.request.urlopen(f"{server.url}/articles?limit=100", timeout=30) as response:
        return [i["url"] for i in json.loads(response.read())["items"]]


def test_upload_under_incoming_is_ingested_by_the_running_stack(local_server: Any) -> None:
    # Given the running local stack (make run) and a page uploaded under incoming/
    s3 = _client("s3", local_server)
    bucket = local_server.stack.settings.bucket_name
    s3.put_object(
        Bucket=bucket,
        Key="incoming/harbour story.html",
        Body=(
            b"<html><head><title>Harbour reopens after the storm</title></head><body><article>"
            b"<h1>Harbour reopens after the storm</h1><p>The harbour reopened on Tuesday after "
            b"a week of repairs to the breakwater, the port authority said.</p><p>Fishing "
            b"boats were the first to leave, followed by the morning ferry.</p>"
            b"</article></body></html>"
        ),
        ContentType="text/html",
        Metadata={"url": "https://example.com/uploaded-harbour"},
    )
    # When the notification reaches the upload function / Then the article is listed
    _eventually(lambda: "https://example.com/uploaded-harbour" in _listed_urls(local_server))


def test_refused_upload_lands_on_the_dead_letter_queue(local_server: Any) -> None:
    # Given an upload the service refuses (an image)
    s3, sqs = _client("s3", local_server), _client("sqs", local_server)
    bucket = local_server.stack.settings.bucket_name
    s3.put_object(
        Bucket=bucket,
        Key="incoming/picture.png",
        Body=b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        ContentType="image/png",
    )

    # When the upload function refuses it / Then the dead-letter queue says where and why
    def dead_letters() -> list[dict[str, Any]]:
        got = sqs.receive_message(QueueUrl=local_server.queues.dead_letter_url, WaitTimeSeconds=1)
        return [json.loads(m["Body"]) for m in got.get("Messages", [])]

    (record,) = _eventually(dead_letters)
    assert record["key"] == "incoming/picture.png"
    assert record["error"]["code"] == "unsupported_media_type"
