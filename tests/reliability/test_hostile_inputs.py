"""Hostile and broken inputs: each is extracted or refused with one of errors.py's
codes, in bounded time, and nothing invisible or unsafe reaches the Article."""

from __future__ import annotations

import gzip

import pytest

from article_ingest.models import Article

from .support import PARAGRAPH, page, run

ARTICLE = f"<article><h1>Trams expand</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>"
# Characters that hide or reorder text: they must not survive in any field.
INVISIBLE = "\u202e\u200b\u2066\x00\ufeff\u00ad"
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + ']><html xmlns="http://www.w3.org/1999/xhtml"><body><h1>&lol9;</h1>'
    + f"<p>&lol9; {PARAGRAPH}</p><p>{PARAGRAPH}</p></body></html>"
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<html><body><h1>Title</h1><p>&xxe; {PARAGRAPH}</p><p>{PARAGRAPH}</p></body></html>"
)


def _strings(article: Article) -> list[str]:
    """Every text value of the Article, images and provenance included."""
    values: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            values.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(article.model_dump())
    return values


def test_extract_empty_input_is_bad_request() -> None:
    assert run(b"") == "bad_request"
    assert run(b" \n\t ", "text/plain") == "bad_request"


def test_extract_binary_input_is_unsupported_media_type() -> None:
    assert run(bytes(range(256)) * 64) == "unsupported_media_type"
    assert run(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png") == "unsupported_media_type"


def test_extract_oversized_input_is_too_large_before_parsing() -> None:
    # Given 5 MB of markup (over the 4.5 MB default)
    # When extracted / Then refused with 413's code, without parsing it
    assert run(b"<p>" + b"x" * 5_000_000) == "too_large"


def test_extract_gzip_bomb_is_too_large() -> None:
    assert run(gzip.compress(b"a" * 100_000_000), "application/gzip") == "too_large"


def test_extract_invisible_characters_leave_no_field() -> None:
    # Given invisible/bidi characters in every metadata source and the body
    e = INVISIBLE
    head = (
        f'<title>T{e}</title><meta name="description" content="Desc{e} here">'
        f'<meta name="author" content="Jane{e} Doe"><meta name="keywords" content="a{e},b">'
        f'<meta property="article:published_time" content="2025-01-02T03:04:05Z{e}">'
        f'<link rel="canonical" href="https://ex.com/a{e}b">'
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Head'
        + e.replace("\x00", "")
        + 'line","inLanguage":"en-GB","author":{"@type":"Person","name":"Bob Smith"}}</script>'
    )
    body = (
        f"<article><h1>Head{e}line</h1><p>{PARAGRAPH}{e}</p><figure>"
        f'<img src="https://ex.com/i.jpg"><figcaption>Cap{e}tion</figcaption></figure>'
        f"<p>{PARAGRAPH}</p></article>"
    )
    # When extracted
    article = run(page(body, head))
    # Then no field holds any of them
    assert isinstance(article, Article)
    for value in _strings(article):
        assert not set(value) & set(INVISIBLE), value
    assert article.headline == "Headline"


def test_extract_invalid_utf8_leaves_no_replacement_characters() -> None:
    data = b"<html><body><h1>Bad \xff\xfe bytes</h1><p>" + PARAGRAPH.encode() * 2 + b"\xc3(</p>"
    article = run(data, "text/html; charset=utf-8")
    assert isinstance(article, Article)
    assert all("\ufffd" not in value for value in _strings(article))


def test_extract_keeps_only_http_image_urls_and_valid_metadata() -> None:
    # Given hostile URLs, a non-date and a non-language from the page's metadata
    head = (
        '<meta property="article:published_time" content="yesterday at noon">'
        '<meta property="article:modified_time" content="2025-13-45T99:00">'
        '<link rel="canonical" href="javascript:alert(1)">'
        '<script type="application/ld+json">{"@type":"NewsArticle","inLanguage":"english",'
        '"image":["javascript:alert(1)","data:image/png;base64,AAA","file:///etc/passwd",'
        '"https://ex.com/ok.jpg"]}</script>'
    )
    body = ARTICLE.replace("</h1>", '</h1><img src="ftp://ex.com/x.jpg">')
    # When extracted
    article = run(page(body, head))
    # Then only valid values are kept
    assert isinstance(article, Article)
    assert article.published_at is None and article.modified_at is None
    assert article.language is None and article.canonical_url is None
    assert all(i.url is None or i.url.startswith(("http://", "https://")) for i in article.images)


def test_extract_given_url_must_be_http() -> None:
    for url in ("javascript:alert(1)", "file:///etc/passwd", "http://ex.com/a b", "x" * 3000):
        assert run(page(ARTICLE), "text/html", url) == "bad_request"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(page("<div>" * 100_000 + PARAGRAPH * 5), id="100k-nested-divs"),
        pytest.param(page("<span><b>" * 50_000 + PARAGRAPH * 5), id="100k-nested-inline"),
        pytest.param(
            page("<article>" * 100 + f"<p>{PARAGRAPH}</p>" * 10_000),
            id="10k-paragraphs-in-nested-articles",
        ),
        pytest.param(page(f'<p title="{"x" * 4_000_000}">{PARAGRAPH}</p>'), id="4MB-attribute"),
        pytest.param(page(("<p>" + PARAGRAPH) * 5000), id="5000-unclosed-tags"),
        pytest.param(page("<p>" + "&amp;" * 800_000 + "</p>" + ARTICLE), id="800k-entities"),
        pytest.param(BILLION_LAUGHS.encode(), id="billion-laughs"),
        pytest.param(XXE.encode(), id="xxe-external-entity"),
        pytest.param(("x\n" * 2_000_000).encode(), id="2M-short-lines-text"),
        pytest.param(("x" + " " * 1_000_000 + "y").encode(), id="1M-blank-run-text"),
    ],
)
def test_extract_pathological_markup_is_bounded(data: bytes) -> None:
    # Given pathological markup / When extracted
    outcome = run(data, "application/xhtml+xml" if data.startswith(b"<?xml") else None)
    # Then it is an Article or a refusal (and run() bounded its time)
    assert isinstance(outcome, Article) or outcome in ("no_article", "too_large")


@pytest.mark.parametrize("data", [BILLION_LAUGHS.encode(), XXE.encode()])
def test_extract_never_expands_entities_from_a_doctype(data: bytes) -> None:
    article = run(data, "application/xhtml+xml")
    assert isinstance(article, Article)
    assert "lollol" not in article.body and "root:" not in article.body


def test_extract_one_long_word_of_text_is_bounded() -> None:
    # Given a pasted text whose only line is one 25,000-letter word (once ~18 s: the
    # name regexes backtracked at every position)
    # When extracted / Then within the bound
    run(b"a" * 25_000, "text/plain")


def test_extract_200k_table_cells_is_bounded() -> None:
    # Given 200,000 unclosed table cells (1.8 MB; once > 14 s: every cell was a byline
    # and date candidate)
    # When extracted / Then within the bound
    run(page("<table>" + "<tr><td>x" * 200_000))
