"""The service with an in-memory fake store: normalisation, ids, errors."""

from __future__ import annotations

from typing import Any

import pytest

from article_ingest.errors import ArticleNotFound, BadInput, NoArticleFound
from article_ingest.models import Article, ArticleInput, ArticleList, IngestStatus
from article_ingest.service import RawInput, extract, ingest, raw_from_json
from article_ingest.settings import Settings

PARAGRAPH = (
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "a project that officials say will take five years and cost about 400 million euros."
)
HTML = f"""<!DOCTYPE html><html lang="en"><head><title>Trams expand | City Paper</title>
<link rel="canonical" href="https://paper.example/trams"></head>
<body><article><h1>Trams\u00a0expand</h1><p>{PARAGRAPH}</p><p>Second: {PARAGRAPH}</p>
<p>Third: {PARAGRAPH}</p></article></body></html>"""


class FakeStore:
    """An ArticleStore in a dict, for service tests that need no AWS."""

    def __init__(self) -> None:
        self.articles: dict[str, Article] = {}
        self.raw: dict[str, bytes] = {}

    def raw_key(self, article_id: str, raw: bytes) -> str:
        return f"raw/{article_id}/{len(raw)}"

    def article_key(self, article: Article) -> str:
        return f"articles/{article.id}/{article.content_sha256}.json"

    def save(
        self, article: Article, raw: bytes | None, **write: str | None
    ) -> tuple[IngestStatus, Article]:
        old = self.articles.get(article.id)
        if old and old.content_sha256 == article.content_sha256:
            return "unchanged", old
        self.articles[article.id] = article
        if raw is not None and article.source.raw_key:
            self.raw[article.source.raw_key] = raw
        return ("updated" if old else "created"), article

    def get(self, article_id: str) -> Article:
        if article_id not in self.articles:
            raise ArticleNotFound(article_id)
        return self.articles[article_id]

    def list(self, **kwargs: Any) -> ArticleList:
        return ArticleList(items=[])


@pytest.fixture
def settings() -> Settings:
    return Settings()


def test_extract_html_builds_a_normalised_article(settings: Settings) -> None:
    # Given an HTML page with a canonical URL
    raw = RawInput(HTML.encode(), "text/html", "cli")
    # When extracted
    article, decoded = extract(raw, settings)
    # Then the text is normalised and the derived fields are filled
    assert decoded.kind == "html"
    assert article.headline == "Trams expand"
    assert article.body.count("\n\n") == 2
    assert article.word_count == 3 * len(PARAGRAPH.replace(",", "").split()) + 2
    assert article.canonical_url == "https://paper.example/trams"
    assert len(article.content_sha256) == 64
    assert article.source.kind == "html" and article.source.via == "cli"


def test_extract_id_is_stable_across_urls_with_tracking_parameters(settings: Settings) -> None:
    a, _ = extract(
        RawInput(PARAGRAPH.encode(), "text/plain", "api", url="https://x.example/a?utm_source=t"),
        settings,
    )
    b, _ = extract(
        RawInput(PARAGRAPH.encode(), "text/plain", "api", url="https://x.example/a"), settings
    )
    assert a.id == b.id


def test_extract_refuses_a_url_that_is_not_http(settings: Settings) -> None:
    with pytest.raises(BadInput):
        extract(RawInput(b"text", "text/plain", "api", url="file:///etc/passwd"), settings)


def test_extract_can_ignore_a_bad_url_with_a_warning(settings: Settings) -> None:
    # Given a batch input whose url is a corpus key, not a URL
    raw = RawInput(HTML.encode(), "text/html", "cli", url="hard::page.html")
    # When extracted leniently (the CLI's batches)
    article, _ = extract(raw, settings, ignore_bad_url=True)
    # Then the page is extracted without the url and the warning says so
    assert article.url is None
    assert article.headline == "Trams expand"
    assert article.extraction.warnings == ["url_ignored"]


def test_extract_flags_a_short_body(settings: Settings) -> None:
    # Given a page whose only text is one sentence
    html = b"<html><body><article><h1>Flash</h1><p>Markets closed early today.</p></article>"
    # When extracted
    article, _ = extract(RawInput(html, "text/html", "api"), settings)
    # Then the body is kept and flagged as short
    assert article.body == "Markets closed early today."
    assert "body_short" in article.extraction.warnings


def test_extract_without_text_is_no_article(settings: Settings) -> None:
    with pytest.raises(NoArticleFound):
        extract(RawInput(b"<html><body><nav></nav></body></html>", "text/html", "api"), settings)


def test_raw_from_json_requires_exactly_one_of_html_or_text() -> None:
    with pytest.raises(BadInput):
        raw_from_json(ArticleInput(), via="api")
    with pytest.raises(BadInput):
        raw_from_json(ArticleInput(html="<p>a</p>", text="a"), via="api")
    raw = raw_from_json(ArticleInput(text="a", url="https://x.example/"), via="api")
    assert raw.content_type is not None and raw.content_type.startswith("text/plain")


def test_ingest_twice_reports_unchanged_and_keeps_the_raw_input(settings: Settings) -> None:
    # Given a store
    store = FakeStore()
    raw = RawInput(HTML.encode(), "text/html", "api")
    # When the same page is ingested twice
    first = ingest(raw, settings, store)
    second = ingest(raw, settings, store)
    # Then it is created once, unchanged the second time, with its raw input kept
    assert (first.status, second.status) == ("created", "unchanged")
    assert second.article.id == first.article.id
    assert store.raw[first.article.source.raw_key or ""] == HTML.encode()


def test_ingest_from_s3_keeps_the_incoming_key_as_raw(settings: Settings) -> None:
    store = FakeStore()
    raw = RawInput(HTML.encode(), "text/html", "s3", raw_key="incoming/a.html")
    result = ingest(raw, settings, store)
    assert result.article.source.raw_key == "incoming/a.html"
    assert store.raw == {}


def test_extract_keeps_the_visible_headline_only_when_it_differs(settings: Settings) -> None:
    # Given a page whose og:title differs from its h1, and one where they agree
    differ = HTML.replace("<title>Trams expand | City Paper</title>", "").replace(
        "<head>", "<head><meta property='og:title' content='Tram network grows'>"
    )
    same = HTML.replace("<head>", "<head><meta property='og:title' content='Trams expand'>")
    # When extracted
    a, _ = extract(RawInput(differ.encode(), "text/html", "api"), settings)
    b, _ = extract(RawInput(same.encode(), "text/html", "api"), settings)
    # Then display_headline holds the h1 only where it says something else
    assert (a.headline, a.display_headline) == ("Tram network grows", "Trams expand")
    assert (b.headline, b.display_headline) == ("Trams expand", None)


def test_provenance_values_are_a_documented_vocabulary(settings: Settings) -> None:
    # Given the Article's JSON Schema
    schema = Article.model_json_schema()
    info = schema["$defs"]["ExtractionInfo"]["properties"]["provenance"]
    # Then provenance values are an enumeration a client can rely on
    assert "json-ld" in info["additionalProperties"]["enum"]
    # And an extraction only ever uses values of it
    article, _ = extract(RawInput(HTML.encode(), "text/html", "api"), settings)
    assert set(article.extraction.provenance.values()) <= set(info["additionalProperties"]["enum"])
