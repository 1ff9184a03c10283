"""JSON-LD: find the page's article node in scripts, @graph containers and arrays."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from . import vocabulary as v
from .parse import collapse

ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
        "liveblogposting", "socialmediaposting", "techarticle", "scholarlyarticle",
        "report", "advertisercontentarticle", "satiricalarticle", "webpage", "medicalwebpage",
    }
)  # fmt: skip
PERSON_TYPES = frozenset({"person"})
ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "organisation"})
MAX_NODES = 5_000
MAX_BIO_CHARS = 300


@dataclass
class JsonLdArticle:
    """The fields of the page's article node, raw but typed."""

    headline: str = ""
    authors: list[tuple[str, str]] = field(default_factory=list)  # (name, type)
    # The author nodes' descriptions ("Jane Doe is a reporter ..."): full names of
    # authors the node names by first name only.
    author_bios: list[str] = field(default_factory=list)
    published: str = ""
    modified: str = ""
    publisher: str = ""
    language: str = ""
    description: str = ""
    url: str = ""
    body: str = ""
    keywords: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    site_name: str = ""


def _load(text: str) -> Any:
    text = v.SCRIPT_CDATA.sub("", text.strip())
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        pass
    try:
        return json.loads(v.JSON_CONTROL_CHARS.sub(" ", text), strict=False)
    except (ValueError, RecursionError):
        return None


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    """Every dict in the JSON value, breadth first, bounded."""
    queue: list[Any] = [data]
    seen = 0
    while queue and seen < MAX_NODES:
        item = queue.pop(0)
        seen += 1
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            yield item
            for key in ("@graph", "mainEntity", "itemListElement", "hasPart"):
                if key in item:
                    queue.append(item[key])


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).rsplit("/", 1)[-1].lower() for t in items if isinstance(t, str)}


def _unescaped(value: str) -> str:
    """JSON-LD strings some CMSs HTML-escape twice ("R&uuml;ckbau", "&#039;")."""
    return collapse(html.unescape(value) if "&" in value else value)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return _unescaped(value)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or "")
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [s.strip() for s in re.split(r"[,;]", value) if s.strip()]
    if isinstance(value, list):
        return [t for item in value for t in ([_text(item)] if _text(item) else [])]
    return []


def _people(value: Any, by_id: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    items = value if isinstance(value, list) else [value]
    out: list[tuple[str, str]] = []
    for item in items[:50]:
        if isinstance(item, str):
            out.append((_unescaped(item), "text"))
        elif isinstance(item, dict):
            if "@id" in item and "name" not in item and item["@id"] in by_id:
                item = by_id[item["@id"]]
            name = _text(item.get("name"))
            if not name and (item.get("givenName") or item.get("familyName")):
                name = collapse(f"{_text(item.get('givenName'))} {_text(item.get('familyName'))}")
            kinds = _types(item)
            kind = "org" if kinds & ORG_TYPES else "person" if kinds & PERSON_TYPES else "text"
            if name:
                out.append((name, kind))
    return out


def _bios(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items[:50]:
        if isinstance(item, dict) and "@id" in item and item["@id"] in by_id:
            item = {**by_id[item["@id"]], **item}
        if isinstance(item, dict) and (bio := _text(item.get("description"))):
            out.append(bio[:MAX_BIO_CHARS])
    return out


def _url(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("@id") or value.get("url") or "")
    return _text(value)


def _image_urls(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    urls: list[str] = []
    for item in items[:20]:
        url = (
            item
            if isinstance(item, str)
            else _text(item.get("url"))
            if isinstance(item, dict)
            else ""
        )
        if url:
            urls.append(url)
    return urls


def _score(node: dict[str, Any], page_url: str | None) -> float:
    kinds = _types(node)
    score = 0.0
    if kinds & (ARTICLE_TYPES - {"webpage", "medicalwebpage"}):
        score += 10
    if node.get("headline"):
        score += 3
    if node.get("datePublished"):
        score += 2
    if node.get("author"):
        score += 2
    if node.get("articleBody"):
        score += 2
    url = _url(node.get("url")) or _url(node.get("mainEntityOfPage"))
    if page_url and url and url.rstrip("/") == page_url.rstrip("/"):
        score += 1
    return score


def read(root: etree._Element, page_url: str | None = None) -> JsonLdArticle:
    """The best article node of the page's JSON-LD; empty fields where it has none."""
    nodes: list[dict[str, Any]] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").lower()
        if "ld+json" not in kind or not script.text:
            continue
        nodes.extend(_walk(_load(script.text)))
    if not nodes:
        return JsonLdArticle()
    by_id = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str)}
    candidates = [n for n in nodes if _types(n) & ARTICLE_TYPES]
    if not candidates:
        return JsonLdArticle(site_name=_site_name(nodes))
    best = max(candidates, key=lambda n: _score(n, page_url))
    publisher = best.get("publisher")
    if isinstance(publisher, dict) and "@id" in publisher and "name" not in publisher:
        publisher = by_id.get(str(publisher["@id"]), publisher)
    return JsonLdArticle(
        headline=_text(best.get("headline")) or _text(best.get("name")),
        authors=_people(best.get("author") or best.get("creator"), by_id),
        author_bios=_bios(best.get("author") or best.get("creator"), by_id),
        published=_text(best.get("datePublished")) or _text(best.get("dateCreated")),
        modified=_text(best.get("dateModified")),
        publisher=_text(publisher),
        language=_text(best.get("inLanguage")),
        description=_text(best.get("description")),
        url=_url(best.get("url")) or _url(best.get("mainEntityOfPage")),
        body=body if isinstance(body := best.get("articleBody"), str) else "",
        keywords=_strings(best.get("keywords")),
        sections=_strings(best.get("articleSection")),
        images=_image_urls(best.get("image")),
        site_name=_site_name(nodes),
    )


def _site_name(nodes: list[dict[str, Any]]) -> str:
    for node in nodes:
        if _types(node) & ({"website"} | ORG_TYPES) and node.get("name"):
            return _text(node.get("name"))
    return ""
