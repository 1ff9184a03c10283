"""Where the authors are stated: JSON-LD, meta tags, microdata, visible bylines.

The first source that names people wins; a later one listing the same people plus
co-authors (the visible byline often names everyone, the metadata only the first)
replaces it. The publisher is never an author.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree

from . import jsonld
from . import vocabulary as v
from . import vocabulary_authors as va
from .authors import clean_authors
from .parse import attr, class_id, first_meta, itemprop, match_key, tag_of, text_of


def _author_elements(root: etree._Element) -> list[etree._Element]:
    """itemprop=author and rel=author elements, in document order."""
    found = root.xpath(".//*[@itemprop='author'][not(self::meta)] | .//a[@rel='author']")
    return [el for el in found if isinstance(el, etree._Element)]


def _author_name(el: etree._Element) -> str:
    names = itemprop(el, "name")
    return text_of(names[0]) if names else text_of(el)


def microdata_authors(elements: list[etree._Element]) -> list[str]:
    """Names of the author `elements` (all of them: co-authors), reader comments' not."""
    return [t for t in (_author_name(el) for el in elements if not _in_comments(el)) if t]


def marked_up_coauthors(elements: list[etree._Element], names: list[str]) -> list[str]:
    """The marked-up authors of the byline holding the first of `names`, among the
    page's author `elements`.

    Teasers mark their authors up too: co-authors are the author elements of the
    nearest ancestor holding several, when that ancestor is a byline block (short),
    not the whole article.
    """
    keys = {match_key(n) for n in names}
    first = next((el for el in elements if match_key(_author_name(el)) in keys), None)
    if first is None:
        return []
    for block in list(first.iterancestors())[: va.COAUTHOR_LEVELS]:
        inside = [el for el in elements if _contains(block, el)]
        if len(inside) > 1:
            if len(text_of(block)) > va.MAX_BYLINE_BLOCK_CHARS:
                return []
            return [t for t in (_author_name(el) for el in inside) if t]
    return []


def _contains(block: etree._Element, el: etree._Element) -> bool:
    return any(a is block for a in el.iterancestors())


def _body_elements(root: etree._Element) -> Iterator[etree._Element]:
    """The body's first elements in document order (the body itself excluded)."""
    body = root.find("body")
    if body is None:
        return iter(())
    return islice(body.iterdescendants(etree.Element), v.MAX_SCAN_ELEMENTS)


def _in_comments(el: etree._Element) -> bool:
    """A reader comment's author ("comment-author", a recent-comments widget)."""
    for level, node in enumerate((el, *el.iterancestors())):
        if level > va.COMMENT_LEVELS or tag_of(node) in ("body", "article", "main"):
            return False
        if va.COMMENT_ATTR.search(class_id(node)):
            return True
    return False


def byline_texts(root: etree._Element) -> list[str]:
    """Texts of byline-named elements in document order (the first one that names
    someone is the article's; later ones belong to teasers)."""
    texts: list[str] = []
    for el in _body_elements(root):
        names = (el.get("class") or "", el.get("id") or "")
        if not any(hint in name for hint in va.BYLINE_HINTS for name in names):
            continue
        if (
            va.BYLINE_ATTR.search(class_id(el))
            and not v.BOILERPLATE_WEAK.search(attr(el, "class").lower().replace("author", ""))
            and not _in_comments(el)
        ):
            text = text_of(el)
            limit = va.MAX_CJK_BYLINE_CHARS if any(ord(c) > 0x2E80 for c in text) else 120
            if 2 < len(text) < limit:
                texts.append(text)
                if len(texts) >= va.MAX_BYLINE_ELEMENTS:
                    break
    return texts


def labelled_bylines(root: etree._Element) -> list[str]:
    """Short lines that open with a byline label and link the names ("Von: <a>A</a>")."""
    texts: list[str] = []
    for el in islice(root.iter(*va.LABELLED_BYLINE_TAGS), v.MAX_SCAN_ELEMENTS):
        if not el.text or not va.BYLINE_LEAD_LABEL.match(el.text) or len(el) == 0:
            continue
        # The linked names only: a date or a role may follow them in the same line.
        links = [t for t in (text_of(a) for a in el.iter("a")) if t]
        if not links or len(text_of(el)) > va.MAX_LABELLED_BYLINE_CHARS:
            continue
        texts.append(", ".join(links))
        if len(texts) >= va.MAX_BYLINE_ELEMENTS:
            break
    return texts


def _adds_coauthors(names: list[str], other: list[str]) -> bool:
    """True when `other` names everyone in `names` and more."""
    return {match_key(n) for n in other} > {match_key(n) for n in names}


def find_authors(
    root: etree._Element,
    index: dict[str, list[str]],
    ld: jsonld.JsonLdArticle | None,
    publisher: str | None,
    url: str | None,
) -> tuple[list[str], str]:
    """Authors from the first source that names people, the publisher never among them.

    Returns:
        (names, source), ([], "") when the page names nobody.
    """
    blocked = [publisher or "", ld.site_name if ld else "", first_meta(index, v.META_PUBLISHER)]
    if url and (host := urlsplit(url).hostname):
        blocked += [host, host.removeprefix("www.")]
    ld_people = [n for n, kind in (ld.authors if ld else []) if kind != "org"]
    ld_orgs = [n for n, kind in (ld.authors if ld else []) if kind == "org"]
    meta_names = [m for k in va.META_AUTHOR for m in index.get(k, []) if not v.HTTP_URL.match(m)]
    # Found once: the marked-up authors are a source and the co-author check of any.
    elements = _author_elements(root)
    # Visible bylines cost a scan of the page: read only when needed.
    sources: list[tuple[Callable[[], list[str]], str]] = [
        (lambda: clean_authors(ld_people, blocked=blocked), "json-ld"),
        (lambda: clean_authors(meta_names, blocked=blocked), "meta"),
        (lambda: clean_authors(microdata_authors(elements), blocked=blocked), "microdata"),
    ]
    for names, source in sources:
        cleaned = names()
        if cleaned:
            coauthors = clean_authors(marked_up_coauthors(elements, cleaned), blocked=blocked)
            if _adds_coauthors(cleaned, coauthors):
                return coauthors, "microdata"
            return cleaned, source
    for text in byline_texts(root):
        cleaned = clean_authors([text], blocked=blocked)
        if cleaned:
            return cleaned, "byline-text"
    for text in labelled_bylines(root):
        cleaned = clean_authors([text], blocked=blocked)
        if cleaned:
            return cleaned, "byline-text"
    cleaned = clean_authors(ld_orgs, blocked=blocked)
    return (cleaned, "json-ld") if cleaned else ([], "")
