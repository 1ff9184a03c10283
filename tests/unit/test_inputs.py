"""Input decoding: kind detection, charsets, gzip bounds, refusals."""

from __future__ import annotations

import gzip

import pytest

from article_ingest.errors import BadInput, InputTooLarge, UnsupportedMediaType
from article_ingest.inputs import decode_input, inflate

LIMITS = {"max_bytes": 1_000_000, "max_decompressed_bytes": 2_000_000}


def decode(raw: bytes, content_type: str | None = None):  # type: ignore[no-untyped-def]
    return decode_input(raw, content_type=content_type, **LIMITS)


def test_decode_input_sniffs_html_without_content_type() -> None:
    # Given markup with a doctype and no declared type
    # When decoded
    result = decode(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    # Then it is judged HTML
    assert result.kind == "html"
    assert result.content_type == "text/html"


def test_decode_input_treats_untagged_text_as_text() -> None:
    result = decode(b"Headline\n\nA paragraph of text with a <b> in it.")
    assert result.kind == "text"


def test_decode_input_declared_type_wins_over_sniffing() -> None:
    assert decode(b"<p>not html after all</p>", "text/plain").kind == "text"
    assert decode(b"Plain words", "text/html; charset=utf-8").kind == "html"


@pytest.mark.parametrize(
    ("text", "encoding", "content_type"),
    [
        ("<html><head><meta charset='shift_jis'></head><p>日本語の記事です</p>", "shift_jis", None),
        (
            "<html><head><meta charset='windows-1252'></head><p>Café déjà vu — “quotes”</p>",
            "cp1252",
            None,
        ),
        ("Grüße aus Köln, schöne Straße", "latin-1", "text/plain; charset=ISO-8859-1"),
        ("<!DOCTYPE html><p>Привет, мир</p>", "utf-16", None),
        ("<!DOCTYPE html><p>Привет, мир</p>", "utf-8-sig", None),
    ],
)
def test_decode_input_honours_charset_sources(
    text: str, encoding: str, content_type: str | None
) -> None:
    # Given text encoded with a charset declared by header, meta or BOM
    # When decoded
    result = decode(text.encode(encoding), content_type)
    # Then the original characters come back
    assert result.text.lstrip("\ufeff") == text


def test_decode_input_inflates_gzip_transparently() -> None:
    result = decode(gzip.compress(b"<html><p>Zipped</p></html>"), "application/gzip")
    assert result.kind == "html"
    assert "Zipped" in result.text


def test_inflate_refuses_a_bomb_without_expanding_it() -> None:
    # Given 50 MB of zeros compressed to ~50 KB
    bomb = gzip.compress(b"\0" * 50_000_000)
    # When inflated with a 1 MB limit
    # Then it is refused
    with pytest.raises(InputTooLarge):
        inflate(bomb, limit=1_000_000)


def test_decode_input_refuses_oversized_input() -> None:
    with pytest.raises(InputTooLarge):
        decode(b"x" * (LIMITS["max_bytes"] + 1))


def test_decode_input_refuses_corrupt_gzip() -> None:
    with pytest.raises(BadInput):
        decode(b"\x1f\x8b\x08\x00garbage")


@pytest.mark.parametrize("raw", [b"", b"   \n\t "])
def test_decode_input_refuses_empty_input(raw: bytes) -> None:
    with pytest.raises(BadInput):
        decode(raw)


def test_decode_input_refuses_binary_bytes() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    with pytest.raises(UnsupportedMediaType):
        decode(png)


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "application/json"])
def test_decode_input_refuses_unsupported_media_types(content_type: str) -> None:
    with pytest.raises(UnsupportedMediaType):
        decode(b"whatever", content_type)
