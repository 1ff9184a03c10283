"""The contract: the Article (schema_version 2) and the API's request/response models.

Every boundary of the service speaks these models: the extractors fill an
`ExtractedArticle`, the service turns it into an `Article`, the store persists
Articles, and the handlers validate requests and serialise responses with them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[2] = 2

InputKind = Literal["html", "text"]
Via = Literal["api", "s3", "cli"]
# What a client should know about an extraction that is less sure than usual. The
# Article is still complete and valid; these say which part to double-check.
ExtractionWarning = Literal[
    "body_fallback",  # the content finder failed; the body is the page's readable text
    "body_from_metadata",  # the body is the page's structured-data copy (JSON-LD articleBody)
    "body_short",  # the body is under BODY_SHORT_WORDS words: maybe a teaser or a stub
    "url_ignored",  # the given url was not an absolute http(s) URL and was left out
    "body_truncated",  # the body was cut to fit the response bound (MAX_ARTICLE_BYTES)
    "images_truncated",  # images were left out to fit the response bound
    "published_is_revision",  # no publication date stated: published_at is the revision date
]
# Where a field of the Article came from (ExtractionInfo.provenance's values).
Provenance = Literal[
    "json-ld",  # the page's JSON-LD
    "meta",  # <meta> tags (OpenGraph, Dublin Core, article:*, ...)
    "microdata",  # itemprop markup
    "h1",  # the visible headline
    "title",  # the <title>
    "html-lang",  # <html lang>
    "url",  # the page's URL (a date in its path)
    "byline-text",  # a visible byline
    "dateline-text",  # a visible dateline near the headline
    "lead-paragraph",  # a first paragraph opening with its date
    "signed-line",  # a signed footer line ("Posted by X on <date>")
    "script-data",  # a publication key in a script's data
    "copyright-line",  # a copyright footer
    "headline-line",  # a paste's headline line
    "standfirst-line",  # a paste's standfirst line
    "bullet-lines",  # a paste's key-point bullets
    "lead-element",  # an HTML standfirst element
    "recall-pass",  # the body's recall pass (a fallback)
    "readable-text",  # the page's readable text (a fallback)
    "metadata",  # the page's declared description as the body (a fallback)
    "revision",  # the page's revision date: it states no publication date (a fallback)
]
# A body under this many words is flagged: a real article rarely is (the shortest
# dev truths are news flashes of ~40 words).
BODY_SHORT_WORDS = 30


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Image(_Model):
    """An image of the article; captions and credits live here, never in the body."""

    url: str | None = None
    caption: str | None = None
    credit: str | None = None


BlockType = Literal["heading", "paragraph", "list", "quote", "table", "code"]


class ContentBlock(_Model):
    """One block of the body in reading order: what the page set as a heading, a
    paragraph, a list, a quote, a table or code. Every text is plain text.

    `text` holds the block as plain text; for lists and tables one line per item or
    row, which is how `body` spells them (one paragraph each).
    """

    type: BlockType
    text: str
    level: int | None = Field(default=None, ge=1, le=6, description="headings: 1-6")
    ordered: bool | None = Field(default=None, description="lists: numbered or not")
    items: list[str] | None = Field(default=None, description="lists: the items")
    rows: list[list[str]] | None = Field(default=None, description="tables: rows of cells")


class Source(_Model):
    """How the input reached the service."""

    kind: InputKind
    content_type: str
    bytes: int = Field(ge=0)
    via: Via
    raw_key: str | None = Field(default=None, description="S3 key of the input as received")
    received_at: str = Field(description="ISO 8601 UTC time the input was received")


class ExtractionInfo(_Model):
    """Which extractor produced the record and where each metadata field came from."""

    extractor_version: str
    provenance: dict[str, Provenance] = Field(
        default_factory=dict,
        description="field name -> where it came from (json-ld, meta, byline-text, url, ...)",
    )
    warnings: list[ExtractionWarning] = Field(
        default_factory=list,
        description="what is less sure than usual (body_fallback, body_short, ...)",
    )


class Article(_Model):
    """The normalised article: the one document the service returns and stores."""

    schema_version: Literal[2] = SCHEMA_VERSION
    id: str = Field(description="From the canonical URL when known, else from the body")
    url: str | None = None
    canonical_url: str | None = None
    headline: str = Field(
        description="The title the publisher declares (JSON-LD, og:title), without site name"
    )
    display_headline: str | None = Field(
        default=None, description="The visible headline (h1, pasted title) when it differs"
    )
    authors: list[str] = Field(default_factory=list)
    published_at: str | None = Field(
        default=None, description="ISO 8601 with the source's own offset; null when unknown"
    )
    modified_at: str | None = None
    publisher: str | None = None
    language: str | None = Field(default=None, description="ISO 639-1")
    description: str | None = None
    summary: list[str] = Field(default_factory=list)
    body: str = Field(description="Paragraphs separated by a blank line")
    blocks: list[ContentBlock] = Field(
        default_factory=list, description="The body as structure: headings, lists, quotes ..."
    )
    images: list[Image] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    tickers: list[str] = Field(default_factory=list)
    word_count: int = Field(ge=0)
    content_sha256: str
    source: Source
    extraction: ExtractionInfo


class ExtractedArticle(BaseModel):
    """What an extractor hands the service: raw fields, before normalisation.

    Extractors fill what they find and leave the rest empty; the service
    normalises text, derives ids, hashes, tickers and word counts.
    """

    headline: str = ""
    display_headline: str = ""
    authors: list[str] = Field(default_factory=list)
    published_at: str | None = None
    modified_at: str | None = None
    publisher: str | None = None
    language: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    summary: list[str] = Field(default_factory=list)
    paragraphs: list[str] = Field(default_factory=list)
    # The body as structure; when set, `paragraphs` is derived from it (blocks.py).
    blocks: list[ContentBlock] = Field(default_factory=list)
    images: list[Image] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    tickers: list[str] = Field(default_factory=list)
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    warnings: list[ExtractionWarning] = Field(default_factory=list)


# --------------------------------------------------------------------------- API


class ArticleInput(_Model):
    """JSON body of POST /articles and POST /extract: exactly one of html or text."""

    html: str | None = None
    text: str | None = None
    url: str | None = Field(default=None, max_length=2048)


class ErrorDetail(_Model):
    code: str
    message: str


class ErrorResponse(_Model):
    error: ErrorDetail


class ArticleSummary(_Model):
    """One row of GET /articles: the DynamoDB index item."""

    id: str
    headline: str
    publisher: str | None = None
    published_at: str | None = None
    url: str | None = None
    content_sha256: str
    s3_key: str
    ingested_at: str


class ArticleList(_Model):
    items: list[ArticleSummary]
    next_cursor: str | None = None


class PublicArticleSummary(_Model):
    """One row of GET /articles as the public sees it: the index item without the
    storage keys (where the service keeps its objects is not the readers' business)."""

    id: str
    headline: str
    publisher: str | None = None
    published_at: str | None = None
    url: str | None = None
    content_sha256: str
    ingested_at: str


class PublicArticleList(_Model):
    """GET /articles: one page of articles and the signed cursor of the next."""

    items: list[PublicArticleSummary]
    next_cursor: str | None = None


IngestStatus = Literal["created", "updated", "unchanged"]


class IngestResult(_Model):
    """The outcome of ingest(): the stored Article and whether it was new."""

    status: IngestStatus
    article: Article
