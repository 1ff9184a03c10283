"""HTML extraction: one parse, metadata from every source, the article body, images.

`extract` is the package's one entry point; the modules beside it each do one
step (parse, metadata, authors, headline, clean, body, filter).
"""

from __future__ import annotations

import logging

from lxml import etree

from ...errors import IngestError, NoArticleFound
from ...models import ContentBlock, ExtractedArticle, ExtractionWarning, Image
from ...structure import paragraph_blocks
from .blocks import Block, emit
from .clean import collect_images
from .content import find_body
from .lead import find_lead
from .metadata import Metadata, read_metadata
from .parse import parse, text_of
from .structure import structure
from .summary import find_summary

_LOG = logging.getLogger(__name__)
# How many levels above the standfirst its nearest common ancestor with the body may
# sit; a standfirst far from the body is the page header's subtitle. 3 maximised the
# sum of body F1 over scrapinghub and fundus-dev (1: 0.974 / 0.960; 3: 0.973 / 0.963;
# no limit: 0.972 / 0.964).
LEAD_MAX_DISTANCE = 3


def extract(html: str, *, url: str | None = None) -> ExtractedArticle:
    """Extract the article of an HTML page.

    Args:
        html: the page, already decoded.
        url: where the page was fetched from (resolves relative links, dates in URLs).

    Returns:
        The article's fields; `paragraphs` is empty when the page holds no article text.

    Raises:
        NoArticleFound: only when the document breaks the parser in an unexpected way.
    """
    try:
        return _extract(html, url)
    except IngestError:
        raise
    except (RecursionError, MemoryError, ValueError, TypeError, KeyError, IndexError,
            AttributeError) as exc:  # fmt: skip
        _LOG.warning("html extraction failed: %r", exc)
        raise NoArticleFound("the HTML could not be read as an article") from exc


def _extract(html: str, url: str | None) -> ExtractedArticle:
    root = parse(html)
    if root is None:
        return ExtractedArticle()
    meta = read_metadata(root, url)
    base = meta.canonical_url or url
    images = collect_images(root, base)
    summary = find_summary(root)
    lead_el = find_lead(root, meta.headline, meta.description)
    lead = text_of(lead_el) if lead_el is not None else ""
    lead_path = [lead_el, *lead_el.iterancestors()] if lead_el is not None else []
    body = find_body(root, html, meta)
    paragraphs = body.paragraphs
    blocks = structure(body.kept) if body.kept else paragraph_blocks(paragraphs)
    if body.source != "content":
        meta.provenance["paragraphs"] = body.source
    if lead and body.containers and _distance(lead_path, body.containers[0]) > LEAD_MAX_DISTANCE:
        lead = ""
    if lead and lead_el is not None and (missing := _missing_lead(lead_el, lead, paragraphs)):
        paragraphs[:0] = missing
        blocks[:0] = [ContentBlock(type="paragraph", text=part) for part in missing]
        meta.provenance["lead"] = "lead-element"
    if lead and not meta.description:
        # The standfirst is the article's own description when the page states none.
        meta.description = lead
        meta.provenance["description"] = "lead-element"
    known = {img.url for img in images}
    images += [Image(url=u) for u in meta.image_urls if u not in known]
    return ExtractedArticle(
        headline=meta.headline,
        display_headline=meta.display_headline,
        authors=meta.authors,
        published_at=meta.published,
        modified_at=meta.modified,
        publisher=meta.publisher,
        language=meta.language,
        description=meta.description,
        canonical_url=meta.canonical_url,
        summary=summary,
        paragraphs=paragraphs,
        blocks=blocks,
        images=images,
        tags=meta.tags,
        provenance=meta.provenance,
        warnings=[*body.warnings, *_date_warnings(meta)],
    )


def _missing_lead(lead_el: etree._Element, lead: str, paragraphs: list[str]) -> list[str]:
    """The lead's paragraphs the body does not already open with.

    A box that matched the description may hold the body's first paragraphs too
    (a "main" div with the standfirst and the text): then its blocks above the
    first one the body has are the lead, not the whole box, nor nothing.
    """
    opening = paragraphs[:5]
    if not opening or _already_in(lead, opening):
        return []
    if not any(p in lead for p in opening):
        return [lead]
    parts: list[Block] = []
    emit(lead_el, parts)
    missing: list[str] = []
    for part in parts:
        if any(part.text in p or p in part.text for p in opening):
            break
        missing.append(part.text)
    return missing


def _already_in(lead: str, opening: list[str]) -> bool:
    """True when the lead (or most of it) is already one of the body's first paragraphs."""
    head = lead[: min(len(lead), 80)]
    return any(head in p for p in opening)


def _date_warnings(meta: Metadata) -> list[ExtractionWarning]:
    """A client must know when published_at is only the page's revision date."""
    revision = meta.provenance.get("published_at") == "revision"
    return ["published_is_revision"] if revision else []


def _distance(path: list[etree._Element], container: etree._Element) -> int:
    """Levels from the lead up to its nearest common ancestor with the container."""
    # The elements themselves, not their id(): lxml frees a proxy nobody holds, and a
    # new one may reuse the id, which made this answer vary between runs.
    around = {container, *container.iterancestors()}
    for steps, el in enumerate(path):
        if el in around:
            return steps
    return len(path)
