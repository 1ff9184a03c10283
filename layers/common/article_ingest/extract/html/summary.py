"""Key-point bullets ("Key points", "Das Wichtigste in Kürze") the page puts above its text."""

from __future__ import annotations

from lxml import etree

from . import vocabulary as v
from .parse import class_id, tag_of, text_of

MIN_ITEMS = 2
MAX_ITEMS = 8
MIN_ITEM_CHARS = 15
MAX_ITEM_CHARS = 400
# Ancestors whose class/id may name the box the list sits in.
BOX_LEVELS = 3


def _items(list_el: etree._Element) -> list[str]:
    items = [text_of(li) for li in list_el if tag_of(li) == "li"]
    if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
        return []
    if not all(MIN_ITEM_CHARS <= len(t) <= MAX_ITEM_CHARS for t in items):
        return []
    links = sum(len(text_of(a)) for a in list_el.iter("a"))
    return items if links < 0.5 * sum(map(len, items)) else []


def _named_summary(list_el: etree._Element) -> bool:
    node: etree._Element | None = list_el
    for _ in range(BOX_LEVELS):
        if node is None:
            return False
        if v.SUMMARY_ATTR.search(class_id(node)):
            return True
        node = node.getparent()
    previous = list_el.getprevious()
    return previous is not None and bool(v.SUMMARY_HEADING.match(text_of(previous)))


def find_summary(root: etree._Element) -> list[str]:
    """The page's key-point bullets, or an empty list.

    Args:
        root: the raw (uncleaned) tree.

    Returns:
        One string per bullet, in order.
    """
    body = root.find("body")
    if body is None:
        return []
    for list_el in body.iter("ul", "ol"):
        if _named_summary(list_el):
            items = _items(list_el)
            if items:
                return items
    return []
