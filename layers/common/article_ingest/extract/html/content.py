"""The article body with a safety net: the content pass, then fallbacks that keep the article.

Clean-up decides on class names before the body is known, and on some pages that
costs the article itself (a WordPress theme's content column inside a "sticky
sidebar" wrapper, story text in "widget" containers). Readability.js meets this with
a retry ladder; so does this module:

1. the content pass: clean the tree, score containers, filter their blocks;
2. when that yields less than MIN_BODY_CHARS, a recall pass on a fresh parse where
   the densest prose found *before* clean-up, and its ancestors, are kept whatever
   their names say; the longer of the two wins; when still short, the same on a
   parse where `<noscript>` holds ordinary content (sites that render the article
   with script keep the only static copy there: Blogger, a CMS's "no java" page);
3. the JSON-LD articleBody when the page states a body far longer than it shows;
4. when still nothing: the page's readable text (every prose block of a tree rid
   only of scripts, navigation, hidden elements and comment/cookie boxes; every
   block at all when none is prose);
5. when the page shows no text at all: the description it declares.

Rungs 2, 4 and 5 add a warning to the Article, so a client knows to double-check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal

from lxml import etree

from ...models import ExtractionWarning
from . import vocabulary as v
from .authors import byline_in_blocks, clean_authors
from .blocks import Block, Spans, emit
from .body import densest_prose, find_content
from .clean import clean_tree, drop_hard, drop_never_text
from .filter import keep_blocks
from .metadata import Metadata
from .parse import collapse, parse
from .stories import drop_next_stories

# Below this many characters the content pass may have lost the article: the recall
# pass runs. Readability.js retries under 500 too; on the dev sets the content pass
# is under 500 on 43 of 838 pages, 14 of them empty.
MIN_BODY_CHARS = 500
# A JSON-LD articleBody this long is the article, not a teaser (dev data: teasers
# stay under 300 characters).
MIN_STATED_BODY_CHARS = 500
PARAGRAPH_SPLIT = re.compile(r"\n+")
_NOSCRIPT = re.compile(r"<noscript", re.IGNORECASE)
# The fallbacks parse and read the page again; above this many elements (ten times
# the largest of the 1,318 dev pages, 4,410) they are skipped to bound the work a
# hostile page may cause (200,000 table cells: ~6 s with them, ~3 s without).
MAX_FALLBACK_ELEMENTS = 50_000
# Readable-text fallback: blocks mostly made of links are navigation.
MAX_READABLE_LINK_DENSITY = 0.5


# Where the body came from: the content pass, or a fallback (README "The Article").
BodySource = Literal["content", "recall-pass", "json-ld", "readable-text", "metadata"]


@dataclass
class Content:
    """The body paragraphs, the blocks and containers they came from, and how sure."""

    paragraphs: list[str]
    blocks: list[Block] = field(default_factory=list)
    containers: list[etree._Element] = field(default_factory=list)
    kept: list[Block] = field(default_factory=list)  # the blocks behind `paragraphs`
    source: BodySource = "content"
    warnings: list[ExtractionWarning] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return sum(map(len, self.paragraphs))


def _content_pass(
    root: etree._Element, meta: Metadata, protect: etree._Element | None = None
) -> Content:
    clean_tree(root, protect=protect)
    page_blocks: list[Block] = []
    spans = Spans()
    containers = find_content(root, meta.article_body, page_blocks, spans)
    blocks: list[Block] = []
    for container in containers:
        blocks += spans.blocks_of(container, page_blocks)
    if not meta.authors and (found := byline_in_blocks([b.text for b in blocks])):
        meta.authors = clean_authors(found, blocked=[meta.publisher or ""])
        if meta.authors:
            meta.provenance["authors"] = "byline-text"
    kept = keep_blocks(blocks, meta)
    return Content([b.text for b in kept], blocks, containers, kept=kept)


def _recall_pass(root: etree._Element, meta: Metadata) -> Content | None:
    """The content pass again, keeping the densest prose of the uncleaned `root`;
    None when the page has no prose block to keep (the pass would find nothing new)."""
    protect = densest_prose(root, meta.article_body)
    if protect is None:
        return None
    found = _content_pass(root, meta, protect)
    found.source, found.warnings = "recall-pass", ["body_fallback"]
    return found


def _readable_text(root: etree._Element, meta: Metadata) -> Content:
    drop_never_text(root, v.DROP_TAGS)
    drop_hard(root)
    body = root.find("body")
    blocks: list[Block] = []
    emit(body if body is not None else root, blocks)
    prose = [b for b in blocks if b.link_density <= MAX_READABLE_LINK_DENSITY]
    kept = keep_blocks(prose, meta)
    if not kept:
        # Nothing but links and labels: the page's text is still the user's input.
        paragraphs = list(dict.fromkeys(b.text for b in blocks))
        return Content(paragraphs, prose, source="readable-text", warnings=["body_fallback"])
    texts = [b.text for b in kept]
    return Content(texts, prose, kept=kept, source="readable-text", warnings=["body_fallback"])


def _within(root: etree._Element, limit: int) -> bool:
    """True when the tree has at most `limit` elements (counting stops past it)."""
    return sum(1 for _ in islice(root.iter(), limit + 1)) <= limit


def _fresh(html: str) -> etree._Element | None:
    """The page parsed again, without the tags that never hold text."""
    root = parse(html)
    if root is not None:
        drop_never_text(root)
    return root


def _noscript_pass(html: str, meta: Metadata) -> Content | None:
    """The recall pass on a fresh parse whose `<noscript>` elements are read as
    ordinary containers; None when the page has none."""
    root = parse(html)
    if root is None:
        return None
    hidden = list(root.iter("noscript"))
    if not hidden:
        return None
    for element in hidden:
        element.tag = "div"
    drop_never_text(root)
    return _recall_pass(root, meta)


def _stated_body(meta: Metadata) -> list[str]:
    return [p for p in (collapse(x) for x in PARAGRAPH_SPLIT.split(meta.article_body)) if p]


def find_body(root: etree._Element, html: str, meta: Metadata) -> Content:
    """The article's body paragraphs, falling back rung by rung so no article is lost.

    Args:
        root: the parsed page (cleaned in place by the content pass).
        html: the page as text, re-parsed by the fallbacks (the tree is cleaned by then).
        meta: the page's metadata; bylines found in the body fill its authors.
    """
    drop_never_text(root)
    drop_next_stories(root, meta.headline)
    found = _content_pass(root, meta)
    # Counted only when a fallback may run (the cleaned tree: a hostile page's
    # bulk is plain cells and rows, which clean-up keeps).
    bounded = found.chars >= MIN_BODY_CHARS or _within(root, MAX_FALLBACK_ELEMENTS)
    spare = None
    if bounded and found.chars < MIN_BODY_CHARS and (spare := _fresh(html)) is not None:
        recall = _recall_pass(spare, meta)
        if recall is not None:
            spare = None  # cleaned by the recall pass: a later rung parses again
            if recall.chars > found.chars:
                found = recall
    if bounded and found.chars < MIN_BODY_CHARS and _NOSCRIPT.search(html):
        scripted = _noscript_pass(html, meta)
        if scripted is not None and scripted.chars > found.chars:
            found = scripted
    stated = meta.article_body.strip()
    if len(stated) >= MIN_STATED_BODY_CHARS and found.chars < len(stated) / 2:
        # The page renders its text with script; the JSON-LD copy is the article.
        return Content(_stated_body(meta), source="json-ld", warnings=["body_from_metadata"])
    if (
        bounded
        and not found.paragraphs
        and (spare is not None or (spare := _fresh(html)) is not None)
    ):
        found = _readable_text(spare, meta)
    if not found.paragraphs and (stated or meta.description):
        paragraphs = _stated_body(meta) if stated else [collapse(meta.description)]
        found = Content(paragraphs, source="metadata", warnings=["body_from_metadata"])
    return found
