"""The local upload poller (the SQS event source mapping of the local stack): partial
batch failures are retried and, after maxReceiveCount receives, redriven to the
dead-letter queue, as SQS and Lambda do. On moto in this process (mock_aws)."""

from __future__ import annotations

from typing import Any

from .integration_support import REPO
from .test_local_uploads import _eventually


def test_poller_retries_partial_failures_then_redrives_to_the_dlq(
    aws: tuple[Any, Any], settings: Any
) -> None:
    import boto3

    from article_ingest.local.provision import load_template, provision_uploads
    from article_ingest.local.uploads import UploadPoller
    from article_ingest.uploads import parse_notification

    # Given the template's queues and notification, and a function that fails bad.txt
    sqs = boto3.client("sqs", region_name="us-east-1")
    queues = provision_uploads(
        aws[0],
        sqs,
        bucket=settings.bucket_name,
        prefix="incoming/",
        template=load_template(REPO / "template.yaml"),
    )
    seen: list[str] = []

    def function(event: dict[str, Any], context: Any) -> dict[str, Any]:
        failures = []
        for record in event["Records"]:
            for upload in parse_notification(record["body"]):
                seen.append(upload.key)
                if upload.key == "incoming/bad.txt":
                    failures.append({"itemIdentifier": record["messageId"]})
        return {"batchItemFailures": failures}

    poller = UploadPoller(sqs, queues.queue_url, queues.queue_arn, function, retry_seconds=0)
    for name in ("good.txt", "bad.txt", "elsewhere.txt"):
        key = name if name == "elsewhere.txt" else f"incoming/{name}"
        aws[0].put_object(Bucket=settings.bucket_name, Key=key, Body=b"some text")

    # When the poller delivers until the queue is empty
    def dead() -> list[dict[str, Any]]:
        poller.poll_once()
        got = sqs.receive_message(QueueUrl=queues.dead_letter_url, WaitTimeSeconds=0)
        return got.get("Messages", [])

    (message,) = _eventually(dead)
    # Then the good upload was delivered once and deleted, the bad one retried
    # maxReceiveCount times, then moved to the dead-letter queue as its notification
    assert seen.count("incoming/good.txt") == 1
    assert seen.count("incoming/bad.txt") == queues.max_receive_count
    assert [u.key for u in parse_notification(message["Body"])] == ["incoming/bad.txt"]
    # And nothing outside incoming/ was announced
    assert set(seen) == {"incoming/good.txt", "incoming/bad.txt"}
