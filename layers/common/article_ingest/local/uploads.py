"""The local stack's second way in, as AWS runs it: an object put under incoming/
makes the bucket notify the upload queue (provision.provision_uploads), and this
poller is the SQS event source mapping: it receives batches, invokes the upload
function's own handler, deletes what succeeded, and lets the failures of a partial
batch come back; a message received maxReceiveCount times moves to the dead-letter
queue (SQS's redrive policy, which moto applies).

One difference, on purpose: a failed message comes back after `retry_seconds`
(1 s) instead of the queue's 6-minute visibility timeout, so that retries and the
dead-letter queue can be watched on a laptop.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from .apigw import LambdaContext

# The template's event source: BatchSize 10.
BATCH_SIZE = 10
_WAIT_SECONDS = 1  # long poll: short enough for stop() to be quick

Handler = Callable[[dict[str, Any], Any], Any]


def sqs_event(messages: list[dict[str, Any]], queue_arn: str, region: str) -> dict[str, Any]:
    """The SQS event Lambda hands a function for received messages."""
    return {
        "Records": [
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "attributes": m.get("Attributes", {}),
                "messageAttributes": {},
                "md5OfBody": m.get("MD5OfBody", ""),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": region,
            }
            for m in messages
        ]
    }


def failed_ids(handler: Handler, event: dict[str, Any], context: Any) -> set[str]:
    """The message ids of the batch to retry: those the function reported (partial
    batch response), or all of them when it raised."""
    every = {r["messageId"] for r in event["Records"]}
    try:
        result = handler(event, context)
    except Exception as exc:  # Lambda retries the whole batch when the function fails
        sys.stderr.write(f"article-ingest: the upload function failed: {exc!r}\n")
        return every
    failures = (result or {}).get("batchItemFailures", [])
    return {f["itemIdentifier"] for f in failures} & every


class UploadPoller:
    """Delivers the upload queue's messages to the upload function until stopped."""

    def __init__(
        self,
        sqs: Any,
        queue_url: str,
        queue_arn: str,
        handler: Handler,
        *,
        region: str = "us-east-1",
        retry_seconds: int = 1,
    ) -> None:
        self._sqs, self._url, self._arn = sqs, queue_url, queue_arn
        self._handler, self._region, self._retry = handler, region, retry_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="local-uploads", daemon=True)

    def start(self) -> UploadPoller:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def poll_once(self) -> int:
        """Receive one batch and deliver it; returns the number of messages."""
        got = self._sqs.receive_message(
            QueueUrl=self._url,
            MaxNumberOfMessages=BATCH_SIZE,
            WaitTimeSeconds=_WAIT_SECONDS,
            AttributeNames=["All"],
        )
        messages = got.get("Messages", [])
        if not messages:
            return 0
        context = LambdaContext(
            aws_request_id=messages[0]["MessageId"],
            function_name="UploadFunction",
            invoked_function_arn="arn:aws:lambda:us-east-1:123456789012:function:UploadFunction",
            log_group_name="/aws/lambda/UploadFunction",
        )
        failed = failed_ids(self._handler, sqs_event(messages, self._arn, self._region), context)
        for message in messages:
            handle = message["ReceiptHandle"]
            if message["MessageId"] in failed:
                self._sqs.change_message_visibility(
                    QueueUrl=self._url, ReceiptHandle=handle, VisibilityTimeout=self._retry
                )
            else:
                self._sqs.delete_message(QueueUrl=self._url, ReceiptHandle=handle)
        return len(messages)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.poll_once()
            except Exception as exc:  # the queue is unreachable: try again shortly
                sys.stderr.write(f"article-ingest: polling the upload queue failed: {exc!r}\n")
                self._stop.wait(1)
