"""OpenAPI metadata the resolver cannot infer: the API's info, the raw request
bodies (HTML, text or JSON) and the documented responses of each route."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ..models import ArticleInput, ErrorResponse
from .errors import ERROR_RESPONSES

OPENAPI_INFO: dict[str, Any] = {
    "title": "article-ingest",
    "version": "1",
    "description": (
        "POST an article's HTML or pasted text and get back a normalised Article, "
        'stored in S3 and DynamoDB. Errors are `{"error": {"code", "message"}}`. '
        "Bodies over MAX_INPUT_BYTES (4,500,000 bytes by default; gzip inflated up to "
        "MAX_DECOMPRESSED_BYTES) are refused with 413. A POST may carry an "
        "`Idempotency-Key` header: its retry (after a lost reply) answers what the first "
        "request did. Articles are bounded to fit a response (body and images cut, with "
        "the warnings body_truncated and images_truncated)."
    ),
}

_RAW_STRING = {"schema": {"type": "string"}}
RAW_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The article: raw HTML, pasted text, or JSON with exactly one of "
        "html / text. The page's URL goes in `?url=` or the JSON `url` field.",
        "content": {
            "text/html": _RAW_STRING,
            "text/plain": _RAW_STRING,
            "application/json": {"schema": ArticleInput.model_json_schema()},
        },
    }
}


def responses(
    success: dict[int, str],
    model: type[BaseModel],
    *error_codes: int,
    headers: dict[str, str] | None = None,
) -> dict[int, Any]:
    """The `responses=` of a route: its success statuses with their model (and the
    `headers` they carry), and the errors it documents."""
    documented: dict[int, Any] = {}
    for status, description in success.items():
        documented[status] = {
            "description": description,
            "content": {"application/json": {"model": model}},
        }
        if headers:
            documented[status]["headers"] = {
                name: {"description": text, "schema": {"type": "string"}}
                for name, text in headers.items()
            }
    for status in error_codes:
        documented[status] = {
            "description": ERROR_RESPONSES[status],
            "content": {"application/json": {"model": ErrorResponse}},
        }
    return documented


def clean_document(spec_json: str) -> str:
    """The resolver's OpenAPI document without Powertools' default 422 "Validation
    Error" responses: request validation errors are answered as 400 in our format."""
    spec = json.loads(spec_json)
    for item in spec.get("paths", {}).values():
        for operation in item.values():
            default = operation.get("responses", {}).get("422", {})
            if default.get("description") == "Validation Error":
                del operation["responses"]["422"]
    schemas = spec.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    return json.dumps(spec, indent=2)
