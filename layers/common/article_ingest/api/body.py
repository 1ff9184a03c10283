"""Request bodies as the service's RawInput: raw HTML or text, or JSON {html|text, url?}.

API Gateway HTTP APIs base64-encode every body that is not text, so the bytes are
read from the event, never from a decoded string that could have lost them.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import re
from email.message import Message

from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEventV2
from pydantic import ValidationError

from ..errors import BadInput, InputTooLarge
from ..models import ArticleInput
from ..service import RawInput, raw_from_json

# An Idempotency-Key (IETF draft): printable ASCII, as long as a UUID or a hash needs.
_IDEMPOTENCY_KEY_RE = re.compile(r"[\x21-\x7e]{1,128}")


def body_bytes(event: APIGatewayProxyEventV2) -> bytes:
    """The request body exactly as the client sent it. Raises BadInput on bad base64."""
    body = event.body or ""
    if not event.is_base64_encoded:
        return body.encode("utf-8")
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise BadInput("the request body is not valid base64") from exc


def _media_type(content_type: str) -> str:
    msg = Message()
    msg["content-type"] = content_type
    return msg.get_content_type().lower()


def is_json(content_type: str | None) -> bool:
    """True for application/json and the +json types."""
    media = _media_type(content_type) if content_type else ""
    return media == "application/json" or media.endswith("+json")


def principal(event: APIGatewayProxyEventV2) -> str | None:
    """Who signed the request, as API Gateway's authorizer vouches: the IAM caller's
    ARN, or the JWT's issuer and subject; None without an authorizer (local stack)."""
    authorizer = (event.raw_event.get("requestContext") or {}).get("authorizer") or {}
    iam = authorizer.get("iam") or {}
    if iam.get("userArn"):
        return f"iam:{iam['userArn']}"
    claims = (authorizer.get("jwt") or {}).get("claims") or {}
    if claims.get("sub"):
        return f"jwt:{claims.get('iss', '')}#{claims['sub']}"
    return None


def request_token(event: APIGatewayProxyEventV2, caller: str | None) -> str | None:
    """The request's Idempotency-Key header, scoped to its caller; None without one.
    Raises BadInput for a key that is not 1-128 printable ASCII characters."""
    key = event.headers.get("idempotency-key")
    if key is None:
        return None
    if not _IDEMPOTENCY_KEY_RE.fullmatch(key):
        raise BadInput("Idempotency-Key must be 1-128 printable ASCII characters")
    return f"api:{caller or 'anonymous'}:{key}"


def raw_input(event: APIGatewayProxyEventV2, *, max_bytes: int, url: str | None) -> RawInput:
    """The request as a RawInput (via='api'), with its caller and Idempotency-Key.

    Raises:
        InputTooLarge: the body is over `max_bytes`.
        BadInput: malformed JSON, or JSON without exactly one of html / text.
    """
    raw = _raw_input(event, max_bytes=max_bytes, url=url)
    caller = principal(event)
    return dataclasses.replace(raw, principal=caller, request_token=request_token(event, caller))


def _raw_input(event: APIGatewayProxyEventV2, *, max_bytes: int, url: str | None) -> RawInput:
    data = body_bytes(event)
    if len(data) > max_bytes:
        raise InputTooLarge(f"the body is {len(data)} bytes; the limit is {max_bytes}")
    content_type = event.headers.get("content-type")
    if not is_json(content_type):
        return RawInput(data, content_type, "api", url)
    try:
        payload = ArticleInput.model_validate_json(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors()
        )
        raise BadInput(f"invalid JSON body: {problems}") from exc
    if payload.url is None and url is not None:
        payload = payload.model_copy(update={"url": url})
    return raw_from_json(payload, via="api")
