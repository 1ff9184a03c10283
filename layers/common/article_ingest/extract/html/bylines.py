"""Visible bylines: byline-named elements, labelled lines, names after a label.

Bylines count inside the article (the h1's <article>/<main>) first, and never inside
teasers (a link to another page, a teaser-named block), figures or reader comments.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from lxml import etree

from . import vocabulary as v
from . import vocabulary_authors as va
from .parse import attr, class_id, collapse, tag_of

# Formatting tags inside a word ("<b>Mc</b>Donald"); any other element boundary
# separates words ("<span>ERIN TALLOW</span><span>Associated Press</span>").
INLINE_FORMAT_TAGS = frozenset({"b", "i", "em", "strong", "u", "small", "font", "mark", "abbr"})


def spaced_text(el: etree._Element, limit: int = v.MAX_HTML_CHARS) -> str:
    """The element's text with a space at every element boundary but inline formatting,
    read no further than about `limit` characters."""
    pieces: list[str] = []
    size = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        gap = "" if tag_of(node) in INLINE_FORMAT_TAGS else " "
        if event == "start":
            pieces += [gap, node.text or ""]
            size += len((node.text or "").strip())
        else:
            tail = (node.tail or "") if node is not el else ""
            pieces += [gap, tail]
            size += len(tail.strip())
        if size > limit:
            break
    return collapse("".join(pieces))


def article_scope(root: etree._Element) -> etree._Element | None:
    """The <article> or <main> holding the h1, when there is one."""
    scope = next(iter(root.xpath("//article[.//h1] | //main[.//h1]")), None)
    return scope if isinstance(scope, etree._Element) else None


def _in_comments(el: etree._Element) -> bool:
    """A reader comment's author ("comment-author", a recent-comments widget)."""
    for level, node in enumerate((el, *el.iterancestors())):
        if level > va.COMMENT_LEVELS:
            return False
        # A comment may be an <article> itself ("comment-body"): its class counts.
        if va.COMMENT_ATTR.search(class_id(node)) or va.COMMENT_ITEMTYPE.search(
            attr(node, "itemtype")
        ):
            return True
        if tag_of(node) in ("body", "article", "main"):
            return False
    return False


def _in_teaser_or_credit(el: etree._Element) -> bool:
    """Inside a link or a teaser block (another article's byline), or a figure."""
    for level, node in enumerate(el.iterancestors()):
        tag = tag_of(node)
        if tag in va.PHOTO_CREDIT_TAGS:
            return True
        if level >= va.TEASER_LEVELS or tag in ("body", "article", "main"):
            return False
        if _is_teaser_link(node) or va.TEASER_ATTR.search(class_id(node)):
            return True
    return False


def _is_teaser_link(node: etree._Element) -> bool:
    """A link around the byline leads to another article, unless to the author's page
    or to an e-mail form ("mailto:", "javascript:")."""
    if tag_of(node) != "a" or attr(node, "rel").lower() == "author":
        return False
    href = attr(node, "href")
    return not (v.AUTHOR_HREF.search(href) or va.NOT_A_PAGE_HREF.match(href))


def is_candidate(el: etree._Element) -> bool:
    return not _in_comments(el) and not _in_teaser_or_credit(el)


def _byline_elements(where: etree._Element) -> Iterator[etree._Element]:
    """Byline-named elements under `where` in document order (itself excluded)."""
    for el in islice(where.iterdescendants(etree.Element), v.MAX_SCAN_ELEMENTS):
        names = el.get("class") or el.get("id")
        # One C-level search per named element (a Python loop over the hints cost
        # ~1 ms a page).
        if not names or not va.BYLINE_HINT.search(f"{el.get('class')} {el.get('id')}"):
            continue
        if va.BYLINE_ATTR.search(class_id(el)) and not v.BOILERPLATE_WEAK.search(
            attr(el, "class").lower().replace("author", "")
        ):
            yield el


def byline_texts(root: etree._Element, scope: etree._Element | None) -> list[str]:
    """Texts of byline-named elements: the article `scope`'s first, then the page's
    (the first one that names someone is the article's)."""
    body = root.find("body")
    wheres = [w for w in (scope, body) if w is not None]
    texts: list[str] = []
    # The elements themselves, not their id(): lxml frees a proxy nobody holds.
    seen: set[etree._Element] = set()
    for where in wheres:
        found = 0
        for el in _byline_elements(where):
            if el in seen or not is_candidate(el):
                continue
            seen.add(el)
            text = spaced_text(el, va.MAX_BYLINE_TEXT_CHARS)
            cjk = any(ord(c) > 0x2E80 for c in text)
            limit = va.MAX_CJK_BYLINE_CHARS if cjk else va.MAX_BYLINE_TEXT_CHARS
            if 2 < len(text) < limit:
                texts.append(text)
                found += 1
                if found >= va.MAX_BYLINE_ELEMENTS:
                    break
    return texts


def labelled_bylines(root: etree._Element) -> list[str]:
    """Short lines that open with a byline label and link the names ("Von: <a>A</a>")."""
    limit = va.MAX_LABELLED_BYLINE_CHARS
    texts: list[str] = []
    for el in islice(root.iter(*va.LABELLED_BYLINE_TAGS), v.MAX_SCAN_ELEMENTS):
        if not el.text or not va.BYLINE_LEAD_LABEL.match(el.text) or len(el) == 0:
            continue
        # The linked names only: a date or a role may follow them in the same line.
        links = [t for t in (spaced_text(a) for a in el.iter("a")) if t]
        if not links or len(spaced_text(el, limit)) > limit:
            continue
        if not is_candidate(el):
            continue
        texts.append(", ".join(links))
        if len(texts) >= va.MAX_BYLINE_ELEMENTS:
            break
    return texts


def _text_after(el: etree._Element) -> str:
    """The text following `el`: its tail, else its next non-blank siblings' text, else
    (when `el` opens its parent and nothing follows it there) the text after the parent."""
    limit = va.MAX_LABELLED_BYLINE_CHARS + 1
    for _ in range(va.LABEL_PARENT_LEVELS):
        pieces = [el.tail or ""]
        for sibling in islice(el.itersiblings(), va.LABEL_SIBLINGS):
            if collapse("".join(pieces)):
                break
            pieces += [" ", spaced_text(sibling, limit), " ", sibling.tail or ""]
        text = collapse("".join(pieces))
        parent = el.getparent()
        if text or parent is None or el.getprevious() is not None or collapse(parent.text):
            return text
        el = parent
    return ""


def _opens_line(el: etree._Element) -> bool:
    """No text right before `el`: a label, not a role after a name ("Jane Doe, <i>author</i>")."""
    prev = el.getprevious()
    before = (
        prev.tail if prev is not None else (p.text if (p := el.getparent()) is not None else "")
    )
    return not (before or "").strip()


def label_bylines(root: etree._Element) -> list[str]:
    """Names printed after an element holding only a byline label ("<h5>Autor:</h5>
    Jane Doe", "<span>By</span><span><a>Jane Doe</a></span>")."""
    texts: list[str] = []
    for el in islice(root.iter(*va.BYLINE_LABEL_TAGS), v.MAX_SCAN_ELEMENTS):
        own = el.text or ""
        if len(own) > va.MAX_LABEL_CHARS or not va.BYLINE_LEAD_LABEL.match(own) or len(el) > 1:
            continue
        if not va.BYLINE_LEAD_LABEL.match(spaced_text(el)) or not _opens_line(el):
            continue
        if not is_candidate(el):
            continue
        text = _text_after(el)
        if 2 < len(text) <= va.MAX_LABELLED_BYLINE_CHARS:
            texts.append(text)
            if len(texts) >= va.MAX_BYLINE_ELEMENTS:
                break
    return texts
