"""One parse of the page with lxml, plus the small text helpers every module shares."""

from __future__ import annotations

import unicodedata

from lxml import etree

from . import vocabulary as v

# lxml's plain HTML parser: its elements are C-level _Element proxies. lxml.html's
# parser gives HtmlElement proxies through a Python lookup on every element access
# (~0.4M lookups over the 181 scrapinghub pages, ~15 % of extraction time).
_PARSER = etree.HTMLParser(
    remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
)


def parse(html: str) -> etree._Element | None:
    """Parse a decoded HTML string once.

    Args:
        html: the page, already decoded to str.

    Returns:
        The root element, or None when the input holds no parseable markup.
    """
    if not html or not html.strip():
        return None
    text = v.XML_DECLARATION.sub("", html[: v.MAX_HTML_CHARS], count=1)
    if any(c in text for c in v.CONTROL_CHAR_LIST):  # rare: the regex pass only then
        text = v.CONTROL_CHARS.sub("", text)
    text = _limit_attributes(text)
    if not text.strip():
        return None
    try:
        root = etree.fromstring(text, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, TypeError):
        return None
    return root if isinstance(root, etree._Element) and isinstance(root.tag, str) else None


def _limit_attributes(html: str) -> str:
    """Cut every start tag to its first MAX_TAG_ATTRIBUTES attributes (linear scan)."""
    pieces: list[str] = []
    done = 0
    for tag in v.START_TAG.finditer(html):
        # Each attribute takes two characters or more: shorter tags hold few.
        if tag.end() - tag.start() <= 2 * v.MAX_TAG_ATTRIBUTES:
            continue
        kept = v.START_TAG_KEPT.match(html, tag.start(), tag.end())
        if kept is not None and kept.end() < tag.end():
            pieces += [html[done : kept.end()]]
            done = tag.end()
    return "".join([*pieces, html[done:]]) if pieces else html


def collapse(text: str | None) -> str:
    """Collapse runs of white space (NBSP included) into single spaces and trim."""
    if not text:
        return ""
    # str.split() splits at what \s matches (str.isspace(), NBSP included), 3-5x faster.
    return " ".join(text.split())


def text_of(el: etree._Element) -> str:
    """The element's visible text, white space collapsed."""
    try:
        return collapse("".join(el.itertext()))
    except (ValueError, TypeError):
        return ""


def attr(el: etree._Element, name: str) -> str:
    """An attribute value, trimmed; empty when absent or absurdly long."""
    value = el.get(name)
    if not value or len(value) > v.MAX_ATTR_CHARS:
        return ""
    return str(value).strip()


def class_id(el: etree._Element) -> str:
    """The element's class and id as one lower-case string."""
    return f"{attr(el, 'class')} {attr(el, 'id')}".lower().strip()


def tag_of(el: etree._Element) -> str:
    """The element's lower-case tag name; empty for comments and entities."""
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def match_key(text: str) -> str:
    """A comparison key: NFKC, case-folded, every run of non-alphanumerics (anything
    str.isalnum() rejects, white space included) one space, trimmed."""
    return v.NON_ALNUM.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def first_meta(index: dict[str, list[str]], keys: tuple[str, ...]) -> str:
    """The first non-blank value (white space collapsed) of the meta `keys`, in order."""
    for key in keys:
        for value in index.get(key, []):
            if collapse(value):
                return collapse(value)
    return ""


def itemprop(root: etree._Element, name: str) -> list[etree._Element]:
    """Elements (not <meta>) marked up with itemprop=name, in document order."""
    found = root.xpath(f".//*[@itemprop='{name}'][not(self::meta)]")
    return [el for el in found if isinstance(el, etree._Element)]
