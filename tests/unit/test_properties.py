"""Property tests: whatever bytes arrive, only the error hierarchy may escape."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from article_ingest.errors import IngestError
from article_ingest.service import RawInput, extract
from article_ingest.settings import Settings

SETTINGS = Settings(max_input_bytes=200_000, max_decompressed_bytes=400_000)
TAGS = [
    "p",
    "div",
    "span",
    "h1",
    "h2",
    "article",
    "main",
    "section",
    "li",
    "ul",
    "a",
    "script",
    "style",
    "figure",
    "figcaption",
    "time",
    "meta",
    "br",
    "table",
    "td",
]
ENCODINGS = ["utf-8", "utf-16", "cp1252", "latin-1", "shift_jis", "koi8-r", "gb18030"]
CONTENT_TYPES = [
    None,
    "text/html",
    "text/plain",
    "application/octet-stream",
    "text/html; charset=utf-8",
    "text/plain; charset=shift_jis",
    "image/png",
]


@st.composite
def html_trees(draw: st.DrawFn, depth: int = 0) -> str:
    """Random, often malformed, HTML: nested tags, attributes, text, JSON-LD-ish scripts."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 5))
        if choice == 0 or depth > 5:
            parts.append(draw(st.text(max_size=80)))
        elif choice == 1:
            parts.append(
                '<script type="application/ld+json">' + draw(st.text(max_size=60)) + "</script>"
            )
        elif choice == 2:
            parts.append(f"<{draw(st.sampled_from(TAGS))}>")  # unclosed
        else:
            tag = draw(st.sampled_from(TAGS))
            attr = draw(
                st.sampled_from(
                    [
                        "",
                        ' class="share"',
                        ' itemprop="author"',
                        ' datetime="2025-13-45T99:00"',
                        ' property="og:title"',
                        ' content="x"',
                        ' href="javascript:x"',
                    ]
                )
            )
            parts.append(f"<{tag}{attr}>{draw(html_trees(depth + 1))}</{tag}>")
    return "".join(parts)


def check(raw: RawInput) -> None:
    try:
        article, _ = extract(raw, SETTINGS)
    except IngestError:
        return
    assert article.body.strip()
    assert "\x00" not in article.body


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000), st.sampled_from(CONTENT_TYPES))
def test_extract_random_bytes_raise_only_ingest_errors(
    data: bytes, content_type: str | None
) -> None:
    check(RawInput(data, content_type, "api"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_trees(), st.sampled_from(ENCODINGS))
def test_extract_random_html_in_random_encodings_raise_only_ingest_errors(
    html: str, encoding: str
) -> None:
    data = ("<!DOCTYPE html><html><body>" + html + "</body></html>").encode(
        encoding, errors="replace"
    )
    check(RawInput(data, None, "api"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_extract_random_text_raise_only_ingest_errors(text: str) -> None:
    check(RawInput(text.encode("utf-8", errors="surrogatepass"), "text/plain", "api"))


def test_extract_deeply_nested_html_is_bounded() -> None:
    # Given 100k nested elements
    html = "<!DOCTYPE html><html><body>" + "<div>" * 100_000 + "deep text " * 50
    # When extracted, it is extracted or refused, never a crash
    check(RawInput(html.encode(), "text/html", "api"))


def test_extract_megabyte_attribute_is_bounded() -> None:
    html = (
        '<!DOCTYPE html><html><body><p title="'
        + "x" * 2_000_000
        + '">'
        + "A sentence of article text. " * 40
        + "</p></body></html>"
    )
    check(RawInput(html.encode(), "text/html", "api"))
