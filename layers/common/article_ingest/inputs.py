"""Raw input -> decoded text and its kind (HTML or plain text).

Order of trust for the charset: the Content-Type header, a byte-order mark, the
document's own declaration (<meta charset>), then statistical detection. Gzip is
inflated transparently, with a bound so a small bomb cannot exhaust memory.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from email.message import Message

from .errors import BadInput, InputTooLarge, UnsupportedMediaType
from .models import InputKind

_GZIP_MAGIC = b"\x1f\x8b"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
# Types that say "I don't know": the bytes decide.
_SNIFF_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_GZIP_TYPES = frozenset({"application/gzip", "application/x-gzip"})
# An HTML document announces itself within its first bytes (a doctype, <html>, or
# common body tags); pasted text practically never starts with a tag.
_HTML_SNIFF_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h1)\b",
    re.IGNORECASE | re.DOTALL,
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Share of control bytes above which a text decoding is judged binary, not text.
_MAX_CONTROL_SHARE = 0.02


@dataclass(frozen=True)
class DecodedInput:
    """The input as text, with what it was judged to be."""

    text: str
    kind: InputKind
    content_type: str
    encoding: str
    size: int


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    if not content_type:
        return "", None
    msg = Message()
    msg["content-type"] = content_type
    charset = msg.get_param("charset")
    return msg.get_content_type().lower() if "/" in content_type else "", (
        str(charset) if isinstance(charset, str) else None
    )


def inflate(raw: bytes, *, limit: int) -> bytes:
    """Inflate gzip data, refusing output beyond `limit` bytes (zip bombs)."""
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        out = inflater.decompress(raw, limit + 1)
    except zlib.error as exc:
        raise BadInput(f"gzip data is corrupt: {exc}") from exc
    if len(out) > limit or inflater.unconsumed_tail:
        raise InputTooLarge(f"gzip input inflates beyond the {limit}-byte limit")
    return out


def _bom_encoding(raw: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name, len(bom)
    return None


def _decode(raw: bytes, declared: str | None, is_html: bool) -> tuple[str, str]:
    bom = _bom_encoding(raw)
    if bom:
        name, length = bom
        return raw[length:].decode(name, errors="replace"), name
    # Imported here: bs4 costs ~30 ms at cold start and only decoding needs it.
    from bs4 import UnicodeDammit

    known = [declared] if declared else []
    dammit = UnicodeDammit(raw, known_definite_encodings=known, is_html=is_html)
    if dammit.unicode_markup is None:
        return raw.decode("utf-8", errors="replace"), "utf-8"
    return dammit.unicode_markup, dammit.original_encoding or "utf-8"


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return "\x00" in sample[:1024] or controls / len(sample) > _MAX_CONTROL_SHARE


def decode_input(
    raw: bytes,
    *,
    content_type: str | None,
    max_bytes: int,
    max_decompressed_bytes: int,
) -> DecodedInput:
    """Turn raw bytes into text and decide whether they are HTML or plain text.

    Raises:
        InputTooLarge: raw or inflated input over the limit.
        UnsupportedMediaType: a declared type we do not take, or binary content.
        BadInput: empty input or corrupt gzip.
    """
    if len(raw) > max_bytes:
        raise InputTooLarge(f"input is {len(raw)} bytes; the limit is {max_bytes}")
    media, charset = _media_type(content_type)
    if raw.startswith(_GZIP_MAGIC):
        raw = inflate(raw, limit=max_decompressed_bytes)
        if media in _GZIP_TYPES:
            media = ""
    elif media in _GZIP_TYPES:
        raise BadInput("declared gzip, but the body is not gzip data")
    if media and media not in _HTML_TYPES | _TEXT_TYPES | _SNIFF_TYPES:
        raise UnsupportedMediaType(
            f"content type {media!r} is not supported; send text/html or text/plain"
        )
    if not raw.strip():
        raise BadInput("the input is empty")
    # Sniff on the first bytes without NULs, so UTF-16/32 markup (BOM or not) is seen.
    head = raw[:8192].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xfe\xff")[:2048]
    if media in _HTML_TYPES:
        kind: InputKind = "html"
    elif media in _TEXT_TYPES:
        kind = "text"
    else:
        kind = "html" if _HTML_SNIFF_RE.match(head) else "text"
    text, encoding = _decode(raw, charset, kind == "html")
    if _looks_binary(text):
        raise UnsupportedMediaType("the input looks binary, not HTML or text")
    content = media or ("text/html" if kind == "html" else "text/plain")
    return DecodedInput(
        text=text, kind=kind, content_type=content, encoding=encoding, size=len(raw)
    )
