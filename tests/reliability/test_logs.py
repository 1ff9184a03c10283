"""Logs carry ids, keys, sizes and error codes; never an article's text."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from .support import PARAGRAPH

REPO = Path(__file__).resolve().parents[2]
# A phrase that exists only in the articles: it must not appear in any log line.
SECRET = "Zanzibar marmalade conspiracy"
# A page with no article in it (the text only in a script).
EMPTY = f'<html><head><script>var s = "{SECRET}";</script></head><body></body></html>'


def _page(extra: str = "") -> str:
    return (
        f"<html><head><title>{SECRET}</title></head><body><article><h1>{SECRET}</h1>"
        f"<p>{SECRET}. {PARAGRAPH}</p><p>{PARAGRAPH}</p>{extra}</article></body></html>"
    )


@pytest.fixture
def logs(aws: tuple[Any, Any], settings: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Every log line the functions write, with the handlers configured on moto."""
    import boto3

    for folder in ("api", "s3_ingest"):
        sys.path.insert(0, str(REPO / "functions" / folder))
    import s3_app

    from article_ingest import runtime

    sqs = boto3.client("sqs", region_name="us-east-1")
    dlq = sqs.create_queue(QueueName="reliability-dlq")["QueueUrl"]
    rt = runtime.Runtime.build(settings.model_copy(update={"dead_letter_queue_url": dlq}), *aws)
    rt.sqs = sqs
    runtime.configure(rt)
    stream = io.StringIO()
    # Both functions' Loggers share the service's logging handler.
    from article_ingest.api import app as app_module

    monkeypatch.setattr(app_module.logger.registered_handler, "stream", stream)
    monkeypatch.setattr(s3_app.logger.registered_handler, "stream", stream)
    yield stream
    runtime.configure(None)


def test_logs_of_api_requests_hold_ids_and_sizes_not_text(
    logs: io.StringIO, capsys: pytest.CaptureFixture[str]
) -> None:
    import api_app

    from tests.integration.integration_support import Context, http_event

    # Given a stored article, a duplicate, an empty page and an oversized body
    body = _page()
    for event in (
        http_event("POST", "/articles", body=body, content_type="text/html"),
        http_event("POST", "/articles", body=body, content_type="text/html"),
        http_event("POST", "/articles", body=EMPTY, content_type="text/html"),
        http_event("POST", "/extract", body=body.encode(), content_type="application/pdf"),
    ):
        api_app.lambda_handler(event, Context())
    # Then the log lines name ids, statuses, sizes and error codes
    records = [json.loads(line) for line in logs.getvalue().splitlines()]
    ingested = [r for r in records if r.get("status") == "created"]
    assert ingested and ingested[0]["article_id"] and ingested[0]["bytes"] == len(body)
    codes = {r.get("error_code") for r in records}
    assert {"no_article", "unsupported_media_type"} <= codes
    # And no log line (nor stdout: metrics) holds the article's text
    assert SECRET not in logs.getvalue() + capsys.readouterr().out


def test_logs_of_uploads_hold_keys_and_codes_not_text(
    logs: io.StringIO, aws: tuple[Any, Any], settings: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    import s3_app

    from tests.integration.integration_support import Context, load_event

    # Given a good upload and an upload without an article
    s3 = aws[0]
    s3.put_object(Bucket=settings.bucket_name, Key="incoming/good.html", Body=_page().encode())
    s3.put_object(Bucket=settings.bucket_name, Key="incoming/bad.html", Body=EMPTY)
    records = []
    for n, key in enumerate(("incoming/good.html", "incoming/bad.html")):
        notification = load_event("s3_put.json")
        notification["Records"][0]["s3"]["bucket"]["name"] = settings.bucket_name
        notification["Records"][0]["s3"]["object"]["key"] = key
        record = load_event("sqs_s3_put.json")["Records"][0]
        record.update(messageId=f"m-{n}", body=json.dumps(notification))
        records.append(record)
    # When the upload function runs
    result = s3_app.lambda_handler({"Records": records}, Context())
    # Then keys, ids and codes are logged, the text never
    assert result == {"batchItemFailures": []}
    lines = [json.loads(line) for line in logs.getvalue().splitlines()]
    assert any(r.get("key") == "incoming/good.html" and r.get("article_id") for r in lines)
    assert any(r.get("key") == "incoming/bad.html" and r.get("error_code") for r in lines)
    assert SECRET not in logs.getvalue() + capsys.readouterr().out
