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


@pytest.mark.parametrize(
    "start",
    [
        b"<script src='/cdn.js'></script><style>.a{}</style><!DOCTYPE html><html>",
        b"<style>body{}</style><div>",
        b"<link rel='stylesheet' href='/a.css'><p>",
        b"<table><tr><td>",
        b"<a href='/'>Home</a>",
    ],
)
def test_decode_input_sniffs_pages_that_start_with_other_tags(start: bytes) -> None:
    # Given a page that opens with a script, a style, a link, a table or a link (CDN
    # injections put these before the doctype), no declared type
    result = decode(start + b"<p>The article.</p></body></html>")
    # Then it is judged HTML (the WHATWG sniffing patterns), not pasted text
    assert result.kind == "html"


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


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "<html><body><h1>経済</h1><p>日本の経済は今年も成長を続けると政府は発表しました。</p>",
            "shift_jis",
        ),
        ("Le café était déjà fermé quand les élèves sont arrivés à l'école – « oui ».", "cp1252"),
        ("<!DOCTYPE html><html><body><p>Привет, мир: a page in UTF-16</p>", "utf-16-le"),
        ("Hello there, a plain UTF-16 paste without a byte-order mark.", "utf-16-be"),
    ],
)
def test_decode_input_detects_undeclared_charsets(text: str, encoding: str) -> None:
    # Given text in a legacy or UTF-16 encoding that nothing declares
    # When decoded
    result = decode(text.encode(encoding))
    # Then the original characters come back
    assert result.text == text


def test_decode_input_header_charset_wins_over_meta() -> None:
    # Given cp1252 bytes whose <meta> wrongly says utf-8, and a header that says cp1252
    page = "<html><head><meta charset='utf-8'></head><p>Été</p></html>"
    # When decoded
    result = decode(page.encode("cp1252"), "text/html; charset=windows-1252")
    # Then the header's charset was used
    assert "Été" in result.text


def test_decode_input_keeps_declared_utf8_and_marks_invalid_bytes() -> None:
    # Given a page declared UTF-8 with invalid bytes in it
    raw = b"<html><p>Bad \xff\xfe bytes \xc3\x28 here</p></html>"
    # When decoded
    result = decode(raw, "text/html; charset=utf-8")
    # Then it stays UTF-8 and the bad bytes become U+FFFD (cleaned later)
    assert result.encoding == "utf-8"
    assert "Bad \ufffd\ufffd bytes" in result.text


def test_decode_input_prefers_valid_utf8_over_detection() -> None:
    # Given undeclared UTF-8 with bidi and zero-width characters
    raw = "<html><p>Head\u202e\u200bline — “quoted”</p></html>".encode()
    # When decoded
    result = decode(raw)
    # Then it is read as UTF-8, not a statistical guess
    assert result.encoding == "utf-8"
    assert "Head\u202e\u200bline — “quoted”" in result.text


def test_decode_input_accepts_a_few_stray_nul_bytes() -> None:
    # Given a page with two NUL bytes in it
    raw = b"<html><body><h1>Nul\x00 head</h1><p>" + b"Words of text. " * 20 + b"\x00</p>"
    # When decoded
    result = decode(raw)
    # Then it is HTML, not refused as binary (the NULs are cleaned by normalize)
    assert result.kind == "html"


def test_decode_input_reads_the_xml_declaration_charset() -> None:
    raw = '<?xml version="1.0" encoding="windows-1252"?><html><p>Café</p></html>'
    assert "Café" in decode(raw.encode("cp1252")).text


def test_decode_input_valid_utf8_beats_a_meta_charset_its_bytes_break() -> None:
    # Given a UTF-8 page whose <meta> says GB2312 (seen on cn_People_2024_04_24)
    page = "<html><head><meta charset='GB2312'></head><p>头部 — “quoted” Café</p></html>"
    # When decoded
    result = decode(page.encode("utf-8"))
    # Then it is read as UTF-8
    assert result.encoding == "utf-8" and "头部 — “quoted” Café" in result.text


def test_decode_input_maps_web_charset_labels_to_their_supersets() -> None:
    # Given GBK text declared with the label pages use, GB2312
    page = "<html><head><meta charset='gb2312'></head><p>中国经济今年继续增长</p></html>"
    # When decoded / Then the label means GBK (gb18030), as browsers read it
    assert "中国经济今年继续增长" in decode(page.encode("gb18030")).text


def test_decode_input_valid_utf8_beats_a_single_byte_meta_charset() -> None:
    # Given a page that declares iso-8859-15 but whose bytes are UTF-8 ("más" is
    # valid in both: the declaration would turn it into "mÃ¡s")
    raw = "<html><head><meta charset='iso-8859-15'></head><p>más café</p>".encode()
    # When decoded without a header
    result = decode(raw)
    # Then the bytes win
    assert "más café" in result.text
    assert result.encoding == "utf-8"


def test_decode_input_a_single_byte_page_keeps_its_meta_charset() -> None:
    # Given a real iso-8859-15 page (its bytes are not valid UTF-8)
    raw = "<html><head><meta charset='iso-8859-15'></head><p>más €</p>".encode("iso8859-15")
    # When decoded
    result = decode(raw)
    # Then the declaration is honoured
    assert "más €" in result.text


@pytest.mark.parametrize(
    "label", ["rot13", "base64", "hex", "zlib", "uu", "idna", "utf-7", "unicode-escape"]
)
def test_decode_input_ignores_charset_labels_that_are_no_web_encoding(label: str) -> None:
    # Given a label Python's codec registry knows but the web does not, in a meta tag
    # and in the Content-Type header
    raw = f"<html><head><meta charset='{label}'></head><p>plain words</p>".encode()
    # When decoded
    from_meta = decode(raw)
    from_header = decode(raw, f"text/html; charset={label}")
    # Then the label is ignored like an unknown one
    assert "plain words" in from_meta.text and "plain words" in from_header.text


def test_the_lambda_modules_never_import_the_cli() -> None:
    # Given a fresh interpreter importing the upload handler's and the API's modules
    import subprocess
    import sys

    code = (
        "import sys, article_ingest.uploads, article_ingest.api.app, article_ingest.local.server;"
        "print(any(m.startswith('article_ingest.cli') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # Then the CLI is not among what they load (the CLI is a leaf)
    assert out.stdout.strip() == "False"
