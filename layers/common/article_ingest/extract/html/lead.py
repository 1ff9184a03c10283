"""The standfirst: the teaser paragraph under the headline, often outside the body container.

Read on the raw tree (before cleaning, which may take "teaser"/"intro" boxes for
widgets): the first element after the headline whose text is the page's
description and that is prose, not a link list. A lead found by class name alone
("intro", "dek") was tried and cost precision on scrapinghub, whose annotators
leave subtitles out.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from . import vocabulary as v
from .parse import attr, collapse, match_key, tag_of, text_of

# Elements looked at after the h1 before giving up: the lead sits right under it.
MAX_ELEMENTS_AFTER_H1 = 400
MIN_LEAD_CHARS = 30
# A lead is a paragraph with a few inline children, not a container of blocks.
MAX_LEAD_CHILDREN = 8
MAX_LEAD_CHARS = 1_000
# An h1 inside the headline is the headline less an affix, not a section's name
# ("News"), when it holds this share of it.
MIN_H1_SHARE = 0.5
# ...or, reworded, shares this share of their words (0.5-0.6 alike; 0.4 took a
# related story's h1 on trafilatura-eval).
MIN_H1_WORD_OVERLAP = 0.6
# A description truncated by the CMS ("...") still identifies its paragraph.
MIN_PREFIX_CHARS = 60


def _matches_description(text: str, description: str) -> bool:
    if not description:
        return False
    if text == description:
        return True
    short = description[:-1].rstrip() if description.endswith(("...", "…")) else description
    return len(short) >= MIN_PREFIX_CHARS and (text.startswith(short) or short.startswith(text))


def _short_text(el: etree._Element) -> str:
    """The element's text when it is at most MAX_LEAD_CHARS long; else "" (read no
    further: a container of the whole article would cost its full text per visit)."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        size += len(piece)
        if size > 2 * MAX_LEAD_CHARS:  # white space collapses: leave room for it
            return ""
        parts.append(piece)
    return collapse("".join(parts))


def _holds_blocks(el: etree._Element) -> bool:
    """Block elements (or scripts, whose code is no standfirst) inside `el`."""
    return any(
        tag_of(d) in v.BLOCK_TAGS or tag_of(d) in v.NEVER_TEXT_TAGS for d in el.iterdescendants()
    )


def _named_lead(el: etree._Element) -> bool:
    """The element or its parent is named a standfirst ("intro", "teaser-text", "dek")."""
    parent = el.getparent()
    names = [el] if parent is None else [el, parent]
    for e in names:
        tokens = f"{attr(e, 'class')} {attr(e, 'id')}"
        if v.LEAD_TOKEN.search(tokens) and not v.NOT_LEAD_TOKEN.search(tokens):
            return True
    return False


def _link_share(el: etree._Element, length: int) -> float:
    return sum(len(text_of(a)) for a in el.iter("a")) / max(length, 1)


def _after(el: etree._Element, top: etree._Element) -> Iterator[etree._Element]:
    """The nodes after `el`'s start tag inside `top`, in document order."""
    yield from el.iterdescendants()
    node: etree._Element | None = el
    while node is not None and node is not top:
        for sibling in node.itersiblings():
            yield sibling
            yield from sibling.iterdescendants()
        node = node.getparent()


def _headline_h1(body: etree._Element, want: str) -> etree._Element | None:
    """The h1 that shows the headline: its text, else one holding it with a kicker
    ("Abstandsregeln : Wie Firmen ...") or held by it ("Pressemitteilung: <h1>"), the
    declared title and the visible one differing by such an affix, else one sharing
    most of its words; the first h1 when the headline is unknown."""
    h1s = [(h, match_key(text_of(h))) for h in body.iter("h1")]
    if not want:
        return h1s[0][0] if h1s else None
    exact = next((h for h, key in h1s if key == want), None)
    if exact is not None:
        return exact
    padded = f" {want} "
    for h, key in h1s:
        if not key:
            continue
        holds = padded in f" {key} "  # whole words: "rain" is not in "brain surgery"
        held = f" {key} " in padded and len(key) >= MIN_H1_SHARE * len(want)
        if holds or held:
            return h
    # Reworded ("Kind krank? Was Arbeitgeber jetzt wissen müssen" over "Kind krank: Was
    # Arbeitgeber wissen müssen"): the h1 sharing most of the title's words.
    words = set(want.split())
    overlap = [(_jaccard(words, set(key.split())), h) for h, key in h1s if key]
    best = max(overlap, default=(0.0, None), key=lambda pair: pair[0])
    return best[1] if best[0] >= MIN_H1_WORD_OVERLAP else None


def _jaccard(a: set[str], b: set[str]) -> float:
    """Shared words over all words of two word sets (0 when both are empty)."""
    return len(a & b) / len(a | b) if a or b else 0.0


def find_lead(
    root: etree._Element, headline: str, description: str | None
) -> etree._Element | None:
    """The lead element under the headline, or None.

    Args:
        root: the raw (uncleaned) tree.
        headline: the chosen headline, to find the h1 it starts after.
        description: the page's description (meta/JSON-LD), if any.
    """
    body = root.find("body")
    if body is None:
        return None
    desc = match_key(description or "")
    h1 = _headline_h1(body, match_key(headline))
    if h1 is None:
        return None
    after = 0
    for el in _after(h1, body):
        tag = tag_of(el)
        if not tag or tag in v.DROP_TAGS:
            continue
        after += 1
        if after > MAX_ELEMENTS_AFTER_H1:
            return None
        if tag not in v.LEAD_TAGS or len(el) > MAX_LEAD_CHILDREN:
            continue
        text = _short_text(el)
        if not MIN_LEAD_CHARS <= len(text) <= MAX_LEAD_CHARS or _link_share(el, len(text)) > 0.2:
            continue
        if any(tag_of(a) in v.MEDIA_TAGS for a in el.iterancestors()):
            continue
        if _matches_description(match_key(text), desc):
            return el
        if _named_lead(el) and v.SENTENCE_END.search(text) and not _holds_blocks(el):
            # Named a standfirst and written as one paragraph (a box of blocks is
            # looked into instead: its paragraph is visited next).
            return el
        if tag == "p" and len(text) > MAX_LEAD_CHARS / 2:
            # The body has started without a lead.
            return None
    return None
