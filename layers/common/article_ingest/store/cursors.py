"""List cursors: a DynamoDB LastEvaluatedKey, opaque and signed for the one listing
it continues (a forged, altered or borrowed cursor is refused)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from typing import Any

from ..errors import BadCursor

# The key cursors are signed with when CURSOR_SECRET is not set: this process's own.
PROCESS_CURSOR_KEY = secrets.token_bytes(32)
_CURSOR_TAG_BYTES = 16


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text.encode() + b"=" * (-len(text) % 4))


def _cursor_tag(payload: str, listing: str, key: bytes) -> str:
    message = f"{listing}\n{payload}".encode()
    return _b64(hmac.new(key, message, hashlib.sha256).digest()[:_CURSOR_TAG_BYTES])


def encode_cursor(start: dict[str, Any], listing: str, key: bytes) -> str:
    """An opaque, URL-safe cursor for a DynamoDB LastEvaluatedKey, signed (HMAC-SHA256
    with `key`) for the one listing it continues."""
    payload = _b64(json.dumps(start, sort_keys=True, separators=(",", ":")).encode())
    return f"{payload}.{_cursor_tag(payload, listing, key)}"


def decode_cursor(cursor: str, listing: str, key: bytes) -> dict[str, Any]:
    """The DynamoDB key inside a cursor. Raises BadCursor unless this service signed
    it for `listing` (a forged, altered or borrowed cursor)."""
    payload, _, tag = cursor.partition(".")
    if not tag or not hmac.compare_digest(tag, _cursor_tag(payload, listing, key)):
        raise BadCursor("the cursor was not issued for this listing")
    try:
        start = json.loads(_unb64(payload))
    except (ValueError, binascii.Error) as exc:
        raise BadCursor("the cursor is malformed") from exc
    valid = isinstance(start, dict) and all(
        isinstance(v, dict) and set(v) == {"S"} and isinstance(v["S"], str) for v in start.values()
    )
    if not valid:
        raise BadCursor("the cursor is malformed")
    return dict(start)
