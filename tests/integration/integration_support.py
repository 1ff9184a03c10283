"""Helpers of the integration tests: events from events/, a Lambda context, bodies."""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EVENTS = REPO / "events"


def load_event(name: str) -> dict[str, Any]:
    """A fresh copy of events/<name>."""
    loaded: dict[str, Any] = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    return copy.deepcopy(loaded)


def http_event(
    method: str,
    path: str,
    *,
    body: bytes | str | None = None,
    content_type: str | None = None,
    query: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """An HTTP API v2 event shaped like events/api_*.json; bytes bodies go base64."""
    from urllib.parse import urlencode

    event = load_event("api_list_articles.json")
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    event["requestContext"]["http"]["method"] = method
    event["routeKey"] = event["requestContext"]["routeKey"] = "$default"
    event["rawQueryString"] = urlencode(query or {})
    event.pop("queryStringParameters", None)
    if query:
        event["queryStringParameters"] = dict(query)
    event["headers"].update(headers or {})
    if content_type:
        event["headers"]["content-type"] = content_type
    if isinstance(body, bytes):
        event["body"] = base64.b64encode(body).decode()
        event["isBase64Encoded"] = True
    elif body is not None:
        event["body"] = body
    return event


class Context:
    """The Lambda context attributes Powertools reads."""

    function_name = "test-function"
    function_version = "$LATEST"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:test-function"
    aws_request_id = "test-request-0001"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


def body_of(result: dict[str, Any]) -> Any:
    """The JSON body of a handler's result."""
    raw = result["body"]
    if result.get("isBase64Encoded"):
        raw = base64.b64decode(raw).decode()
    return json.loads(raw)


# The EventBridge bus the event tests subscribe to (the `subscriber` fixture).
EVENT_BUS = "test-articles-bus"


def bus_publisher() -> Any:
    """An EventBridgePublisher on EVENT_BUS (moto)."""
    import boto3

    from article_ingest.events import EventBridgePublisher

    return EventBridgePublisher(boto3.client("events", region_name="us-east-1"), EVENT_BUS)
