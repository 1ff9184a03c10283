"""Where the authors are stated: JSON-LD, meta tags, microdata, visible bylines.

The first source that credits someone wins; the marked-up byline listing the same
people plus co-authors (the metadata often names only the first) replaces it. The
publisher, and another organisation the JSON-LD types as such, is an author only
where the page credits it and credits nobody else.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from urllib.parse import urlsplit

from lxml import etree

from ...models import Provenance
from . import jsonld
from . import vocabulary as v
from . import vocabulary_authors as va
from .authors import clean_authors, complete_names, is_newsroom, publisher_credits
from .bylines import (
    article_scope,
    byline_texts,
    is_candidate,
    label_bylines,
    labelled_bylines,
    spaced_text,
)
from .parse import collapse, first_meta, itemprop, match_key


def _author_elements(root: etree._Element) -> list[etree._Element]:
    """itemprop=author and rel=author elements, in document order."""
    found = root.xpath(".//*[@itemprop='author'][not(self::meta)] | .//a[@rel='author']")
    return [el for el in found if isinstance(el, etree._Element)]


def _author_name(el: etree._Element) -> str:
    names = itemprop(el, "name")
    return spaced_text(names[0]) if names else spaced_text(el)


def _contains(block: etree._Element, el: etree._Element) -> bool:
    return any(a is block for a in el.iterancestors())


def _scoped(elements: list[etree._Element], scope: etree._Element | None) -> list[etree._Element]:
    """The candidates inside the article `scope` when it holds any, else all of them."""
    kept = [el for el in elements if is_candidate(el)]
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


def microdata_authors(elements: list[etree._Element], scope: etree._Element | None) -> list[str]:
    """Names in the article's first marked-up byline (with its co-authors)."""
    kept = _scoped(elements, scope)
    if not kept:
        return []
    return [t for t in (_author_name(el) for el in _byline_block(kept, kept[0])) if t]


def marked_up_coauthors(elements: list[etree._Element], names: list[str]) -> list[str]:
    """The marked-up authors of the byline holding the first of `names`."""
    keys = {match_key(n) for n in names}
    kept = [el for el in elements if is_candidate(el)]
    first = next((el for el in kept if match_key(_author_name(el)) in keys), None)
    if first is None:
        return []
    block = _byline_block(kept, first)
    return [t for t in (_author_name(el) for el in block) if t] if len(block) > 1 else []


def _adds_coauthors(names: list[str], other: list[str]) -> bool:
    """True when `other` names everyone in `names` and more."""
    return {match_key(n) for n in other} > {match_key(n) for n in names}


def _visible_credits(names: list[str], blocked: list[str], *, handles: bool = False) -> list[str]:
    """The people a visible byline credits, else the publisher when it credits that
    ("Von Presse Augsburg": the first byline crediting anyone is the article's)."""
    cleaned = clean_authors(names, blocked=blocked, handles=handles)
    return cleaned or publisher_credits(names, publisher=blocked)


class _PageScan:
    """The article scope and the visible bylines: each costs a scan of the page, so
    each is read once, and only when a source needs it."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root

    @cached_property
    def scope(self) -> etree._Element | None:
        return article_scope(self.root)

    @cached_property
    def bylines(self) -> list[str]:
        return byline_texts(self.root, self.scope)


def _completed(names: list[str], ld: jsonld.JsonLdArticle, page: _PageScan) -> list[str]:
    """A surname the source cut off, taken from the author's bio or a byline."""
    if all(len(n.split()) > 1 for n in names):
        return names
    return complete_names(names, ld.author_bios + page.bylines)


def _is_desk(name: str) -> bool:
    """A newsroom or a news agency (credited at once), not another organisation."""
    return is_newsroom(name) or bool(va.AGENCIES.match(name.strip()))


def find_authors(
    root: etree._Element,
    index: dict[str, list[str]],
    ld: jsonld.JsonLdArticle,
    publisher: str | None,
    url: str | None,
) -> tuple[list[str], Provenance | None]:
    """Authors from the first source that credits someone but the publisher.

    Returns:
        (names, source), ([], "") when the page names nobody.
    """
    blocked = [publisher or "", ld.site_name, first_meta(index, v.META_PUBLISHER)]
    if url and (host := urlsplit(url).hostname):
        blocked += [host, host.removeprefix("www.")]
    ld_names = [n for n, _kind in ld.authors]
    # An organisation the JSON-LD types as such is a credit only when nobody else is
    # credited, like the publisher; newsrooms and agencies are credits at once.
    ld_orgs = [n for n, kind in ld.authors if kind == "org" and not _is_desk(n)]
    ld_credits = [n for n in ld_names if n not in ld_orgs]
    meta_names = [m for k in va.META_AUTHOR for m in index.get(k, []) if not v.HTTP_URL.match(m)]
    # Found once: the marked-up authors are a source and the co-author check of any.
    elements = _author_elements(root)
    page = _PageScan(root)
    sources: list[tuple[Callable[[], list[str]], Provenance]] = [
        (lambda: clean_authors(ld_credits, blocked=blocked), "json-ld"),
        (lambda: clean_authors(meta_names, blocked=blocked), "meta"),
        (
            lambda: _visible_credits(
                microdata_authors(elements, page.scope), blocked, handles=True
            ),
            "microdata",
        ),
    ]
    for names, source in sources:
        cleaned = names()
        if cleaned:
            coauthors = clean_authors(marked_up_coauthors(elements, cleaned), blocked=blocked)
            if _adds_coauthors(cleaned, coauthors):
                return coauthors, "microdata"
            return _completed(cleaned, ld, page), source
    for text in page.bylines:
        cleaned = _visible_credits([text], blocked)
        if cleaned:
            return _completed(cleaned, ld, page), "byline-text"
    for text in labelled_bylines(root) + label_bylines(root):
        cleaned = clean_authors([text], blocked=blocked)
        if cleaned:
            return _completed(cleaned, ld, page), "byline-text"
    # Nobody else is credited: the structured data's credit of the publisher stands.
    cleaned = publisher_credits(ld_names, publisher=blocked) or clean_authors(
        ld_orgs, blocked=blocked
    )
    return (cleaned, "json-ld") if cleaned else ([], None)
