"""Where the authors are stated: JSON-LD, meta tags, microdata, visible bylines.

The first source that credits someone wins; a later one listing the same people plus
co-authors (the visible byline often names everyone, the metadata only the first)
replaces it. Visible bylines count inside the article (the h1's <article>/<main>)
first, and never inside teasers, picture credits or reader comments. The publisher
is an author only where the page credits it and credits nobody else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree

from . import jsonld
from . import vocabulary as v
from . import vocabulary_authors as va
from .authors import clean_authors, complete_names, is_newsroom, publisher_credits
from .parse import attr, class_id, collapse, first_meta, itemprop, match_key, tag_of

# Formatting tags inside a word ("<b>Mc</b>Donald"); any other element boundary
# separates words ("<span>ERIC TUCKER</span><span>Associated Press</span>").
INLINE_FORMAT_TAGS = frozenset({"b", "i", "em", "strong", "u", "small", "font", "mark", "abbr"})


def spaced_text(el: etree._Element) -> str:
    """The element's text with a space at every element boundary but inline formatting."""
    pieces: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        gap = "" if tag_of(node) in INLINE_FORMAT_TAGS else " "
        if event == "start":
            pieces += [gap, node.text or ""]
        else:
            pieces += [gap, (node.tail or "") if node is not el else ""]
    return collapse("".join(pieces))


def article_scope(root: etree._Element) -> etree._Element | None:
    """The <article> or <main> holding the h1, when there is one."""
    scope = next(iter(root.xpath("//article[.//h1] | //main[.//h1]")), None)
    return scope if isinstance(scope, etree._Element) else None


def _author_elements(root: etree._Element) -> list[etree._Element]:
    """itemprop=author and rel=author elements, in document order."""
    found = root.xpath(".//*[@itemprop='author'][not(self::meta)] | .//a[@rel='author']")
    return [el for el in found if isinstance(el, etree._Element)]


def _author_name(el: etree._Element) -> str:
    names = itemprop(el, "name")
    return spaced_text(names[0]) if names else spaced_text(el)


def _contains(block: etree._Element, el: etree._Element) -> bool:
    return any(a is block for a in el.iterancestors())


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


def _is_candidate(el: etree._Element) -> bool:
    return not _in_comments(el) and not _in_teaser_or_credit(el)


def _scoped(root: etree._Element, elements: list[etree._Element]) -> list[etree._Element]:
    """The candidates inside the article scope when it holds any, else all of them."""
    kept = [el for el in elements if _is_candidate(el)]
    scope = article_scope(root)
    inside = [el for el in kept if scope is not None and _contains(scope, el)]
    return inside or kept


def _byline_block(elements: list[etree._Element], first: etree._Element) -> list[etree._Element]:
    """`first` and the author elements sharing its byline block (a short ancestor).

    Teasers mark their authors up too: co-authors are the author elements of the
    nearest ancestor holding several, when that ancestor is a byline block (short),
    not the whole article.
    """
    for block in list(first.iterancestors())[: va.COAUTHOR_LEVELS]:
        inside = [el for el in elements if _contains(block, el)]
        if len(inside) > 1:
            if len(collapse("".join(block.itertext()))) > va.MAX_BYLINE_BLOCK_CHARS:
                return [first]
            return inside
    return [first]


def microdata_authors(root: etree._Element, elements: list[etree._Element]) -> list[str]:
    """Names in the article's first marked-up byline (with its co-authors)."""
    kept = _scoped(root, elements)
    if not kept:
        return []
    return [t for t in (_author_name(el) for el in _byline_block(kept, kept[0])) if t]


def marked_up_coauthors(elements: list[etree._Element], names: list[str]) -> list[str]:
    """The marked-up authors of the byline holding the first of `names`."""
    keys = {match_key(n) for n in names}
    kept = [el for el in elements if _is_candidate(el)]
    first = next((el for el in kept if match_key(_author_name(el)) in keys), None)
    if first is None:
        return []
    block = _byline_block(kept, first)
    return [t for t in (_author_name(el) for el in block) if t] if len(block) > 1 else []


def _byline_elements(where: etree._Element) -> Iterator[etree._Element]:
    """Byline-named elements under `where` in document order (itself excluded)."""
    for el in islice(where.iterdescendants(etree.Element), v.MAX_SCAN_ELEMENTS):
        names = (el.get("class") or "", el.get("id") or "")
        if not any(hint in name for hint in va.BYLINE_HINTS for name in names):
            continue
        if va.BYLINE_ATTR.search(class_id(el)) and not v.BOILERPLATE_WEAK.search(
            attr(el, "class").lower().replace("author", "")
        ):
            yield el


def byline_texts(root: etree._Element) -> list[str]:
    """Texts of byline-named elements: the article scope's first, then the page's
    (the first one that names someone is the article's)."""
    body = root.find("body")
    scope = article_scope(root)
    wheres = [w for w in (scope, body) if w is not None]
    texts: list[str] = []
    # The elements themselves, not their id(): lxml frees a proxy nobody holds.
    seen: set[etree._Element] = set()
    for where in wheres:
        found = 0
        for el in _byline_elements(where):
            if el in seen or not _is_candidate(el):
                continue
            seen.add(el)
            text = spaced_text(el)
            limit = va.MAX_CJK_BYLINE_CHARS if any(ord(c) > 0x2E80 for c in text) else 120
            if 2 < len(text) < limit:
                texts.append(text)
                found += 1
                if found >= va.MAX_BYLINE_ELEMENTS:
                    break
    return texts


def labelled_bylines(root: etree._Element) -> list[str]:
    """Short lines that open with a byline label and link the names ("Von: <a>A</a>")."""
    texts: list[str] = []
    for el in islice(root.iter(*va.LABELLED_BYLINE_TAGS), v.MAX_SCAN_ELEMENTS):
        if not el.text or not va.BYLINE_LEAD_LABEL.match(el.text) or len(el) == 0:
            continue
        # The linked names only: a date or a role may follow them in the same line.
        links = [t for t in (spaced_text(a) for a in el.iter("a")) if t]
        if not links or len(spaced_text(el)) > va.MAX_LABELLED_BYLINE_CHARS:
            continue
        if not _is_candidate(el):
            continue
        texts.append(", ".join(links))
        if len(texts) >= va.MAX_BYLINE_ELEMENTS:
            break
    return texts


def _text_after(el: etree._Element) -> str:
    """The text following `el`: its tail, else its next non-blank siblings' text, else
    (when `el` is all its parent holds) the text following the parent."""
    for _ in range(va.LABEL_PARENT_LEVELS):
        pieces = [el.tail or ""]
        for sibling in islice(el.itersiblings(), va.LABEL_SIBLINGS):
            if collapse("".join(pieces)):
                break
            pieces += [" ", spaced_text(sibling), " ", sibling.tail or ""]
        text = collapse("".join(pieces))
        parent = el.getparent()
        if text or parent is None or spaced_text(parent) != spaced_text(el):
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
        if not _is_candidate(el):
            continue
        text = _text_after(el)
        if 2 < len(text) <= va.MAX_LABELLED_BYLINE_CHARS:
            texts.append(text)
            if len(texts) >= va.MAX_BYLINE_ELEMENTS:
                break
    return texts


def _adds_coauthors(names: list[str], other: list[str]) -> bool:
    """True when `other` names everyone in `names` and more."""
    return {match_key(n) for n in other} > {match_key(n) for n in names}


def _visible_credits(names: list[str], blocked: list[str]) -> list[str]:
    """The people a visible byline credits, else the publisher when it credits that
    ("Von Presse Augsburg": the first byline crediting anyone is the article's)."""
    return clean_authors(names, blocked=blocked) or publisher_credits(names, publisher=blocked)


def _completed(
    names: list[str], root: etree._Element, ld: jsonld.JsonLdArticle | None
) -> list[str]:
    """A surname the source cut off, taken from the author's bio or a byline."""
    if all(len(n.split()) > 1 for n in names):
        return names
    return complete_names(names, (ld.author_bios if ld else []) + byline_texts(root))


def _is_desk(name: str) -> bool:
    """A newsroom or a news agency (credited at once), not another organisation."""
    return is_newsroom(name) or bool(va.AGENCIES.match(name.strip()))


def find_authors(
    root: etree._Element,
    index: dict[str, list[str]],
    ld: jsonld.JsonLdArticle | None,
    publisher: str | None,
    url: str | None,
) -> tuple[list[str], str]:
    """Authors from the first source that credits someone but the publisher.

    Returns:
        (names, source), ([], "") when the page names nobody.
    """
    blocked = [publisher or "", ld.site_name if ld else "", first_meta(index, v.META_PUBLISHER)]
    if url and (host := urlsplit(url).hostname):
        blocked += [host, host.removeprefix("www.")]
    ld_names = [n for n, _kind in (ld.authors if ld else [])]
    # An organisation the JSON-LD types as such is a credit only when nobody else is
    # credited, like the publisher; newsrooms and agencies are credits at once.
    ld_orgs = [n for n, kind in (ld.authors if ld else []) if kind == "org" and not _is_desk(n)]
    ld_credits = [n for n in ld_names if n not in ld_orgs]
    meta_names = [m for k in va.META_AUTHOR for m in index.get(k, []) if not v.HTTP_URL.match(m)]
    # Found once: the marked-up authors are a source and the co-author check of any.
    elements = _author_elements(root)
    # Visible bylines cost a scan of the page: read only when needed.
    sources: list[tuple[Callable[[], list[str]], str]] = [
        (lambda: clean_authors(ld_credits, blocked=blocked), "json-ld"),
        (lambda: clean_authors(meta_names, blocked=blocked), "meta"),
        (lambda: _visible_credits(microdata_authors(root, elements), blocked), "microdata"),
    ]
    for names, source in sources:
        cleaned = names()
        if cleaned:
            coauthors = clean_authors(marked_up_coauthors(elements, cleaned), blocked=blocked)
            if _adds_coauthors(cleaned, coauthors):
                return coauthors, "microdata"
            return _completed(cleaned, root, ld), source
    for text in byline_texts(root):
        cleaned = _visible_credits([text], blocked)
        if cleaned:
            return _completed(cleaned, root, ld), "byline-text"
    for text in labelled_bylines(root) + label_bylines(root):
        cleaned = clean_authors([text], blocked=blocked)
        if cleaned:
            return _completed(cleaned, root, ld), "byline-text"
    # Nobody else is credited: the structured data's credit of the publisher stands.
    cleaned = publisher_credits(ld_names, publisher=blocked) or clean_authors(
        ld_orgs, blocked=blocked
    )
    return (cleaned, "json-ld") if cleaned else ([], "")
