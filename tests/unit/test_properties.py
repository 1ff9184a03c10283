"""Property tests: whatever bytes arrive, only the error hierarchy may escape."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from article_ingest.errors import IngestError
from article_ingest.normalize import clean_inline, http_url, iso_datetime
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


# --------------------------------------------------------------------------- cleaning
# Characters that must never reach an Article field (normalize.clean_inline's job).
INVISIBLES = "\x00\x01\x1b\x7f\x85\u00ad\u200b\u200e\u202a\u202e\u2066\u2069\ufeff\ufffd"


def _all_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _all_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _all_strings(v)]
    return []


@st.composite
def dirty_text(draw: st.DrawFn) -> str:
    """Words with invisible and control characters sprinkled in."""
    words = draw(st.lists(st.sampled_from(["storm", "river", "Köln", "東京", "x"]), min_size=1))
    noise = st.text(alphabet=INVISIBLES, max_size=3)
    return "".join(w + draw(noise) + " " for w in words)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dirty_text(), dirty_text(), dirty_text(), dirty_text())
def test_extract_no_field_keeps_invisible_characters(
    headline: str, author: str, caption: str, tag: str
) -> None:
    # Given a page whose every metadata source carries invisible characters
    paragraph = "The river rose overnight and the town opened two shelters for families. " * 3
    html = (
        f'<html><head><meta name="author" content="{author}"><meta name="keywords" '
        f'content="{tag}"><meta name="description" content="{caption}"></head><body>'
        f'<article><h1>{headline}</h1><p>{paragraph}{caption}</p><figure><img src="https://x.'
        f'example/a.jpg"><figcaption>{caption}</figcaption></figure><p>{paragraph}</p>'
        "</article></body></html>"
    )
    # When extracted
    try:
        article, _ = extract(RawInput(html.encode(), "text/html", "api"), SETTINGS)
    except IngestError:
        return
    # Then no string anywhere in the Article holds one
    for value in _all_strings(article.model_dump()):
        assert not set(value) & set(INVISIBLES), repr(value)


@given(st.text())
def test_clean_inline_is_idempotent_and_leaves_no_invisibles(text: str) -> None:
    cleaned = clean_inline(text)
    assert clean_inline(cleaned) == cleaned
    assert not set(cleaned) & set(INVISIBLES)


@given(st.text(max_size=60))
def test_http_url_and_iso_datetime_accept_only_their_shapes(text: str) -> None:
    url = http_url(text)
    assert url is None or url.lower().startswith(("http://", "https://"))
    value = iso_datetime(text)
    assert value is None or value[:4].isdigit()
