"""Raw input -> decoded text and its kind (HTML or plain text).

Size and shape limits first, then gzip inflated transparently (with a bound so a small
bomb cannot exhaust memory), the kind sniffed or taken from the declared type, and the
charset decided by charsets.py.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from .charsets import decode
from .errors import BadInput, InputTooLarge, UnsupportedMediaType
from .models import InputKind

_GZIP_MAGIC = b"\x1f\x8b"
# Concatenated gzip members read at most (bgzip writes one per 64 KB: 250 for 16 MB).
_MAX_GZIP_MEMBERS = 10_000
# The work a body may cause grows with its shape, not only its size: every element of
# markup that holds text costs the parser and the extractors ~0.7 KB of memory and
# ~20 us (unclosed cells and one-word paragraphs are the costliest: 560k took 13 s and
# 490 MB), every other tag a third of that, every line of pasted text ~80 bytes.
# Bounded here so that anything accepted stays under 256 MB and 10 s of CPU (measured
# at the limits: <= 5 s, <= 210 MB). The dev pages have at most ~9,000 tags and
# ~21,000 lines.
MAX_MARKUP_TAGS = 450_000
MAX_MARKUP_TEXT_RUNS = 210_000
MAX_TEXT_LINES = 1_000_000
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
# Types that say "I don't know": the bytes decide.
_SNIFF_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_GZIP_TYPES = frozenset({"application/gzip", "application/x-gzip"})
# An HTML document announces itself within its first bytes: the tags of the WHATWG
# MIME Sniffing standard's "text/html" patterns (a doctype, <html>, <script>, <style>,
# common body tags) plus a few more; pasted text practically never starts with a tag.
_HTML_SNIFF_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|script|style"
    rb"|iframe|article|main|section|header|nav|div|table|font|p|a|b|br|h[1-6])\b",
    re.IGNORECASE | re.DOTALL,
)
# Share of control characters (NUL included) above which a decoding is judged binary;
# a few stray NULs in a page are cleaned, not refused.
_MAX_CONTROL_SHARE = 0.02
# Share of undecodable bytes (U+FFFD) above which the input is judged binary.
_MAX_REPLACEMENT_SHARE = 0.10
_EXTENSION_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/plain",
}


def content_type_for(path: Path) -> str | None:
    """The media type a file's extension declares (`.html.gz` -> text/html); None sniffs."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _EXTENSION_TYPES.get(suffixes[-1]) if suffixes else None


def says_nothing(content_type: str | None) -> bool:
    """A declared or stored type that says nothing about the bytes (none, or a generic
    binary type): the bytes are sniffed, or a better-informed type is used instead."""
    return (content_type or "").split(";")[0].strip().lower() in _SNIFF_TYPES


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
    """Inflate gzip data, every member of it (RFC 1952: concatenated gzip files are one
    file), refusing output beyond `limit` bytes in all (zip bombs). NUL padding after
    the last member is ignored; a truncated member or other trailing bytes are not."""
    out = bytearray()
    data = raw
    for _ in range(_MAX_GZIP_MEMBERS):
        inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
        try:
            out += inflater.decompress(data, limit + 1 - len(out))
        except zlib.error as exc:
            raise BadInput(f"gzip data is corrupt: {exc}") from exc
        if len(out) > limit or inflater.unconsumed_tail:
            raise InputTooLarge(f"gzip input inflates beyond the {limit}-byte limit")
        if not inflater.eof:
            raise BadInput("gzip data is truncated")
        data = inflater.unused_data
        if not data.strip(b"\x00"):
            return bytes(out)
        if not data.startswith(_GZIP_MAGIC):
            raise BadInput("gzip data is followed by bytes that are not gzip")
    raise BadInput(f"gzip data has more than {_MAX_GZIP_MEMBERS} members")


def _check_shape(raw: bytes, kind: InputKind, text_limit: int) -> None:
    """Refuse an input whose shape would cost more than any accepted input may: too
    many elements of markup; pasted text over `text_limit` bytes (the text extractor
    holds ~20 bytes per input byte, twice what markup costs) or of too many lines.
    Counted on the bytes: C-fast."""
    if kind == "html":
        tags = raw.count(b"<") - raw.count(b"</")
        if tags > MAX_MARKUP_TAGS:
            raise InputTooLarge(f"the input has {tags} tags; the limit is {MAX_MARKUP_TAGS}")
        # A tag followed by anything but another tag opens a run of text.
        runs = raw.count(b">") - raw.count(b"><")
        if runs > MAX_MARKUP_TEXT_RUNS:
            raise InputTooLarge(
                f"the input has {runs} runs of text between tags; "
                f"the limit is {MAX_MARKUP_TEXT_RUNS}"
            )
    elif len(raw) > text_limit:
        raise InputTooLarge(f"the text is {len(raw)} bytes inflated; the limit is {text_limit}")
    else:
        lines = raw.count(b"\n")
        if lines > MAX_TEXT_LINES:
            raise InputTooLarge(f"the input has {lines} lines; the limit is {MAX_TEXT_LINES}")


# C0 controls but the white space a text may hold (tab, newline, CR, form feed).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = len(_CONTROL_CHARS.findall(sample))
    replaced = sample.count("\ufffd")
    return (
        controls / len(sample) > _MAX_CONTROL_SHARE
        or replaced / len(sample) > _MAX_REPLACEMENT_SHARE
    )


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
    _check_shape(raw, kind, max_bytes)
    text, encoding = decode(raw, charset, kind == "html")
    if _looks_binary(text):
        raise UnsupportedMediaType("the input looks binary, not HTML or text")
    content = media or ("text/html" if kind == "html" else "text/plain")
    return DecodedInput(
        text=text, kind=kind, content_type=content, encoding=encoding, size=len(raw)
    )
