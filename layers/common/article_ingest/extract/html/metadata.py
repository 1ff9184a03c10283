"""Metadata: JSON-LD, meta tags, microdata, <time>, visible bylines and the URL, reconciled."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ...models import Provenance
from . import jsonld
from . import vocabulary as v
from .author_sources import find_authors
from .headline import choose_headline
from .parse import attr, collapse, first_meta, text_of
from .published import read_dates


@dataclass
class Metadata:
    """Reconciled page metadata and where each field came from."""

    headline: str = ""
    display_headline: str = ""  # the visible h1; the service keeps it when it differs
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    publisher: str | None = None
    language: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    tags: list[str] = field(default_factory=list)
    image_urls: list[str] = field(default_factory=list)
    article_body: str = ""
    # Every title the page states (h1s, JSON-LD, og:, <title>): never body text.
    titles: list[str] = field(default_factory=list)
    provenance: dict[str, Provenance] = field(default_factory=dict)


def _meta_index(root: etree._Element) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = (attr(meta, "property") or attr(meta, "name") or attr(meta, "itemprop")).lower()
        value = attr(meta, "content") or attr(meta, "datetime")
        if key and value:
            index.setdefault(key, []).append(value)
    return index


def _language(root: etree._Element, index: dict[str, list[str]], ld: str) -> str | None:
    raw = attr(root, "lang") or attr(root, "xml:lang") or ld or first_meta(index, v.META_LANGUAGE)
    m = re.match(r"^([a-zA-Z]{2})(?:$|[-_])", raw)
    return m.group(1).lower() if m else None


def _first(*candidates: tuple[str | None, Provenance]) -> tuple[str | None, Provenance | None]:
    """The first non-empty value of (value, source) pairs, with its source."""
    for value, source in candidates:
        if value:
            return value, source
    return None, None


def read_metadata(root: etree._Element, url: str | None) -> Metadata:
    """Collect and reconcile every metadata source of the page (tree unchanged)."""
    index = _meta_index(root)
    ld = jsonld.read(root, url)
    meta = Metadata(provenance={})
    prov = meta.provenance

    def keep(name: str, source: Provenance | None) -> None:
        if source is not None:
            prov[name] = source

    meta.language = _language(root, index, ld.language)
    if meta.language:
        prov["language"] = "html-lang" if attr(root, "lang") else "meta"
    meta.publisher, source = _first(
        (ld.publisher or ld.site_name, "json-ld"),
        (first_meta(index, v.META_PUBLISHER).lstrip("@"), "meta"),
    )
    keep("publisher", source)

    meta.headline, prov_headline, meta.display_headline = choose_headline(root, ld.headline, index)
    meta.titles = [meta.headline, ld.headline]
    meta.titles += [t for k in v.META_TITLE[:2] for t in index.get(k, [])]
    # Only the first h1: some pages mark their section headings up as h1 too.
    meta.titles += [text_of(h) for h in root.iter("h1")][:1]
    if meta.headline:
        keep("headline", prov_headline)

    meta.authors, author_source = find_authors(root, index, ld, meta.publisher, url)
    if meta.authors:
        keep("authors", author_source)

    meta.published, meta.modified = read_dates(
        root, index, ld, url, meta.language, meta.headline, prov
    )

    meta.description, source = _first(
        (ld.description, "json-ld"), (first_meta(index, v.META_DESCRIPTION), "meta")
    )
    keep("description", source)
    canonical = next((attr(el, "href") for el in root.iterfind(".//link[@rel='canonical']")), "")
    meta.canonical_url = canonical or first_meta(index, v.META_URL) or ld.url or None
    if meta.canonical_url and not v.HTTP_URL.match(meta.canonical_url):
        meta.canonical_url = None
    tags = ld.keywords + ld.sections
    for key in v.META_TAGS:
        for value in index.get(key, []):
            tags.extend(t.strip() for t in value.split(","))
    meta.tags = list(dict.fromkeys(t for t in (collapse(t) for t in tags) if t))[:50]
    images = ld.images + [u for k in v.META_IMAGE for u in index.get(k, [])]
    meta.image_urls = list(dict.fromkeys(u for u in images if v.HTTP_URL.match(u)))
    meta.article_body = ld.body
    return meta
