"""Issue 13, row 9: the local server reads request bodies within a bound and answers
a bad length with 400/411/413 in the API's JSON error format, over real sockets on
127.0.0.1 (bounded requests, a timeout on every read)."""

from __future__ import annotations

import io
import json
import socket
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

import pytest

from article_ingest.local.server import MAX_REQUEST_BYTES, BodyError, read_body

from .support import PARAGRAPH, page

ARTICLE = page(f"<h1>Trams</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>")


def _exchange(base: str, head: str, body: bytes = b"") -> tuple[int, dict[str, Any], bytes]:
    """Send one raw request; (status, JSON body or {}, the raw response)."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    with socket.create_connection((host, port), timeout=60) as conn:
        raw = b""
        try:  # the server may stop reading (and close) before the body is all sent
            conn.sendall(head.encode("latin-1") + b"\r\n" + body)
            conn.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        while chunk := conn.recv(65536):
            raw += chunk
    header, _, payload = raw.partition(b"\r\n\r\n")
    status = int(header.split()[1])
    try:
        parsed = json.loads(payload)
    except ValueError:
        parsed = {}
    return status, parsed, raw


@pytest.mark.parametrize(
    ("length", "status", "code"),
    [
        ("-1", 400, "bad_request"),
        ("12abc", 400, "bad_request"),
        (str(MAX_REQUEST_BYTES + 1), 413, "too_large"),
    ],
    ids=["negative", "non-numeric", "over-the-limit"],
)
def test_bad_content_length_is_refused_in_the_error_format(
    local_stack: Any, length: str, status: int, code: str
) -> None:
    # Given a POST with a bad Content-Length, followed by a stream of bytes
    head = (
        "POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\n"
        f"Content-Length: {length}\r\n"
    )
    # When sent / Then refused in the JSON error format, the rest not read
    got, parsed, raw = _exchange(local_stack.url, head, b"x" * 1_000_000)
    assert (got, parsed["error"]["code"]) == (status, code)
    assert b"Connection: close" in raw


def test_post_without_a_length_is_411(local_stack: Any) -> None:
    head = "POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\n"
    got, parsed, _ = _exchange(local_stack.url, head)
    assert (got, parsed["error"]["code"]) == (411, "length_required")


def _chunked(data: bytes, size: int = 4096) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size])
        for i in range(0, len(data), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def test_a_chunked_body_is_read(local_stack: Any) -> None:
    # Given an article sent with chunked transfer coding (it was ignored)
    head = (
        "POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n"
    )
    got, parsed, _ = _exchange(local_stack.url, head, _chunked(ARTICLE))
    # Then it is extracted
    assert got == 200 and parsed["headline"] == "Trams"


def test_a_chunked_body_over_the_limit_is_413_before_it_is_read(local_stack: Any) -> None:
    head = (
        "POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\n"
        "Transfer-Encoding: chunked\r\n"
    )
    claim = b"%x\r\n" % (MAX_REQUEST_BYTES + 1) + b"x" * 100_000
    got, parsed, _ = _exchange(local_stack.url, head, claim)
    assert (got, parsed["error"]["code"]) == (413, "too_large")


class _Endless(io.RawIOBase):
    """A request stream that never ends; counts what was read from it."""

    read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        buffer[: len(buffer)] = b"x" * len(buffer)
        self.read_bytes += len(buffer)
        return len(buffer)


def _headers(**values: str) -> Message:
    message = Message()
    for name, value in values.items():
        message[name.replace("_", "-")] = value
    return message


@pytest.mark.parametrize(
    "headers",
    [{"content_length": "-1"}, {"content_length": "1e9"}, {"content_length": "5, 6"}],
    ids=["negative", "float", "two-values"],
)
def test_read_body_refuses_bad_lengths_without_reading(headers: dict[str, str]) -> None:
    # Given an endless stream behind a bad length (it was read to EOF: RSS 180 -> 582 MB)
    stream = _Endless()
    # When the body is read / Then refused, and nothing was read
    with pytest.raises(BodyError) as refused:
        read_body(_headers(**headers), io.BufferedReader(stream), MAX_REQUEST_BYTES)
    assert refused.value.status == 400 and stream.read_bytes == 0


def test_read_body_reads_chunks_within_the_limit() -> None:
    stream = _Endless()
    endless_chunks = io.BufferedReader(stream)
    headers = _headers(transfer_encoding="chunked")
    # Given an endless chunked stream ("1000\r\n" + bytes, the chunk size lines fail)
    with pytest.raises(BodyError):
        read_body(headers, endless_chunks, 1000)
    assert stream.read_bytes <= 64 * 1024  # one buffered read, not the stream
    assert read_body(headers, io.BytesIO(_chunked(b"abc" * 1000, 7)), 10_000) == b"abc" * 1000
