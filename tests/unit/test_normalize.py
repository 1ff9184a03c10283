"""Normalisation helpers: clean text, ids, tickers."""

from __future__ import annotations

import pytest

from article_ingest.normalize import (
    article_id,
    clean_inline,
    find_tickers,
    http_url,
    iso_datetime,
    language_code,
    normalise_url,
    word_count,
)


def test_clean_inline_collapses_space_and_removes_invisibles() -> None:
    # Given NBSP, zero-width, bidi override and NUL characters
    text = "Hello\u00a0world\u200b \u202eevil\u202c\x00 e\u0301"
    # Then they are gone, spaces collapsed, and the text is NFC
    assert clean_inline(text) == "Hello world evil \u00e9"


def test_normalise_url_drops_tracking_fragment_and_case() -> None:
    url = "HTTPS://Example.COM/news/story/?utm_source=x&id=3#top"
    assert normalise_url(url) == "https://example.com/news/story?id=3"


def test_article_id_prefers_canonical_url_then_url_then_content() -> None:
    by_canonical = article_id(
        canonical_url="https://a.com/x", url="https://b.com/y", content_sha256="0" * 64
    )
    by_url = article_id(canonical_url=None, url="https://b.com/y", content_sha256="0" * 64)
    by_content = article_id(canonical_url=None, url=None, content_sha256="0" * 64)
    assert len({by_canonical, by_url, by_content}) == 3
    assert by_canonical == article_id(
        canonical_url="https://a.com/x/?utm_medium=m", url=None, content_sha256="1" * 64
    )


def test_find_tickers_takes_cashtags_exchange_symbols_and_named_securities() -> None:
    text = (
        "The SPDR S&P 500 ETF (SPY) rose; Apple Inc. (AAPL) fell; $TSLA flat; "
        "shares of IBM (NYSE: IBM) too."
    )
    assert find_tickers(text) == ["AAPL", "IBM", "SPY", "TSLA"]


def test_find_tickers_ignores_abbreviations_in_parentheses() -> None:
    text = (
        "The North Atlantic Treaty Organization (NATO) met the European Union (EU) "
        "and the chief executive (CEO) of the World Health Organization (WHO)."
    )
    assert find_tickers(text) == []


def test_word_count_counts_unicode_words() -> None:
    assert word_count("Grüße aus Köln — 3 Wörter?") == 5


def test_clean_inline_removes_replacement_characters() -> None:
    # Given text with U+FFFD where invalid bytes were
    # When cleaned / Then they are gone
    assert clean_inline("Bad \ufffd\ufffd bytes") == "Bad bytes"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-10-23T05:40:00-04:00", "2025-10-23T05:40:00-04:00"),
        ("2025-10-23T05:40:00Z", "2025-10-23T05:40:00Z"),
        ("2025-10-23", "2025-10-23"),
        ("2025-10-23T05:40:00.123+05:30\u202e", "2025-10-23T05:40:00.123+05:30"),
        ("2025-13-45T99:00", None),
        ("yesterday at noon", None),
        ("2025-10-23T05:40:00Z<script>", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_datetime_keeps_only_valid_iso_values(value: str | None, expected: str | None) -> None:
    assert iso_datetime(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en", "en"), ("en-US", "en"), ("PT_br", "pt"), ("english", None), ("x\u202e", None)],
)
def test_language_code_is_iso_639_1_or_none(value: str, expected: str | None) -> None:
    assert language_code(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://ex.com/a", "https://ex.com/a"),
        ("HTTP://ex.com/a\u200b", "http://ex.com/a"),
        ("javascript:alert(1)", None),
        ("data:image/png;base64,AAAA", None),
        ("file:///etc/passwd", None),
        ("//ex.com/relative.jpg", None),
        ("https://ex.com/a b", None),
        ("https://" + "a" * 2100, None),
        ("http://[::1", None),
    ],
)
def test_http_url_keeps_only_absolute_http_urls(value: str, expected: str | None) -> None:
    assert http_url(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Given characters a URI may not hold / Then they are percent-encoded
        ("https://ex.com/a\"b<c>'d`", "https://ex.com/a%22b%3Cc%3E%27d%60"),
        ('https://ex.com/straße?q=ä#x"', "https://ex.com/stra%C3%9Fe?q=%C3%A4#x%22"),
        ("https://ex.com/a%20b%zz", "https://ex.com/a%20b%25zz"),
        # a non-ASCII host is IDNA-encoded, a numeric one written as dotted IPv4
        ("https://bücher.de/", "https://xn--bcher-kva.de/"),
        ("http://0x08080808/x", "http://8.8.8.8/x"),
        # credentials, backslashes, bad ports and hosts are refused
        ("http://user:pw@ex.com/", None),
        ("http://ex.com\\@good.com/", None),
        ("http://ex.com:99999/", None),
        ("http://256.1.1.1/", None),
        ("http://ex..com/", None),
    ],
)
def test_http_url_percent_encodes_and_refuses_malformed_urls(
    value: str, expected: str | None
) -> None:
    # When the URL is normalised
    assert http_url(value) == expected
    # Then normalising it again changes nothing
    assert expected is None or http_url(expected) == expected


@pytest.mark.parametrize(
    "value",
    [
        "http://169.254.169.254/latest/meta-data",
        "http://2852039166/",
        "http://0xA9FEA9FE/",
        "http://0251.0376.0251.0376/",
        "http://127.0.0.1/",
        "http://10.1.2.3/a.jpg",
        "http://192.168.0.1/a.jpg",
        "http://[::1]/a.jpg",
        "http://[fe80::1]/a.jpg",
        "http://[::ffff:169.254.169.254]/",
        "http://localhost/a.jpg",
        "http://intranet/a.jpg",
    ],
)
def test_http_url_public_drops_private_loopback_and_link_local_hosts(value: str) -> None:
    # Given a URL to an address inside a network / When a public URL is asked for
    # Then it is dropped (while it is still a well-formed URL)
    assert http_url(value, public=True) is None
    assert http_url(value) is not None


def test_http_url_public_keeps_global_hosts() -> None:
    assert http_url("https://img.ex.com/a.jpg", public=True) == "https://img.ex.com/a.jpg"
    assert http_url("http://8.8.8.8/a.jpg", public=True) == "http://8.8.8.8/a.jpg"
