"""What API Gateway does for an HTTP API: an HTTP request becomes a payload v2
event, and the Lambda's result becomes the HTTP response."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import uuid
from dataclasses import dataclass, field
from email.message import Message
from typing import Any
from urllib.parse import parse_qsl, urlsplit

# Bodies API Gateway passes as text; every other body arrives base64-encoded.
_TEXT_TYPES = ("text/", "application/json", "application/xml", "application/javascript")


@dataclass
class LambdaContext:
    """The parts of the Lambda context Powertools reads."""

    aws_request_id: str
    function_name: str = "ApiFunction"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 1024
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:ApiFunction"
    log_group_name: str = "/aws/lambda/ApiFunction"
    log_stream_name: str = "local"
    _deadline: dt.datetime = field(
        default_factory=lambda: dt.datetime.now(dt.UTC) + dt.timedelta(seconds=29)
    )

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - dt.datetime.now(dt.UTC)).total_seconds() * 1000))


def _is_text(content_type: str | None) -> bool:
    if not content_type:
        return False
    msg = Message()
    msg["content-type"] = content_type
    return msg.get_content_type().startswith(_TEXT_TYPES) or content_type.endswith("+json")


def http_event(
    method: str,
    target: str,
    headers: list[tuple[str, str]],
    body: bytes,
    *,
    source_ip: str = "127.0.0.1",
) -> dict[str, Any]:
    """An API Gateway HTTP API (payload format 2.0) event for one request."""
    parts = urlsplit(target)
    merged: dict[str, str] = {}
    cookies: list[str] = []
    for name, value in headers:
        name = name.lower()
        if name == "cookie":
            cookies.extend(c.strip() for c in value.split(";") if c.strip())
        else:
            merged[name] = f"{merged[name]},{value}" if name in merged else value
    query: dict[str, str] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        query[name] = f"{query[name]},{value}" if name in query else value
    now = dt.datetime.now(dt.UTC)
    request_id = str(uuid.uuid4())
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": parts.path or "/",
        "rawQueryString": parts.query,
        "headers": merged,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "local",
            "domainName": merged.get("host", "localhost"),
            "domainPrefix": "local",
            "http": {
                "method": method,
                "path": parts.path or "/",
                "protocol": "HTTP/1.1",
                "sourceIp": source_ip,
                "userAgent": merged.get("user-agent", ""),
            },
            "requestId": request_id,
            "routeKey": "$default",
            "stage": "$default",
            "time": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "timeEpoch": int(now.timestamp() * 1000),
        },
        "isBase64Encoded": False,
    }
    if cookies:
        event["cookies"] = cookies
    if query:
        event["queryStringParameters"] = query
    if body:
        if _is_text(merged.get("content-type")):
            with contextlib.suppress(UnicodeDecodeError):
                event["body"] = body.decode("utf-8")
        if "body" not in event:
            event["body"] = base64.b64encode(body).decode("ascii")
            event["isBase64Encoded"] = True
    return event


def http_response(result: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes]:
    """(status, headers, body) of a Lambda's payload v2 result."""
    status = int(result.get("statusCode", 200))
    headers = [(k, str(v)) for k, v in (result.get("headers") or {}).items()]
    for name, values in (result.get("multiValueHeaders") or {}).items():
        headers.extend((name, str(v)) for v in values)
    headers.extend(("Set-Cookie", c) for c in result.get("cookies") or [])
    raw = result.get("body") or ""
    body = base64.b64decode(raw) if result.get("isBase64Encoded") else raw.encode("utf-8")
    return status, headers, body
