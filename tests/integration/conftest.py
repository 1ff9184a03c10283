"""Handlers on moto: the functions' own modules, invoked with the events in events/."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from ..local_stack import running_local_stack
from .integration_support import EVENT_BUS, REPO, Context

# Powertools reads these when the handler modules are imported.
os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "article-ingest")
os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "ArticleIngest")
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
# Lambda puts each function's folder on the import path; so do the tests.
for _folder in ("api", "s3_ingest"):
    _path = str(REPO / "functions" / _folder)
    if _path not in sys.path:
        sys.path.insert(0, _path)


@pytest.fixture
def context() -> Context:
    return Context()


@pytest.fixture
def dlq_url(aws: tuple[Any, Any]) -> str:
    import boto3

    sqs = boto3.client("sqs", region_name="us-east-1")
    url: str = sqs.create_queue(QueueName="ingest-dlq")["QueueUrl"]
    return url


@pytest.fixture
def configure(aws: tuple[Any, Any], settings: Any, dlq_url: str) -> Iterator[Callable[..., Any]]:
    """Point the handlers at moto; call it again with Settings overrides to change them."""
    import boto3

    from article_ingest import runtime

    def _configure(**overrides: Any) -> Any:
        s3, dynamodb = aws
        current = settings.model_copy(update={"dead_letter_queue_url": dlq_url, **overrides})
        rt = runtime.Runtime.build(current, s3, dynamodb)
        rt.sqs = boto3.client("sqs", region_name="us-east-1")
        runtime.configure(rt)
        return rt

    _configure()
    yield _configure
    runtime.configure(None)


@pytest.fixture
def api(configure: Any, context: Context) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Invoke the API function's handler (functions/api/api_app.py) with an event."""
    import api_app

    def _invoke(event: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = api_app.lambda_handler(event, context)
        return result

    return _invoke


@pytest.fixture(scope="module")
def local_server() -> Iterator[Any]:
    """The local stack on free ports, seeded from seeds/ (its own moto server)."""
    with running_local_stack(seeds=[REPO / "seeds"]) as server:
        yield server


@pytest.fixture
def subscriber(aws: tuple[Any, Any]) -> Any:
    """A bus (EVENT_BUS), and a rule on it for source article-ingest whose target is a queue;
    returns a function that reads the events the queue received."""
    import boto3

    events = boto3.client("events", region_name="us-east-1")
    sqs = boto3.client("sqs", region_name="us-east-1")
    events.create_event_bus(Name=EVENT_BUS)
    queue_url = sqs.create_queue(QueueName="article-events")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
    events.put_rule(
        Name="articles",
        EventBusName=EVENT_BUS,
        EventPattern=json.dumps({"source": ["article-ingest"]}),
    )
    events.put_targets(
        Rule="articles",
        EventBusName=EVENT_BUS,
        Targets=[{"Id": "queue", "Arn": arn["Attributes"]["QueueArn"]}],
    )

    def received() -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        while True:
            batch = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10)
            messages = batch.get("Messages", [])
            if not messages:
                return found
            for message in messages:
                found.append(json.loads(message["Body"]))
                sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])

    return received
