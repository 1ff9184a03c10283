"""Events on moto: a rule on the bus whose target is an SQS queue receives
ArticleIngested and ArticleUpdated, an unchanged repeat sends none, and a failed
PutEvents leaves the stored article stored."""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

from .integration_support import EVENT_BUS as BUS
from .integration_support import body_of, bus_publisher, http_event

PARAGRAPH = (
    "The harbour authority said on Thursday that the new container terminal will open "
    "in the spring, two years later than planned, after a dispute over dredging permits."
)
URL = "https://port.example/terminal"


def _text(extra: str = "") -> bytes:
    return f"Terminal opens in spring\n\n{PARAGRAPH}\n\n{PARAGRAPH} {extra}".encode()


def _ingest(settings: Any, store: Any, events: Any, data: bytes) -> Any:
    from article_ingest.service import RawInput, ingest

    return ingest(RawInput(data, "text/plain", "api", URL), settings, store, events=events)


def test_events_created_updated_and_unchanged_reach_the_rules_queue(
    settings: Any, store: Any, subscriber: Any
) -> None:
    events = bus_publisher()
    # Given an article ingested, then the same again, then a new version of it
    first = _ingest(settings, store, events, _text())
    same = _ingest(settings, store, events, _text())
    newer = _ingest(settings, store, events, _text("Updated."))
    assert (first.status, same.status, newer.status) == ("created", "unchanged", "updated")
    # When the rule's target queue is read
    received = subscriber()
    # Then it holds exactly two events: created, then updated; unchanged sent none
    assert [e["detail-type"] for e in received] == ["ArticleIngested", "ArticleUpdated"]
    assert {e["source"] for e in received} == {"article-ingest"}
    # And each detail names the article, its JSON's key and its content hash
    created, updated = (e["detail"] for e in received)
    article = first.article
    assert created == {
        "id": article.id,
        "url": URL,
        "headline": article.headline,
        "publisher": article.publisher,
        "s3_key": f"articles/{article.id}/{article.content_sha256}.json",
        "content_sha256": article.content_sha256,
    }
    assert updated["id"] == article.id
    assert updated["content_sha256"] == newer.article.content_sha256 != article.content_sha256
    # And the key it names is where the version is stored
    store.get(article.id)  # the record reads back
    assert updated["s3_key"] == store.article_key(newer.article)


def test_events_deleted_reaches_the_rules_queue_with_the_deleted_version(
    settings: Any, store: Any, subscriber: Any
) -> None:
    from article_ingest.errors import ArticleNotFound
    from article_ingest.service import delete

    events = bus_publisher()
    # Given an article stored and announced
    stored = _ingest(settings, store, events, _text())
    # When it is deleted, and deleted again
    delete(stored.article.id, store, events=events)
    with pytest.raises(ArticleNotFound):
        delete(stored.article.id, store, events=events)
    # Then the queue received ArticleIngested, then one ArticleDeleted naming the
    # version that was deleted; the second delete (404) announced nothing
    received = subscriber()
    assert [e["detail-type"] for e in received] == ["ArticleIngested", "ArticleDeleted"]
    assert received[1]["detail"] == received[0]["detail"]


def test_events_from_the_api_function_with_the_bus_configured(
    api: Any, configure: Any, subscriber: Any
) -> None:
    # Given the API function configured with EVENT_BUS_NAME
    configure(event_bus_name=BUS)
    post = http_event("POST", "/articles", body=_text(), content_type="text/plain")
    # When an article is POSTed twice
    first, again = api(post), api(post)
    # Then one ArticleIngested was announced, for the stored id
    assert (first["statusCode"], again["statusCode"]) == (201, 200)
    received = subscriber()
    assert [e["detail-type"] for e in received] == ["ArticleIngested"]
    assert received[0]["detail"]["id"] == body_of(first)["id"]


def test_events_from_the_upload_function_with_the_bus_configured(
    configure: Any,
    context: Any,
    aws: tuple[Any, Any],
    settings: Any,
    subscriber: Any,
    dlq_url: str,
) -> None:
    import boto3
    import s3_app

    from .integration_support import load_event

    # Given the upload function configured with EVENT_BUS_NAME, and an upload
    configure(event_bus_name=BUS)
    key = "incoming/us china trade talks.txt"
    aws[0].put_object(Bucket=settings.bucket_name, Key=key, Body=_text())
    event = load_event("sqs_s3_put.json")
    record = event["Records"][0]
    record["body"] = record["body"].replace("article-ingest-local", settings.bucket_name)
    # When its notification is delivered twice
    for _ in range(2):
        assert s3_app.lambda_handler(event, context) == {"batchItemFailures": []}
    # Then ArticleIngested names the stored article; the redelivery (the same upload,
    # key and version) reports its first delivery's status and announces it again, the
    # same version: a first delivery that crashed before announcing is announced late,
    # never lost
    received = subscriber()
    assert [e["detail-type"] for e in received] == ["ArticleIngested", "ArticleIngested"]
    assert received[0]["detail"] == received[1]["detail"]
    assert received[0]["detail"]["s3_key"].startswith(f"articles/{received[0]['detail']['id']}/")
    # And another upload of the same content (a new request) announces nothing
    aws[0].put_object(Bucket=settings.bucket_name, Key=key, Body=_text())
    record["body"] = record["body"].replace("0A1B2C3D4E5F678901", "0A1B2C3D4E5F678902")
    record["messageId"] = "another-delivery"
    assert s3_app.lambda_handler(event, context) == {"batchItemFailures": []}
    assert subscriber() == []
    dead = boto3.client("sqs", region_name="us-east-1").receive_message(QueueUrl=dlq_url)
    assert not dead.get("Messages")  # ingested (unchanged), not refused


class _FailingEvents:
    """An EventBridge client that fails: raising, or refusing the entry."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.calls = 0

    def put_events(self, **kwargs: Any) -> dict[str, Any]:
        self.calls += 1
        if self.mode == "raise":
            error = {"Error": {"Code": "InternalException", "Message": "down"}}
            raise ClientError(error, "PutEvents")  # type: ignore[arg-type]
        return {
            "FailedEntryCount": 1,
            "Entries": [{"ErrorCode": "ThrottlingException", "ErrorMessage": "slow down"}],
        }


@pytest.mark.parametrize("mode", ["raise", "refuse"])
def test_events_failed_put_events_keeps_the_article_and_counts_it(
    settings: Any, store: Any, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aws_lambda_powertools import Metrics

    from article_ingest import events as events_module
    from article_ingest.events import EVENTS_NOT_PUBLISHED, EventBridgePublisher

    logged: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(
        events_module.logger, "error", lambda msg, extra: logged.append((msg, extra))
    )

    metrics = Metrics(namespace="ArticleIngest")
    metrics.clear_metrics()
    client = _FailingEvents(mode)
    events = EventBridgePublisher(client, BUS, metrics)
    # Given an EventBridge that fails / When an article is ingested
    result = _ingest(settings, store, events, _text())
    # Then the ingestion succeeded and the article is stored
    assert result.status == "created" and client.calls == 1
    assert store.get(result.article.id).content_sha256 == result.article.content_sha256
    # And the lost event was logged with its article id and counted
    assert metrics.metric_set[EVENTS_NOT_PUBLISHED]["Value"] == [1.0]
    ((message, extra),) = logged
    assert message == "event not published" and extra["article_id"] == result.article.id
    assert extra["error_code"] == (
        "InternalException" if mode == "raise" else "ThrottlingException"
    )
    metrics.clear_metrics()


def test_events_no_bus_configured_announces_nothing(settings: Any) -> None:
    from article_ingest.events import NO_EVENTS, ArticleEvent, announce_write, publisher

    # Given settings without EVENT_BUS_NAME / Then the publisher is the no-op one
    assert publisher(settings) is NO_EVENTS
    assert not NO_EVENTS.announce("ArticleDeleted", ArticleEvent(id="x"))
    # And with a bus, EventBridge's
    assert publisher(settings.model_copy(update={"event_bus_name": BUS})) is not NO_EVENTS
    # And unchanged is never announced, whatever the publisher
    assert not announce_write(bus_publisher(), "unchanged", None, "k")  # type: ignore[arg-type]


def test_events_the_local_stack_announces_on_the_templates_bus() -> None:
    import urllib.request

    import boto3

    from article_ingest.local.provision import LOCAL_EVENT_BUS

    from ..local_stack import running_local_stack

    with running_local_stack() as server:
        # Given the local stack (`make run`) and a rule on its bus with a queue target
        aws = {"region_name": "us-east-1", "endpoint_url": server.endpoint_url}
        events, sqs = boto3.client("events", **aws), boto3.client("sqs", **aws)
        queue_url = sqs.create_queue(QueueName="local-article-events")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
        pattern = json.dumps({"source": ["article-ingest"]})
        events.put_rule(Name="local", EventBusName=LOCAL_EVENT_BUS, EventPattern=pattern)
        events.put_targets(
            Rule="local",
            EventBusName=LOCAL_EVENT_BUS,
            Targets=[{"Id": "q", "Arn": arn["Attributes"]["QueueArn"]}],
        )
        # When an article is POSTed to its HTTP API
        request = urllib.request.Request(
            f"{server.url}/articles",
            data=_text(),
            headers={"content-type": "text/plain"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            stored = json.loads(response.read())
        # Then the rule's queue received its ArticleIngested
        messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10)
        received = [json.loads(m["Body"]) for m in messages.get("Messages", [])]
        assert [(e["detail-type"], e["detail"]["id"]) for e in received] == [
            ("ArticleIngested", stored["id"])
        ]


def test_events_template_functions_may_put_events_on_the_one_bus() -> None:
    from article_ingest.local.provision import load_template

    from .integration_support import REPO

    template = load_template(REPO / "template.yaml")
    bus_arn = {
        "Fn::If": [
            "CreateEventBus",
            {"Fn::GetAtt": "ArticleEventBus.Arn"},
            {
                "Fn::Sub": "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}"
                ":event-bus/${EventBusName}"
            },
        ]
    }
    # Given the template / Then the functions are told the bus, own or named
    variables = template["Globals"]["Function"]["Environment"]["Variables"]
    assert variables["EVENT_BUS_NAME"] == {
        "Fn::If": ["CreateEventBus", {"Ref": "ArticleEventBus"}, {"Ref": "EventBusName"}]
    }
    assert template["Parameters"]["EventBusName"]["Default"] == ""
    # And each function may PutEvents on that bus and nothing else
    for function in ("ApiFunction", "UploadFunction"):
        policies = template["Resources"][function]["Properties"]["Policies"]
        statements = [s for p in policies for s in p["Statement"]]
        puts = [s for s in statements if "events:" in json.dumps(s["Action"])]
        assert puts == [{"Effect": "Allow", "Action": "events:PutEvents", "Resource": bus_arn}]
