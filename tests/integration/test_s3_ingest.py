"""The upload function: S3 incoming/ notifications through SQS, on moto."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from .integration_support import REPO, load_event

SEED = (REPO / "seeds" / "stocktwits-us-china-trade-talks.txt").read_bytes()
HTML = load_event("api_post_html.json")["body"].encode()


@pytest.fixture
def uploads(configure: Any, context: Any) -> Any:
    """Invoke functions/s3_ingest/s3_app.py with an SQS batch."""
    import s3_app

    def _invoke(event: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = s3_app.lambda_handler(event, context)
        return result

    return _invoke


def _message(settings: Any, key: str, message_id: str) -> dict[str, Any]:
    """One SQS record carrying the S3 notification of events/s3_put.json, for `key`
    (URL-encoded here as S3 does)."""
    from urllib.parse import quote_plus

    notification = load_event("s3_put.json")
    s3 = notification["Records"][0]["s3"]
    s3["bucket"]["name"] = settings.bucket_name
    s3["object"]["key"] = quote_plus(key, safe="/")
    record = load_event("sqs_s3_put.json")["Records"][0]
    record["messageId"] = message_id
    record["body"] = json.dumps(notification)
    return record


def _batch(*records: dict[str, Any]) -> dict[str, Any]:
    return {"Records": list(records)}


def _dead_letters(aws: Any, dlq_url: str) -> list[dict[str, Any]]:
    import boto3

    sqs = boto3.client("sqs", region_name="us-east-1")
    got = sqs.receive_message(QueueUrl=dlq_url, MaxNumberOfMessages=10).get("Messages", [])
    return [json.loads(m["Body"]) for m in got]


def _put(aws: Any, settings: Any, key: str, body: bytes, **extra: Any) -> None:
    aws[0].put_object(Bucket=settings.bucket_name, Key=key, Body=body, **extra)


def test_upload_event_ingests_the_object_with_its_key_and_url(
    uploads: Any, aws: Any, settings: Any, dlq_url: str
) -> None:
    # Given the object events/s3_put.json announces, uploaded with a url in its metadata
    key = "incoming/us china trade talks.txt"
    url = "https://stocktwits.com/news-articles/markets/china-trade-talks"
    _put(aws, settings, key, SEED, ContentType="text/plain", Metadata={"url": url})
    event = load_event("sqs_s3_put.json")
    event["Records"][0]["body"] = event["Records"][0]["body"].replace(
        "article-ingest-local", settings.bucket_name
    )
    # When the function runs
    result = uploads(event)
    # Then it is stored, pointing at the upload as its raw input
    assert result == {"batchItemFailures": []}
    from article_ingest.runtime import runtime

    listed = runtime().store.list()
    assert len(listed.items) == 1
    article = runtime().store.get(listed.items[0].id)
    assert (article.source.via, article.source.raw_key, article.url) == ("s3", key, url)
    assert _dead_letters(aws, dlq_url) == []


def test_upload_gzip_object_by_extension(uploads: Any, aws: Any, settings: Any) -> None:
    _put(aws, settings, "incoming/page.html.gz", gzip.compress(HTML))
    result = uploads(_batch(_message(settings, "incoming/page.html.gz", "m1")))
    assert result == {"batchItemFailures": []}
    from article_ingest.runtime import runtime

    assert runtime().store.list().items[0].headline == "Port of Rotterdam Tests Hydrogen Barges"


def test_upload_batch_with_bad_records_keeps_the_good_ones(
    uploads: Any, aws: Any, settings: Any, dlq_url: str
) -> None:
    # Given a batch: two good uploads, a binary file, an empty page, a deleted object,
    # a message that is not an S3 event, and S3's own test event
    _put(aws, settings, "incoming/good one.html", HTML)
    _put(aws, settings, "incoming/good-two.txt", SEED)
    _put(
        aws,
        settings,
        "incoming/photo.jpg",
        b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8,
        ContentType="image/jpeg",
    )
    _put(aws, settings, "incoming/empty.html", b"<html><body></body></html>")
    junk = dict(_message(settings, "x", "m-junk"), body="not json")
    test_event = dict(
        _message(settings, "x", "m-test"),
        body=json.dumps({"Service": "Amazon S3", "Event": "s3:TestEvent"}),
    )
    batch = _batch(
        _message(settings, "incoming/good one.html", "m-good-1"),
        _message(settings, "incoming/photo.jpg", "m-photo"),
        junk,
        _message(settings, "incoming/empty.html", "m-empty"),
        _message(settings, "incoming/deleted.html", "m-deleted"),
        test_event,
        _message(settings, "incoming/good-two.txt", "m-good-2"),
    )
    # When the function runs
    result = uploads(batch)
    # Then the good ones are stored, and each bad one is on the DLQ with key and reason,
    # consumed (not retried)
    assert result == {"batchItemFailures": []}
    from article_ingest.runtime import runtime

    assert len(runtime().store.list().items) == 2
    dead = {d["message_id"]: (d["key"], d["error"]["code"]) for d in _dead_letters(aws, dlq_url)}
    assert dead == {
        "m-photo": ("incoming/photo.jpg", "unsupported_media_type"),
        "m-junk": (None, "bad_request"),
        "m-empty": ("incoming/empty.html", "no_article"),
        "m-deleted": ("incoming/deleted.html", "object_missing"),
    }


def test_upload_too_large_goes_to_the_dlq_unread(
    uploads: Any, aws: Any, settings: Any, dlq_url: str, configure: Any
) -> None:
    configure(max_input_bytes=1000)
    _put(aws, settings, "incoming/big.txt", SEED)
    assert uploads(_batch(_message(settings, "incoming/big.txt", "m1"))) == {
        "batchItemFailures": []
    }
    assert [d["error"]["code"] for d in _dead_letters(aws, dlq_url)] == ["too_large"]


@pytest.mark.parametrize("failure", ["storage", "bug"])
def test_upload_storage_failure_or_bug_fails_only_its_message(
    uploads: Any,
    aws: Any,
    settings: Any,
    dlq_url: str,
    monkeypatch: pytest.MonkeyPatch,
    failure: str,
) -> None:
    # Given DynamoDB failing (or a bug striking) for one of two uploads
    from article_ingest import service
    from article_ingest.errors import StorageUnavailable

    real_ingest = service.ingest

    def flaky(raw: Any, *args: Any, **kwargs: Any) -> Any:
        if raw.raw_key == "incoming/unlucky.txt":
            if failure == "storage":
                raise StorageUnavailable("storage failed while writing to DynamoDB")
            raise RuntimeError("a bug")
        return real_ingest(raw, *args, **kwargs)

    monkeypatch.setattr(service, "ingest", flaky)
    _put(aws, settings, "incoming/unlucky.txt", SEED)
    _put(aws, settings, "incoming/lucky.html", HTML)
    batch = _batch(
        _message(settings, "incoming/unlucky.txt", "m-unlucky"),
        _message(settings, "incoming/lucky.html", "m-lucky"),
    )
    # When the function runs / Then only the failed message goes back for a retry
    assert uploads(batch) == {"batchItemFailures": [{"itemIdentifier": "m-unlucky"}]}
    assert _dead_letters(aws, dlq_url) == []


def test_upload_outside_incoming_and_folders_are_ignored(
    uploads: Any, aws: Any, settings: Any, dlq_url: str
) -> None:
    # Nothing the service writes (raw/, articles/) is ever ingested again, and the
    # console's zero-byte "folder" objects are not inputs.
    _put(aws, settings, "articles/x/y.json", b"{}")
    _put(aws, settings, "incoming/2025/", b"")
    batch = _batch(
        _message(settings, "articles/x/y.json", "m1"), _message(settings, "incoming/2025/", "m2")
    )
    assert uploads(batch) == {"batchItemFailures": []}
    from article_ingest.runtime import runtime

    assert runtime().store.list().items == []
    assert _dead_letters(aws, dlq_url) == []


def test_upload_metrics_count_ingested_duplicates_and_failures(
    uploads: Any, aws: Any, settings: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    _put(aws, settings, "incoming/a.html", HTML)
    _put(aws, settings, "incoming/b.html", HTML)
    _put(aws, settings, "incoming/c.html", b"<p></p>")
    uploads(_batch(*(_message(settings, f"incoming/{n}.html", n) for n in "abc")))
    out = capsys.readouterr().out
    emf = [json.loads(line) for line in out.splitlines() if line.startswith('{"_aws"')]
    totals = {k: v for e in emf for k, v in e.items() if not k.startswith("_") and k != "service"}
    assert totals == {"ArticlesIngested": [1.0], "Duplicates": [1.0], "ExtractionFailures": [1.0]}
