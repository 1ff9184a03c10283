"""Issue 13, rows 1, 2, 3, 6 and 11 (inputs): pathological text and markup within CPU
and memory bounds, transform 'charsets' ignored, every gzip member read, the bytes
winning over a byte-order mark that contradicts them. Timed in CPU seconds or by an
n-vs-4n ratio, never by the wall clock."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from article_ingest.extract import extract_html, extract_text
from article_ingest.inputs import MAX_MARKUP_TEXT_RUNS, decode_input
from article_ingest.models import Article

from .support import PARAGRAPH, SETTINGS, page, run

REPO = Path(__file__).resolve().parents[2]
MAX_GROWTH = 8.0  # n -> 4n: linear ~4x, quadratic ~16x
BOUND_RSS_MB = 256
BOUND_CPU_SECONDS = 10.0


def _cpu(function: object, *args: object) -> float:
    start = time.process_time()
    function(*args)  # type: ignore[operator]
    return time.process_time() - start


# ------------------------------------------------------------------ row 1 and row 6


@pytest.mark.parametrize(
    "line",
    ["By{} Jane Doe", "Von{} Hans Meier", "Written by{} Jane Doe"],
    ids=["spaces-after-by", "nbsp-after-von", "tabs-after-written-by"],
)
def test_row1_byline_with_a_long_blank_run_is_linear(line: str) -> None:
    # Given pasted text whose byline has a long run of blanks before the name
    # (quadratic at f73f428: 20k blanks 1.1 s, 80k 18 s; linear on this tree)
    blank = {"By": " ", "Von": "\xa0", "Written by": "\t"}[line.split("{}")[0]]

    def text(n: int) -> str:
        return f"Trams expand\n\n{line.format(blank * n)}\n\n{PARAGRAPH}\n\n{PARAGRAPH}"

    # When extracted with n and 4n blanks / Then the time grows linearly
    short, long = _cpu(extract_text, text(20_000)), _cpu(extract_text, text(80_000))
    assert long < 0.05 or long <= MAX_GROWTH * short, (short, long)


def test_row6_jsonld_author_followed_by_dots_is_linear() -> None:
    # Given a JSON-LD author name followed by tens of thousands of dots
    def html(n: int) -> str:
        author = {"@type": "Person", "name": "Jane Doe" + "." * n}
        ld = json.dumps({"@type": "NewsArticle", "headline": "T", "author": author})
        return page(
            f"<article><h1>T</h1><p>{PARAGRAPH}</p></article>",
            f'<script type="application/ld+json">{ld}</script>',
        ).decode()

    # When extracted with n and 4n dots / Then the time grows linearly (it is ~11x)
    short, long = _cpu(extract_html, html(15_000)), _cpu(extract_html, html(60_000))
    assert long < 0.05 or long <= MAX_GROWTH * short, (short, long)


# ------------------------------------------------------------------ row 2


@pytest.mark.parametrize("label", ["rot13", "base64", "hex", "idna", "zlib", "uu", "utf-7"])
def test_row2_transform_charsets_are_ignored_like_unknown_labels(label: str) -> None:
    # Given a page declaring a codec that is no WHATWG encoding, in meta and header
    data = page(f"<h1>Café</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>", f'<meta charset="{label}">')
    # When extracted / Then it is read as if undeclared (UTF-8 here), no crash
    for content_type in (None, f"text/html; charset={label}"):
        article = run(data, content_type)
        assert isinstance(article, Article) and "Café" in article.headline


# ------------------------------------------------------------------ row 3

_SHAPE_PROBE = """
import gzip, sys, time
from article_ingest.errors import IngestError
from article_ingest.service import RawInput, extract
from article_ingest.settings import Settings
data = gzip.compress(sys.stdin.buffer.read(), 1)
start = time.process_time()
try:
    extract(RawInput(data, sys.argv[1], "api"), Settings())
    outcome = "article"
except IngestError as exc:
    outcome = exc.code
cpu = time.process_time() - start
# VmHWM: this process's peak (ru_maxrss keeps the forking parent's, larger, peak)
status = open("/proc/self/status").read()
peak_kb = int(status.split("VmHWM:")[1].split()[0])
print(outcome, cpu, peak_kb / 1024)
"""
PATHOLOGICAL_SHAPES = {
    # the three, at 16 MB inflated
    "15M-blanks-in-a-line": (b"x" + b" " * 15_000_000 + b"y\n", "text/plain"),
    "1.7M-unclosed-cells": (b"<table>" + b"<td>x" * 1_700_000, "text/html"),
    "5M-short-lines": (b"a\n" * 5_000_000, "text/plain"),
    # and the costliest shapes just under the limits
    "short-paragraphs-at-the-limit": (
        b"<h1>T</h1>" + b"<p>a</p>" * (MAX_MARKUP_TEXT_RUNS - 100),
        "text/html",
    ),
    "15M-blanks-in-html": (b"<h1>T</h1><p>x" + b" " * 15_000_000 + b"y</p>", "text/html"),
    # the costliest accepted shape found: one 16 MB paragraph (~236 MB)
    "16MB-one-paragraph": (b"<h1>T</h1><p>" + b"word " * 3_190_000 + b"</p>", "text/html"),
    "16MB-of-prose": (
        (b"<h1>T</h1>" + (b"<p>" + PARAGRAPH.encode() * 8 + b"</p>\n") * 11_000),
        "text/html",
    ),
}


@pytest.mark.parametrize("shape", list(PATHOLOGICAL_SHAPES))
def test_row3_gzip_of_pathological_shape_is_bounded(shape: str) -> None:
    # Given 15 KB - 1 MB of gzip inflating to up to 16 MB of pathological shape
    data, content_type = PATHOLOGICAL_SHAPES[shape]
    # When extracted in a process of its own (to read its peak memory)
    done = subprocess.run(
        [sys.executable, "-c", _SHAPE_PROBE, content_type],
        input=data,
        capture_output=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "layers" / "common"), "PATH": "/usr/bin:/bin"},
    )
    outcome, cpu, rss = done.stdout.split()
    # Then it is answered (an Article or 413) within 10 s of CPU and 256 MB
    assert outcome.decode() in ("article", "too_large", "no_article")
    assert float(cpu) <= BOUND_CPU_SECONDS and float(rss) <= BOUND_RSS_MB, (cpu, rss)


# ------------------------------------------------------------------ row 11


def _decode(raw: bytes, content_type: str | None = None) -> str:
    return decode_input(
        raw,
        content_type=content_type,
        max_bytes=SETTINGS.max_input_bytes,
        max_decompressed_bytes=SETTINGS.max_decompressed_bytes,
    ).text


def test_row11_every_gzip_member_is_read() -> None:
    # Given a page gzipped in two members (concatenated .gz files are one file)
    first, second = page(f"<p>{PARAGRAPH}</p>")[:40], page(f"<p>{PARAGRAPH}</p>")[40:]
    data = gzip.compress(first) + gzip.compress(second) + b"\x00" * 8
    # When decoded / Then both members are there (the second was dropped)
    assert _decode(data) == (first + second).decode()


def test_row11_gzip_members_share_one_size_limit() -> None:
    # Given members each under the limit, together over it
    member = gzip.compress(b"a" * 9_000_000)
    # Then the whole is refused as too large, without inflating past the limit
    assert run(member + member) == "too_large"


@pytest.mark.parametrize(
    "data",
    [gzip.compress(b"<p>x</p>")[:-6], gzip.compress(b"<p>x</p>") + b"junk"],
    ids=["truncated", "trailing-garbage"],
)
def test_row11_truncated_or_padded_gzip_is_bad_request(data: bytes) -> None:
    assert run(data) == "bad_request"


def _wrapped(body: str, encoding: str) -> bytes:
    return f"<html><body><p>{body}</p></body></html>".encode(encoding)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbf" + _wrapped("Café crème brûlée", "cp1252"), "Café crème brûlée"),
        (b"\xff\xfe" + _wrapped("Café crème brûlée", "utf-8"), "Café crème brûlée"),
        (b"\xfe\xff" + _wrapped("plain ASCII page", "ascii"), "plain ASCII page"),
        (b"\xff\xfe" + _wrapped("Café", "utf-16-le"), "Café"),  # a BOM that is right
    ],
    ids=["utf8-bom-cp1252-bytes", "utf16-bom-utf8-bytes", "utf16be-bom-ascii", "honest-bom"],
)
def test_row11_bytes_win_over_a_contradicting_bom(data: bytes, expected: str) -> None:
    # Given a byte-order mark the bytes after it contradict (or, last, one they bear out)
    # When decoded / Then the bytes decide: no accented letter is lost
    assert expected in _decode(data)
