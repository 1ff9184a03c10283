"""Walks for the date scans: document order (forwards from the headline, backwards
before it, lazily), without the subtrees that never hold a dateline, and an element's
visible text read with spaces between its parts."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from lxml import etree

from . import vocabulary as v
from . import vocabulary_dates as vd
from .parse import class_id, collapse, tag_of, text_of


def following(anchor: etree._Element) -> Iterator[etree._Element]:
    """The elements after the headline in document order (its own subtree first)."""
    yield from islice(walk(anchor), 1, None)
    for node in [anchor, *anchor.iterancestors()]:
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str):
                yield from walk(sibling)


def preceding(anchor: etree._Element) -> Iterator[etree._Element]:
    """The elements before the headline, nearest first, without its ancestors."""
    for node in [anchor, *anchor.iterancestors()]:
        for sibling in node.itersiblings(preceding=True):
            if isinstance(sibling.tag, str):
                yield from walk_back(sibling)


def walk(root: etree._Element) -> Iterator[etree._Element]:
    """Elements in document order, without the subtrees that never hold a dateline;
    lazy, so a scan that stops early never touches the rest of a huge page."""
    if skipped(root):
        return
    yield root
    stack = [iter(root)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif isinstance(child.tag, str) and not skipped(child):
            yield child
            stack.append(iter(child))


def walk_back(root: etree._Element) -> Iterator[etree._Element]:
    """`_walk` in reverse document order (children before their parent), lazily."""
    if skipped(root):
        return
    stack = [(root, root.iterchildren(reversed=True))]
    while stack:
        el, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield el
        elif isinstance(child.tag, str) and not skipped(child):
            stack.append((child, child.iterchildren(reversed=True)))


def skipped(el: etree._Element) -> bool:
    """Script, form controls, comments and related links, a photo with its caption."""
    if tag_of(el) in vd.NO_DATELINE_TAGS:
        return True
    names = class_id(el)
    if not names:  # most elements: no class or id to read
        return False
    if v.BOILERPLATE_HARD.search(names):
        return True
    return bool(vd.PHOTO_BOX_CLASS.search(names)) and is_photo_box(el)


def is_photo_box(el: etree._Element) -> bool:
    """An image with its caption and credit: little text around an <img>/<picture>."""
    has_image = next(el.iter("img", "picture"), None) is not None
    return has_image and len(text_of(el)) <= vd.MAX_PHOTO_BOX_CHARS


def inside(el: etree._Element, container: etree._Element) -> bool:
    """True when `el` lies within `container` (up to MAX_NESTING levels down)."""
    return any(a is container for a in islice(el.iterancestors(), vd.MAX_NESTING))


def spaced_text(el: etree._Element) -> str:
    """The element's visible text with a space between its parts ("<span>28.09.19</span>
    12:44" reads "28.09.19 12:44", not the year 1912), scripts left out; read only
    until it is too long for a dateline (the opening of a long text is kept)."""
    parts: list[str] = []
    size = 0
    for node in el.iter():
        if isinstance(node.tag, str) and tag_of(node) not in vd.NO_TEXT_TAGS and node.text:
            parts.append(node.text)
            size += len(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
            size += len(node.tail)
        if size > vd.MAX_RAW_TEXT_CHARS:
            break
    return collapse(" ".join(parts))[: vd.MAX_RAW_TEXT_CHARS]
