"""The article's own headline: an h1 confirmed by metadata, else metadata without site names."""

from __future__ import annotations

import unicodedata

from lxml import etree

from . import vocabulary as v
from .parse import collapse, text_of


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def _similar(a: str, b: str) -> float:
    """Token-set overlap of two titles (0..1)."""
    ta, tb = set(_norm(a).split()), set(_norm(b).split())
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / max(len(ta), len(tb))


def strip_site(title: str, site_names: list[str]) -> str:
    """Drop " | Site" / "Site - " parts from a <title>-like string."""
    parts = v.TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    sites = {_norm(s) for s in site_names if s}
    kept = [p for p in parts if _norm(p) not in sites]
    if len(kept) == len(parts):
        # No site name known: the longest part is the headline.
        kept = [max(parts, key=len)]
    return " - ".join(kept) if kept else title


def choose_headline(
    root: etree._Element, ld_headline: str, index: dict[str, list[str]]
) -> tuple[str, str]:
    """Choose the headline and name its source.

    Args:
        root: the parsed page.
        ld_headline: JSON-LD headline (may be empty).
        index: meta tags by lower-case key.

    Returns:
        (headline, provenance), ("", "") when the page has none.
    """
    og = next((collapse(t) for k in v.META_TITLE[:2] for t in index.get(k, []) if t.strip()), "")
    title = collapse(root.findtext(".//title") or "")
    references = [t for t in (ld_headline, og, title) if t]
    h1s = [t for t in (text_of(h) for h in root.iter("h1")) if 3 <= len(t) <= 400]
    best, best_sim = "", 0.0
    for h1 in h1s:
        sim = max((_similar(h1, ref) for ref in references), default=0.0)
        if sim > best_sim:
            best, best_sim = h1, sim
    if best and best_sim >= 0.6:
        return best, "h1"
    if ld_headline:
        return ld_headline, "json-ld"
    sites = [s for k in v.META_PUBLISHER for s in index.get(k, [])]
    if og:
        return strip_site(og, sites), "meta"
    if len(h1s) == 1:
        return h1s[0], "h1"
    if title:
        return strip_site(title, sites), "title"
    return "", ""
