"""The re-extraction functions on moto: the starter pages through the index and fans
the ids out over SQS, handing its cursor on near its deadline; the worker re-extracts
a batch, with partial failures."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest

from article_ingest import service
from article_ingest.errors import StorageUnavailable
from article_ingest.local.provision import function_handler
from article_ingest.reprocess_queue import IDS_PER_MESSAGE, STOP_MARGIN_MS
from article_ingest.service import RawInput, ingest
from article_ingest.stored_inputs import StoredInputs

from .integration_support import REPO, Context, load_event
from .test_store import page

TEMPLATE = REPO / "template.yaml"


class ClockContext(Context):
    """A Lambda context whose remaining time is what the test says."""

    def __init__(self, remaining_ms: int) -> None:
        self.remaining_ms = remaining_ms

    def get_remaining_time_in_millis(self) -> int:
        return self.remaining_ms


@pytest.fixture
def queues(aws: Any) -> dict[str, str]:
    import boto3

    sqs = boto3.client("sqs", region_name="us-east-1")
    return {
        name: sqs.create_queue(QueueName=f"reprocess-{name}")["QueueUrl"]
        for name in ("work", "start", "dlq")
    }


@pytest.fixture
def rt(configure: Any, queues: dict[str, str]) -> Any:
    return configure(
        page_size_max=10,
        reprocess_queue_url=queues["work"],
        reprocess_start_queue_url=queues["start"],
        reprocess_dead_letter_queue_url=queues["dlq"],
    )


def _store_articles(rt: Any, count: int) -> list[str]:
    ids = []
    for n in range(count):
        url = f"https://example.com/news/{n}"
        data = page(f"Story {n}", "Harbour Times", f"2025-03-{1 + n % 28:02d}T09:00:00Z", url)
        raw = RawInput(data, "text/html", "api", url, principal="alice")
        ids.append(ingest(raw, rt.settings, rt.store).article.id)
    return ids


def _drain(rt: Any, url: str) -> list[dict[str, Any]]:
    bodies = []
    while True:
        got = rt.sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
        if not got:
            return bodies
        for message in got:
            bodies.append(json.loads(message["Body"]))
            rt.sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])


def _sqs_event(*bodies: str) -> dict[str, Any]:
    template = load_event("sqs_s3_put.json")["Records"][0]
    records = []
    for n, body in enumerate(bodies):
        record = dict(template, messageId=f"message-{n}", body=body)
        records.append(record)
    return {"Records": records}


def test_starter_pages_through_the_index_and_enqueues_every_id_once(
    rt: Any, queues: dict[str, str]
) -> None:
    # Given 25 stored articles, listed 10 a page
    ids = _store_articles(rt, 25)
    starter = function_handler("ReprocessStarterFunction", TEMPLATE)
    # When the starter is invoked with no filters and time to spare
    answer = starter({}, ClockContext(900_000))
    # Then every id is on the work queue once, in messages of at most IDS_PER_MESSAGE
    assert answer == {"enqueued": 25, "pages": 3, "continued": False}
    messages = _drain(rt, queues["work"])
    sent = [i for m in messages for i in m["ids"]]
    assert sorted(sent) == sorted(ids)
    assert all(len(m["ids"]) <= IDS_PER_MESSAGE and m["dry_run"] is False for m in messages)
    assert _drain(rt, queues["start"]) == []


def test_starter_hands_its_cursor_on_when_its_deadline_nears(
    rt: Any, queues: dict[str, str]
) -> None:
    # Given 25 stored articles, and a starter with less than its margin left
    ids = _store_articles(rt, 25)
    starter = function_handler("ReprocessStarterFunction", TEMPLATE)
    job = {"publisher": "Harbour Times", "dry_run": True}
    # When invoked
    answer = starter(job, ClockContext(STOP_MARGIN_MS - 1))
    # Then it sent one page and left a continuation with its cursor and filters
    assert answer == {"enqueued": 10, "pages": 1, "continued": True}
    (continuation,) = _drain(rt, queues["start"])
    assert continuation["publisher"] == "Harbour Times" and continuation["dry_run"] is True
    assert continuation["cursor"] and continuation["pages"] == 1
    # When the continuation invokes it again (its queue's event), with time to spare
    result = starter(_sqs_event(json.dumps(continuation)), ClockContext(900_000))
    # Then it carries on from the cursor: every id enqueued exactly once in all
    assert result == {"batchItemFailures": []}
    sent = [i for m in _drain(rt, queues["work"]) for i in m["ids"]]
    assert sorted(sent) == sorted(ids)
    assert _drain(rt, queues["start"]) == []


def test_starter_refuses_a_malformed_job_without_enqueuing(rt: Any, queues: dict[str, str]) -> None:
    # Given some stored articles
    _store_articles(rt, 3)
    starter = function_handler("ReprocessStarterFunction", TEMPLATE)
    # When invoked with a bad date, or an unknown field
    bad_date = starter({"since": "last week"}, ClockContext(900_000))
    unknown = starter({"sinse": "2025-01-01"}, ClockContext(900_000))
    # Then it answers bad_request in the error format, and sends nothing
    assert bad_date["error"]["code"] == "bad_request" and "ISO 8601" in bad_date["error"]["message"]
    assert unknown["error"]["code"] == "bad_request"
    assert _drain(rt, queues["work"]) == []


def test_worker_handles_a_batch_with_a_partial_failure(
    rt: Any,
    queues: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given four stored articles: one whose raw input is gone, one whose storage
    # fails for now, and a changed extractor
    changed, gone, flaky, other = _store_articles(rt, 4)
    raw_key = rt.store.get(gone).source.raw_key
    rt.s3.delete_object(Bucket=rt.settings.bucket_name, Key=raw_key)
    before_gone = rt.store.get(gone)
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "9.9.9")
    record = StoredInputs.record

    def failing_for_flaky(self: StoredInputs, article_id: str) -> Any:
        if article_id == flaky:
            raise StorageUnavailable("reading DynamoDB failed: ReadTimeoutError")
        return record(self, article_id)

    monkeypatch.setattr(StoredInputs, "record", failing_for_flaky)
    worker = function_handler("ReprocessWorkerFunction", TEMPLATE)
    logs = io.StringIO()
    handler = sys.modules["reprocess_worker_app"].logger.registered_handler
    monkeypatch.setattr(handler, "stream", logs)
    event = _sqs_event(
        json.dumps({"ids": [changed, gone]}),
        json.dumps({"ids": [flaky, other]}),
        "not a work message",
    )
    # When the worker handles the batch
    result = worker(event, Context())
    # Then only the message with the passing failure is retried
    assert result == {"batchItemFailures": [{"itemIdentifier": "message-1"}]}
    # And the changed articles were rewritten, the one without raw input kept as it was
    assert rt.store.get(changed).extraction.extractor_version == "9.9.9"
    assert rt.store.get(other).extraction.extractor_version == "9.9.9"
    assert rt.store.get(gone) == before_gone
    # And the dead-letter queue names the lost raw input and the malformed message
    dead = _drain(rt, queues["dlq"])
    assert {(d["id"], d["error"]["code"]) for d in dead} == {
        (gone, "raw_missing"),
        ("", "bad_request"),
    }
    # And the counts are in the logs and the metrics
    logged = [json.loads(line) for line in logs.getvalue().splitlines()]
    counts = [line for line in logged if line.get("message") == "re-extracted"]
    assert [(c["changed"], c["failed"]) for c in counts] == [(1, 1), (1, 1)]
    emitted = [json.loads(x) for x in capsys.readouterr().out.splitlines() if "_aws" in x]
    assert emitted and emitted[-1]["ArticlesChanged"] == [1.0, 1.0]


def test_worker_dry_run_writes_nothing_and_records_no_dead_letter(
    rt: Any, queues: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given two stored articles, one without its raw input, and a changed extractor
    changed, gone = _store_articles(rt, 2)
    rt.s3.delete_object(Bucket=rt.settings.bucket_name, Key=rt.store.get(gone).source.raw_key)
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "9.9.9")
    worker = function_handler("ReprocessWorkerFunction", TEMPLATE)
    # When the worker handles a dry-run message
    result = worker(_sqs_event(json.dumps({"ids": [changed, gone], "dry_run": True})), Context())
    # Then nothing is retried, rewritten or dead-lettered
    assert result == {"batchItemFailures": []}
    assert rt.store.get(changed).extraction.extractor_version != "9.9.9"
    assert _drain(rt, queues["dlq"]) == []
