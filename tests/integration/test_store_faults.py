"""Faults at each step of ingestion: a retry ends with exactly one consistent record,
and no index item ever points at an object that is not there."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import EndpointConnectionError

from article_ingest.aws import client
from article_ingest.errors import StorageUnavailable
from article_ingest.service import RawInput, ingest
from article_ingest.settings import Settings
from article_ingest.store import S3DynamoStore

from ..conftest import RECORDS_ONLY

TEXT = (
    b"Storm Bert\n\n"
    b"Rivers rose across the valley overnight as the storm brought a month of rain in a "
    b"single day, and the authorities opened two shelters for families near the banks.\n\n"
    b"Forecasters expect the water to fall slowly over the weekend, though more rain is due "
    b"on Monday and the warnings stay in force until then."
)


class FailOnce:
    """A botocore 'before-call' hook that makes the n-th call of an operation fail."""

    def __init__(self, operation: str, nth: int = 1) -> None:
        self.operation = operation
        self.remaining = nth

    def __call__(self, model: Any, **kwargs: Any) -> None:
        if model.name == self.operation and self.remaining > 0:
            self.remaining -= 1
            if self.remaining == 0:
                # What botocore raises once its own retries are exhausted.
                raise EndpointConnectionError(endpoint_url=f"injected://{self.operation}")


def consistent(s3: Any, dynamodb: Any, settings: Settings) -> int:
    """Every index item points at an existing Article object; returns the item count."""
    items = dynamodb.scan(TableName=settings.table_name, FilterExpression=RECORDS_ONLY)["Items"]
    for item in items:
        s3.head_object(Bucket=settings.bucket_name, Key=item["s3_key"]["S"])
    return len(items)


@pytest.mark.parametrize(
    ("operation", "nth"),
    [
        ("GetItem", 1),  # the duplicate check
        ("PutObject", 1),  # the raw input
        ("PutObject", 2),  # the Article JSON, after the raw input was written
        ("PutItem", 1),  # the index, after both S3 writes
    ],
    ids=["GetItem", "PutObject-raw", "PutObject-article", "PutItem"],
)
def test_ingest_after_a_failure_at_any_step_leaves_one_consistent_record(
    aws: tuple[Any, Any], settings: Settings, operation: str, nth: int
) -> None:
    # Given a store whose nth call of `operation` fails
    s3, dynamodb = aws
    hook = FailOnce(operation, nth)
    target = s3 if operation == "PutObject" else dynamodb
    target.meta.events.register("before-call.*.*", hook)
    store = S3DynamoStore(s3, dynamodb, settings)
    raw = RawInput(TEXT, "text/plain", "api")
    # When the first attempt fails with a storage error
    with pytest.raises(StorageUnavailable):
        ingest(raw, settings, store)
    assert consistent(s3, dynamodb, settings) == 0
    # And the client retries
    result = ingest(raw, settings, store)
    # Then exactly one consistent record exists
    assert result.status == "created"
    assert consistent(s3, dynamodb, settings) == 1
    assert store.get(result.article.id).content_sha256 == result.article.content_sha256


def test_throttled_dynamodb_calls_are_retried_with_backoff(
    aws: tuple[Any, Any], settings: Settings
) -> None:
    # Given a DynamoDB client (the service's own retry config) throttled twice
    s3, _ = aws
    dynamodb = client("dynamodb", "us-east-1", None)
    throttled = {"count": 0}

    def throttle(request: Any, **kwargs: Any) -> AWSResponse | None:
        if throttled["count"] < 2 and b"GetItem" in request.headers.get("X-Amz-Target", b""):
            throttled["count"] += 1
            body = b'{"__type":"ProvisionedThroughputExceededException","message":"slow down"}'
            return AWSResponse(
                request.url,
                400,
                {"x-amzn-errortype": "ProvisionedThroughputExceededException"},
                _Raw(body),
            )
        return None

    # (The read is throttled: under moto a write hooked this way still lands,
    # which would hide the retry; the retry path is the same for reads and writes.)
    dynamodb.meta.events.register("before-send.dynamodb.GetItem", throttle)
    store = S3DynamoStore(s3, dynamodb, settings)
    # When an article is ingested
    result = ingest(RawInput(TEXT, "text/plain", "api"), settings, store)
    # Then the throttled calls were retried and the record exists once
    assert throttled["count"] == 2
    assert result.status == "created"
    assert consistent(s3, dynamodb, settings) == 1


def test_ingest_unchanged_when_reading_the_stored_article_fails_then_retry(
    aws: tuple[Any, Any], settings: Settings
) -> None:
    # Given an article already stored, and S3 failing the next read of it
    s3, dynamodb = aws
    store = S3DynamoStore(s3, dynamodb, settings)
    raw = RawInput(TEXT, "text/plain", "api")
    first = ingest(raw, settings, store)
    s3.meta.events.register("before-call.*.*", FailOnce("GetObject"))
    # When the same article arrives again / Then a storage error, and nothing changed
    with pytest.raises(StorageUnavailable):
        ingest(raw, settings, store)
    # And the retry sees it unchanged
    assert ingest(raw, settings, store).status == "unchanged"
    assert consistent(s3, dynamodb, settings) == 1
    assert store.get(first.article.id).content_sha256 == first.article.content_sha256


def test_concurrent_updates_of_one_article_leave_one_consistent_record(
    aws: tuple[Any, Any], settings: Settings
) -> None:
    # Given two versions of the same article (same URL, different text)
    s3, dynamodb = aws
    store = S3DynamoStore(s3, dynamodb, settings)
    url = "https://news.example/storm-bert"
    versions = [
        RawInput(TEXT, "text/plain", "api", url),
        RawInput(TEXT + b" Update: the river peaked at noon.", "text/plain", "api", url),
    ]
    # When 20 writers store them at once, alternating
    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(lambda n: ingest(versions[n % 2], settings, store), range(20)))
    # Then one record, pointing at an Article object whose content it names
    assert len({r.article.id for r in results}) == 1
    assert consistent(s3, dynamodb, settings) == 1
    (item,) = dynamodb.scan(TableName=settings.table_name, FilterExpression=RECORDS_ONLY)["Items"]
    stored = store.get(item["id"]["S"])
    assert stored.content_sha256 == item["content_sha256"]["S"]
    assert stored.content_sha256 in {r.article.content_sha256 for r in results}


def test_upload_read_failure_is_storage_unavailable_then_retry_reads(
    aws: tuple[Any, Any], settings: Settings
) -> None:
    # Given an uploaded object and S3 failing the next read (the S3 trigger path)
    from article_ingest.uploads import Upload, read_upload

    s3, dynamodb = aws
    s3.put_object(Bucket=settings.bucket_name, Key="incoming/storm.txt", Body=TEXT)
    s3.meta.events.register("before-call.*.*", FailOnce("GetObject"))
    upload = Upload(settings.bucket_name, "incoming/storm.txt")
    # When the function reads it / Then a retryable storage error (SQS redelivers)
    with pytest.raises(StorageUnavailable):
        read_upload(s3, upload, settings)
    # And the redelivery ingests it once, keeping the upload's key as the raw key
    store = S3DynamoStore(s3, dynamodb, settings)
    result = ingest(read_upload(s3, upload, settings), settings, store)
    assert result.status == "created" and result.article.source.raw_key == "incoming/storm.txt"
    assert consistent(s3, dynamodb, settings) == 1


class _Raw:
    """The minimal raw-response object AWSResponse reads its body from."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **kwargs: Any) -> Any:
        yield self._body
