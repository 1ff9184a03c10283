"""Metadata: JSON-LD, meta tags, microdata, <time>, visible bylines and the URL, reconciled."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from lxml import etree

from . import jsonld, timestamps
from . import vocabulary as v
from .author_sources import find_authors
from .headline import choose_headline
from .parse import attr, class_id, collapse, first_meta, itemprop, tag_of, text_of


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
    provenance: dict[str, str] = field(default_factory=dict)


def _meta_index(root: etree._Element) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = (attr(meta, "property") or attr(meta, "name") or attr(meta, "itemprop")).lower()
        value = attr(meta, "content") or attr(meta, "datetime")
        if key and value:
            index.setdefault(key, []).append(value)
    return index


def _date_candidates(
    root: etree._Element,
    index: dict[str, list[str]],
    ld: jsonld.JsonLdArticle | None,
    lang: str | None,
) -> list[tuple[str, str]]:
    """(iso, source) for the publication time, best source first."""
    found: list[tuple[str, str]] = []
    if ld and ld.published:
        found.append((timestamps.normalise(ld.published, lang=lang) or "", "json-ld"))
    for key in v.META_PUBLISHED:
        for value in index.get(key, []):
            found.append((timestamps.normalise(value, lang=lang) or "", "meta"))
    for el in itemprop(root, "datePublished"):
        value = attr(el, "datetime") or attr(el, "content") or text_of(el)
        found.append((timestamps.normalise(value, lang=lang) or "", "microdata"))
    for el in root.iter("time"):
        value = attr(el, "datetime")
        if value:
            found.append((timestamps.normalise(value, lang=lang) or "", "time-element"))
            break
    return [(iso, src) for iso, src in found if iso]


def reconcile_dates(candidates: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    """Pick the best publication timestamp; borrow an offset from an agreeing source.

    A source with a time and offset wins over a date-only or local one; a local
    time takes the offset of another source stating the same wall-clock time.

    Returns:
        (iso, source) or (None, None).
    """
    if not candidates:
        return None, None
    iso, source = candidates[0]
    if timestamps.has_offset(iso):
        return iso, source
    for other, other_src in candidates[1:]:
        if not timestamps.has_offset(other):
            continue
        if timestamps.has_time(iso) and other[:16] == iso[:16]:
            return other, source
        if not timestamps.has_time(iso) and other[:10] == iso[:10]:
            return other, other_src
    return iso, source


def _visible_date(root: etree._Element, lang: str | None) -> str | None:
    """The first human-written date in a date-named element or a <time> (document order).

    Teasers of other articles carry dates too: the article holding the h1 is
    searched first, then the whole page.
    """
    scope = next(iter(root.xpath("//article[.//h1] | //main[.//h1]")), None)
    scopes = [scope, root] if isinstance(scope, etree._Element) else [root]
    for where in scopes:
        checked = 0
        for el in islice(where.iter(), v.MAX_SCAN_ELEMENTS):
            tag = tag_of(el)
            if tag != "time" and not v.DATE_ATTR.search(class_id(el) + " " + attr(el, "itemprop")):
                continue
            text = text_of(el)
            if not 6 <= len(text) <= v.MAX_DATELINE_CHARS:
                continue
            found = timestamps.human(text, lang=lang)
            if found:
                return found
            checked += 1
            if checked >= v.MAX_DATELINE_TRIES:
                break
    return None


def _language(root: etree._Element, index: dict[str, list[str]], ld: str) -> str | None:
    raw = attr(root, "lang") or attr(root, "xml:lang") or ld or first_meta(index, v.META_LANGUAGE)
    m = re.match(r"^([a-zA-Z]{2})(?:$|[-_])", raw)
    return m.group(1).lower() if m else None


def read_metadata(root: etree._Element, url: str | None) -> Metadata:
    """Collect and reconcile every metadata source of the page (tree unchanged)."""
    index = _meta_index(root)
    ld = jsonld.read(root, url)
    meta = Metadata(provenance={})
    prov = meta.provenance
    meta.language = _language(root, index, ld.language if ld else "")
    if meta.language:
        prov["language"] = "html-lang" if attr(root, "lang") else "meta"
    publisher = (ld.publisher or ld.site_name) if ld else ""
    meta.publisher = publisher or first_meta(index, v.META_PUBLISHER).lstrip("@") or None
    if meta.publisher:
        prov["publisher"] = "json-ld" if publisher else "meta"

    meta.headline, prov_headline, meta.display_headline = choose_headline(
        root, ld.headline if ld else "", index
    )
    meta.titles = [meta.headline, ld.headline if ld else ""]
    meta.titles += [t for k in v.META_TITLE[:2] for t in index.get(k, [])]
    # Only the first h1: some pages mark their section headings up as h1 too.
    meta.titles += [text_of(h) for h in root.iter("h1")][:1]
    if meta.headline:
        prov["headline"] = prov_headline

    meta.authors, author_source = find_authors(root, index, ld, meta.publisher, url)
    if meta.authors:
        prov["authors"] = author_source

    published, source = reconcile_dates(_date_candidates(root, index, ld, meta.language))
    if published:
        meta.published, prov["published_at"] = published, source or "meta"
    elif visible := _visible_date(root, meta.language):
        meta.published, prov["published_at"] = visible, "dateline-text"
    elif url and (m := v.URL_DATE.search(url)):
        meta.published = timestamps.normalise(f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}")
        prov["published_at"] = "url"
    modified = (ld.modified if ld else "") or first_meta(index, v.META_MODIFIED)
    meta.modified = timestamps.normalise(modified, lang=meta.language) if modified else None
    if meta.modified:
        prov["modified_at"] = "json-ld" if ld and ld.modified else "meta"

    meta.description = (
        (ld.description if ld else "") or first_meta(index, v.META_DESCRIPTION) or None
    )
    if meta.description:
        prov["description"] = "json-ld" if ld and ld.description else "meta"
    canonical = next((attr(el, "href") for el in root.iterfind(".//link[@rel='canonical']")), "")
    meta.canonical_url = (
        canonical or first_meta(index, v.META_URL) or (ld.url if ld else "") or None
    )
    if meta.canonical_url and not v.HTTP_URL.match(meta.canonical_url):
        meta.canonical_url = None
    tags = (ld.keywords + ld.sections) if ld else []
    for key in v.META_TAGS:
        for value in index.get(key, []):
            tags.extend(t.strip() for t in value.split(","))
    meta.tags = list(dict.fromkeys(t for t in (collapse(t) for t in tags) if t))[:50]
    images = (ld.images if ld else []) + [u for k in v.META_IMAGE for u in index.get(k, [])]
    meta.image_urls = list(dict.fromkeys(u for u in images if v.HTTP_URL.match(u)))
    meta.article_body = ld.body if ld else ""
    return meta
