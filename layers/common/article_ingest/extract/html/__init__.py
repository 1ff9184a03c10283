"""HTML extraction: one parse, metadata from every source, the article body, images.

`extract` is the package's one entry point; the modules beside it each do one
step (parse, metadata, authors, headline, clean, body, filter).
"""

from __future__ import annotations

import logging
import re

from lxml import etree

from ...errors import IngestError, NoArticleFound
from ...models import ExtractedArticle, Image
from .authors import byline_in_blocks, clean_authors
from .blocks import Block, Spans
from .body import find_content
from .clean import clean_tree, collect_images
from .filter import filter_blocks
from .lead import find_lead
from .metadata import read_metadata
from .options import DEFAULT_OPTIONS, ExtractOptions
from .parse import collapse, parse, text_of
from .summary import find_summary

_LOG = logging.getLogger(__name__)
# A JSON-LD articleBody this long is the article, not a teaser (dev data: teasers
# stay under 300 characters).
MIN_STATED_BODY_CHARS = 500
PARAGRAPH_SPLIT = re.compile(r"\n+")


def extract(
    html: str, *, url: str | None = None, options: ExtractOptions = DEFAULT_OPTIONS
) -> ExtractedArticle:
    """Extract the article of an HTML page.

    Args:
        html: the page, already decoded.
        url: where the page was fetched from (resolves relative links, dates in URLs).
        options: conventions for the standfirst and script-rendered pages.

    Returns:
        The article's fields; `paragraphs` is empty when the page holds no article text.

    Raises:
        NoArticleFound: only when the document breaks the parser in an unexpected way.
    """
    try:
        return _extract(html, url, options)
    except IngestError:
        raise
    except (RecursionError, MemoryError, ValueError, TypeError, KeyError, IndexError,
            AttributeError) as exc:  # fmt: skip
        _LOG.warning("html extraction failed: %r", exc)
        raise NoArticleFound("the HTML could not be read as an article") from exc


def _extract(html: str, url: str | None, options: ExtractOptions) -> ExtractedArticle:
    root = parse(html)
    if root is None:
        return ExtractedArticle()
    meta = read_metadata(root, url)
    base = meta.canonical_url or url
    images = collect_images(root, base)
    summary = find_summary(root)
    lead_el = find_lead(root, meta.headline, meta.description)
    lead = text_of(lead_el) if lead_el is not None and options.include_lead else ""
    lead_path = [lead_el, *lead_el.iterancestors()] if lead_el is not None else []
    clean_tree(root)
    page_blocks: list[Block] = []
    spans = Spans()
    containers = find_content(root, meta.article_body, page_blocks, spans)
    blocks: list[Block] = []
    for container in containers:
        blocks += spans.blocks_of(container, page_blocks)
    if lead and containers and _distance(lead_path, containers[0]) > options.lead_max_distance:
        lead = ""
    if not meta.authors and (found := byline_in_blocks([b.text for b in blocks])):
        meta.authors = clean_authors(found, blocked=[meta.publisher or ""])
        if meta.authors:
            meta.provenance["authors"] = "byline-text"
    paragraphs = filter_blocks(blocks, meta)
    stated = meta.article_body.strip()
    if (
        options.json_ld_body
        and len(stated) >= MIN_STATED_BODY_CHARS
        and sum(map(len, paragraphs)) < len(stated) / 2
    ):
        # The page renders its text with script; the JSON-LD copy is the article.
        paragraphs = [p for p in (collapse(x) for x in PARAGRAPH_SPLIT.split(stated)) if p]
        meta.provenance["paragraphs"] = "json-ld"
    if lead and paragraphs and not _already_in(lead, paragraphs):
        paragraphs.insert(0, lead)
        meta.provenance["lead"] = "lead-element"
    known = {img.url for img in images}
    images += [Image(url=u) for u in meta.image_urls if u not in known]
    return ExtractedArticle(
        headline=meta.headline,
        authors=meta.authors,
        published_at=meta.published,
        modified_at=meta.modified,
        publisher=meta.publisher,
        language=meta.language,
        description=meta.description,
        canonical_url=meta.canonical_url,
        summary=summary,
        paragraphs=paragraphs,
        images=images,
        tags=meta.tags,
        provenance=meta.provenance,
    )


def _already_in(lead: str, paragraphs: list[str]) -> bool:
    """True when the lead (or most of it) is already one of the first paragraphs."""
    head = lead[: min(len(lead), 80)]
    return any(head in p or p in lead for p in paragraphs[:5])


def _distance(path: list[etree._Element], container: etree._Element) -> int:
    """Levels from the lead up to its nearest common ancestor with the container."""
    around = {id(el) for el in (container, *container.iterancestors())}
    for steps, el in enumerate(path):
        if id(el) in around:
            return steps
    return len(path)
