"""The service: raw input -> Article (extract), and Article -> storage (ingest).

Handlers and the CLI call these two functions and nothing deeper.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import bounds, normalize, structure
from .errors import BadInput, NoArticleFound
from .events import NO_EVENTS, ArticleEvents, announce_write
from .extract import EXTRACTOR_VERSION, extract_html, extract_text
from .inputs import DecodedInput, decode_input
from .models import (
    BODY_SHORT_WORDS,
    Article,
    ArticleInput,
    ExtractedArticle,
    ExtractionInfo,
    ExtractionWarning,
    Image,
    IngestResult,
    Source,
    Via,
)
from .settings import Settings
from .store import ArticleStore

if TYPE_CHECKING:
    from .deletion import DeletedArticle

_MAX_LIST_ITEMS = 200  # authors, tags, images, summary: more is noise, not data


@dataclass(frozen=True)
class RawInput:
    """An input as it arrived: bytes, the declared type, and where it came from."""

    data: bytes
    content_type: str | None
    via: Via
    url: str | None = None
    raw_key: str | None = None  # set when the input already lives in S3 (upload trigger)
    principal: str | None = None  # who sent it (the authenticated caller, the uploader)
    request_token: str | None = None  # names the request: its retries share it


def raw_from_json(payload: ArticleInput, *, via: Via) -> RawInput:
    """A JSON request body {html | text, url?} as a RawInput. Raises BadInput."""
    if (payload.html is None) == (payload.text is None):
        raise BadInput("give exactly one of 'html' or 'text'")
    if payload.html is not None:
        return RawInput(payload.html.encode("utf-8"), "text/html; charset=utf-8", via, payload.url)
    assert payload.text is not None
    return RawInput(payload.text.encode("utf-8"), "text/plain; charset=utf-8", via, payload.url)


def _check_url(url: str | None) -> str | None:
    if url is None or not url.strip():
        return None
    checked = normalize.http_url(url)
    if checked is None:
        raise BadInput("url must be an absolute http(s) URL of at most 2048 characters")
    return checked


def _clean_optional(value: str | None, limit: int = bounds.MAX_TEXT_BYTES) -> str | None:
    cleaned = bounds.cap_bytes(normalize.clean_inline(value), limit) if value else ""
    return cleaned or None


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        cleaned = bounds.cap_bytes(normalize.clean_inline(value), bounds.MAX_NAME_BYTES)
        if cleaned and cleaned.casefold() not in {s.casefold() for s in seen}:
            seen[cleaned] = None
    return list(seen)[:_MAX_LIST_ITEMS]


def _images(images: list[Image]) -> list[Image]:
    out: list[Image] = []
    for image in images[:_MAX_LIST_ITEMS]:
        cleaned = Image(
            url=normalize.http_url(image.url, public=True),
            caption=_clean_optional(image.caption),
            credit=_clean_optional(image.credit, bounds.MAX_NAME_BYTES),
        )
        if (cleaned.url or cleaned.caption) and cleaned not in out:
            out.append(cleaned)
    return out


def _display_headline(display: str, headline: str) -> str | None:
    """The visible headline when it says something else than `headline`."""
    cleaned = bounds.cap_bytes(normalize.clean_inline(display), bounds.MAX_HEADLINE_BYTES)
    if not cleaned or normalize.text_key(cleaned) == normalize.text_key(headline):
        return None
    return cleaned


def _warnings(
    extracted: ExtractedArticle, words: int, extra: list[ExtractionWarning]
) -> list[ExtractionWarning]:
    found = [*extracted.warnings, *extra]
    if words < BODY_SHORT_WORDS:
        found.append("body_short")
    return list(dict.fromkeys(found))


def build_article(
    extracted: ExtractedArticle,
    decoded: DecodedInput,
    raw: RawInput,
    received_at: str,
    warnings: list[ExtractionWarning] | None = None,
) -> Article:
    """Normalise an extraction into an Article.

    Raises NoArticleFound when the input holds no text at all (the extractors fall
    back to the page's readable text, so an empty body means there was none).
    """
    blocks = structure.clean_blocks(
        extracted.blocks or structure.paragraph_blocks(extracted.paragraphs),
        normalize.clean_inline,
    )
    paragraphs = structure.paragraphs_of(blocks)
    body = "\n\n".join(paragraphs)
    if not body:
        raise NoArticleFound(f"no article text was found in the {decoded.kind} input")
    headline = normalize.clean_inline(extracted.headline) or paragraphs[0][:200]
    headline = bounds.cap_bytes(headline, bounds.MAX_HEADLINE_BYTES)
    words = normalize.word_count(body)
    summary = [
        bounds.cap_bytes(p, bounds.MAX_TEXT_BYTES)
        for p in normalize.clean_paragraphs(extracted.summary)
    ]
    summary = bounds.cap_total_bytes(summary, bounds.MAX_SUMMARY_BYTES)
    content_sha = normalize.sha256_hex(body)
    canonical = normalize.http_url(extracted.canonical_url, public=True)
    tickers = set(extracted.tickers) | set(
        normalize.find_tickers("\n".join([headline, *summary, body]))
    )
    return Article(
        id=normalize.article_id(canonical_url=canonical, url=raw.url, content_sha256=content_sha),
        url=raw.url,
        canonical_url=canonical,
        headline=headline,
        display_headline=_display_headline(extracted.display_headline, headline),
        authors=_unique(extracted.authors),
        published_at=normalize.iso_datetime(extracted.published_at),
        modified_at=normalize.iso_datetime(extracted.modified_at),
        publisher=_clean_optional(extracted.publisher, bounds.MAX_NAME_BYTES),
        language=normalize.language_code(extracted.language),
        description=_clean_optional(extracted.description),
        summary=summary,
        body=body,
        blocks=blocks,
        images=_images(extracted.images),
        tags=_unique(extracted.tags),
        tickers=_unique(sorted(tickers)),
        word_count=words,
        content_sha256=content_sha,
        source=Source(
            kind=decoded.kind,
            content_type=decoded.content_type,
            bytes=len(raw.data),
            via=raw.via,
            raw_key=raw.raw_key,
            received_at=received_at,
        ),
        extraction=ExtractionInfo(
            extractor_version=EXTRACTOR_VERSION,
            provenance=dict(extracted.provenance),
            warnings=_warnings(extracted, words, warnings or []),
        ),
    )


# Room for the warnings a cut adds to an Article (each ~20 bytes of response).
_WARNING_ROOM = 1000
# JSON a block adds beside its text ({"type": ..., "text": ..., "level": ...}).
_BLOCK_ROOM = 64


def _fit_response(
    article: Article,
    extracted: ExtractedArticle,
    context: tuple[DecodedInput, RawInput, str, list[ExtractionWarning]],
    settings: Settings,
) -> Article:
    """The Article within `settings.max_article_bytes` of response: images past a
    tenth of it are left out, then the body is cut (warnings images_truncated,
    body_truncated). Only inputs far larger than any article get cut."""
    limit = settings.max_article_bytes
    if bounds.fits_response(article, limit):
        return article
    decoded, raw, received_at, warnings = context
    images, images_cut = bounds.cut_images(article.images, limit // 10)
    rest = article.model_copy(update={"body": "", "blocks": [], "images": images})
    budget = limit - bounds.response_bytes(rest.model_dump(mode="json")) - _WARNING_ROOM
    # The blocks repeat the body's text: each gets half, less the blocks' own keys.
    budget = (budget - _BLOCK_ROOM * len(article.blocks)) // 2
    paragraphs, body_cut = bounds.cut_paragraphs(article.body.split("\n\n"), budget)
    cuts: list[ExtractionWarning] = []
    if images_cut:
        cuts.append("images_truncated")
    if body_cut:
        cuts.append("body_truncated")
    blocks = structure.cut_blocks(article.blocks, paragraphs)
    trimmed = extracted.model_copy(
        update={"paragraphs": paragraphs, "blocks": blocks, "images": images}
    )
    return build_article(trimmed, decoded, raw, received_at, [*warnings, *cuts])


def extract(
    raw: RawInput, settings: Settings, *, ignore_bad_url: bool = False
) -> tuple[Article, DecodedInput]:
    """Decode and extract one input without storing it.

    Args:
        raw: the input as it arrived.
        settings: the size limits.
        ignore_bad_url: extract without a URL that is not an absolute http(s) URL
            (with the warning `url_ignored`) instead of refusing the input; the CLI's
            batches use it, the API does not.

    Raises BadInput, InputTooLarge, UnsupportedMediaType or NoArticleFound.
    """
    received_at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    warnings: list[ExtractionWarning] = []
    try:
        url = _check_url(raw.url)
    except BadInput:
        if not ignore_bad_url:
            raise
        url, warnings = None, ["url_ignored"]
    if url != raw.url:
        raw = dataclasses.replace(raw, url=url)
    decoded = decode_input(
        raw.data,
        content_type=raw.content_type,
        max_bytes=settings.max_input_bytes,
        max_decompressed_bytes=settings.max_decompressed_bytes,
    )
    if decoded.kind == "html":
        extracted = extract_html(decoded.text, url=url)
    else:
        extracted = extract_text(decoded.text, url=url)
    article = build_article(extracted, decoded, raw, received_at, warnings)
    article = _fit_response(article, extracted, (decoded, raw, received_at, warnings), settings)
    if settings.record_key == "submitted_url" and url:
        record_id = normalize.article_id(
            canonical_url=None, url=url, content_sha256=article.content_sha256
        )
        article = article.model_copy(update={"id": record_id})
    return article, decoded


def ingest(
    raw: RawInput,
    settings: Settings,
    store: ArticleStore,
    *,
    ignore_bad_url: bool = False,
    events: ArticleEvents = NO_EVENTS,
) -> IngestResult:
    """Extract one input and store it; the same content twice leaves one record.

    A created or updated record is announced on `events` once it is stored (best
    effort: a failed announcement leaves the record stored, see events.py); an
    unchanged repeat announces nothing.

    Returns the stored Article and whether it was created, updated or unchanged.
    Raises the errors of `extract` and StorageUnavailable.
    """
    article, _ = extract(raw, settings, ignore_bad_url=ignore_bad_url)
    keep_raw = raw.raw_key is None
    if keep_raw:
        article = article.model_copy(
            update={
                "source": article.source.model_copy(
                    update={"raw_key": store.raw_key(article.id, raw.data)}
                )
            }
        )
    status, stored = store.save(
        article,
        raw.data if keep_raw else None,
        writer=raw.principal or raw.via,
        token=raw.request_token,
    )
    announce_write(events, status, stored, store.article_key(stored))
    return IngestResult(status=status, article=stored)


def delete(
    article_id: str, store: ArticleStore, *, events: ArticleEvents = NO_EVENTS
) -> DeletedArticle:
    """Delete an article for good (takedown, privacy): its index item, content links,
    every stored version and its raw inputs; then announce ArticleDeleted (best
    effort, as for writes).

    Raises ArticleNotFound when nothing was left to delete, StorageUnavailable when
    storage failed half-way (a retry finishes the job).
    """
    deleted = store.delete(article_id)
    events.announce("ArticleDeleted", deleted.event())
    return deleted
