"""OpenAPI metadata the resolver cannot infer: the API's info and tags, the raw
request bodies (HTML, text or JSON) with real examples, the documented responses of
each route, and the security scheme the deployment puts on the writes."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ..models import ArticleInput, ErrorResponse
from . import examples
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
    "tags": [
        {"name": "articles", "description": "Ingest (extract and store) and read articles"},
        {"name": "extraction", "description": "Extract without storing"},
        {"name": "service", "description": "Liveness"},
    ],
}

# Tags of the routes (one each), as listed in OPENAPI_INFO.
ARTICLES, EXTRACTION, SERVICE = (["articles"], ["extraction"], ["service"])

_RAW_STRING = {"type": "string"}
RAW_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The article: raw HTML, pasted text, or JSON with exactly one of "
        "html / text. The page's URL goes in `?url=` or the JSON `url` field.",
        "content": {
            "text/plain": {
                "schema": _RAW_STRING,
                **examples.examples("The sample article, pasted", examples.TEXT),
            },
            "text/html": {
                "schema": _RAW_STRING,
                **examples.examples("The sample article's page", examples.HTML),
            },
            "application/json": {
                "schema": ArticleInput.model_json_schema(),
                **examples.examples("Pasted text with its URL", examples.JSON),
            },
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
    `headers` they carry), and the errors it documents. Every route documents 500:
    any route can meet a bug, answered in the same error format."""
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
    for status in sorted({*error_codes, 500}):
        documented[status] = {
            "description": ERROR_RESPONSES[status],
            "content": {"application/json": {"model": ErrorResponse}},
        }
    return documented


# The schemes template.yaml's WriteAuth puts on the writes (API Gateway checks them
# before the function runs): a SigV4-signed request, or an OIDC issuer's JWT.
SECURITY_SCHEMES: dict[str, dict[str, Any]] = {
    "IAM": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "AWS Signature Version 4 (IAM): sign the request with credentials "
        "allowed execute-api:Invoke on the API",
    },
    "JWT": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "A JWT from the issuer and for the audience the stack was deployed "
        "with (JwtIssuer, JwtAudience), as `Authorization: Bearer <token>`",
    },
}
_READS = ("get", "head", "options")


def with_write_auth(spec: dict[str, Any], write_auth: str) -> dict[str, Any]:
    """Declare the deployment's write scheme and put it on every write (any method
    but a read). The local stack ("none") checks nothing and declares nothing."""
    scheme = SECURITY_SCHEMES.get(write_auth)
    if scheme is None:
        return spec
    spec.setdefault("components", {}).setdefault("securitySchemes", {})[write_auth] = scheme
    for item in spec.get("paths", {}).values():
        for method, operation in item.items():
            if method not in _READS:
                operation["security"] = [{write_auth: []}]
                operation.setdefault("responses", {})["401"] = {
                    "description": "Not authenticated (answered by API Gateway)"
                }
                if write_auth == "IAM":
                    operation["responses"]["403"] = {
                        "description": "Not allowed to invoke the API (answered by API Gateway)"
                    }
    return spec


def clean_document(spec_json: str, write_auth: str = "none") -> str:
    """The resolver's OpenAPI document without Powertools' default 422 "Validation
    Error" responses (request validation errors are answered as 400 in our format),
    with the deployment's write security (`with_write_auth`)."""
    spec = json.loads(spec_json)
    for item in spec.get("paths", {}).values():
        for operation in item.values():
            default = operation.get("responses", {}).get("422", {})
            if default.get("description") == "Validation Error":
                del operation["responses"]["422"]
    schemas = spec.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    return json.dumps(with_write_auth(spec, write_auth), indent=2)
