"""The article's own headline: the title most of the page's sources agree on.

Pages state their headline up to five times (JSON-LD, og:title, twitter:title,
the h1, <title> with the site name). Editors sometimes shorten one of them for
social cards; the string most sources share is the article's own headline, and
the h1 (the title readers see) breaks ties.
"""

from __future__ import annotations

import unicodedata

from lxml import etree

from . import vocabulary as v
from .parse import attr, collapse, tag_of


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def strip_site(title: str, site_names: list[str]) -> str:
    """Drop " | Site" / "Site - " parts from a <title>-like string."""
    parts = v.TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    sites = {_norm(s) for s in site_names if s}
    kept = [p for p in parts if _norm(p) not in sites]
    if len(kept) == len(parts):
        # No site name known: drop the last part when it is short (a site name).
        kept = parts[:-1] if len(parts[-1]) < len(" - ".join(parts[:-1])) else parts
    return " - ".join(kept) if kept else title


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if not part:
            continue
        glue = out and not out[-1].isspace() and not part[0].isspace()
        out += (" " if glue and part[0] not in v.NO_SPACE_BEFORE else "") + part
    return out


def heading_text(el: etree._Element) -> str:
    """An h1's text without kicker/overline spans; element parts joined with spaces."""
    parts: list[str] = [el.text or ""]
    kicker = False
    for child in el:
        if tag_of(child) and v.KICKER_ATTR.search(f"{attr(child, 'class')} {attr(child, 'id')}"):
            kicker = True
        else:
            parts.append(_join(list(child.itertext())))
        parts.append(child.tail or "")
    text = collapse(_join(parts))
    # Without its kicker the separator that followed it is left over ("- Drusen ...").
    return text.strip(v.HEADLINE_STRIP) if kicker else text


# A site or section suffix is a few words ("Sport", "Golem.de", "日刊ゲンダイDIGITAL");
# a longer tail after a dash is part of the headline ("... - und doch wieder nicht").
MAX_SUFFIX_WORDS = 3


def _strip_known_site(title: str, sites: list[str]) -> str:
    """Drop a separator-delimited part equal to a known site name."""
    parts = v.TITLE_SEPARATOR.split(title)
    keys = {_norm(s) for s in sites if s}
    kept = [p for p in parts if _norm(p) not in keys]
    return " - ".join(kept) if kept and len(kept) < len(parts) else title


def _suffix_free(text: str) -> list[str]:
    """The text without its last separator-delimited part ("A | Sport" -> "A")."""
    match = list(v.TITLE_SEPARATOR.finditer(text))
    if not match or len(text[match[-1].end() :].split()) > MAX_SUFFIX_WORDS:
        return []
    return [text[: match[-1].start()]]


def _in_link(el: etree._Element) -> bool:
    """An h1 inside a link is the site's logo, not the article's title."""
    return any(tag_of(a) == "a" for a in el.iterancestors())


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
    sites = [s for k in v.META_PUBLISHER for s in index.get(k, [])]
    site_keys = {_norm(s) for s in sites}
    h1s = [
        h
        for h in (heading_text(el) for el in root.iter("h1") if not _in_link(el))
        if 3 <= len(h) <= 400 and _norm(h) not in site_keys
    ]
    title = collapse(root.findtext(".//title") or "")
    sources: list[tuple[str, str]] = [(ld_headline, "json-ld")]
    sources += [(h, "h1") for h in h1s[:1]]
    sources += [
        (collapse(t), "meta") for k in ("og:title", "twitter:title") for t in index.get(k, [])[:1]
    ]
    sources += [(strip_site(title, sites), "title")] if title else []
    sources = [(t, s) for t, s in sources if t and not v.MOJIBAKE.search(t)]
    if not sources:
        return "", ""
    votes: dict[str, int] = {}
    for text, source in sources:
        votes.setdefault(_norm(text), 0)
        if source != "title":
            votes[_norm(text)] += 1
    # <title> is "Headline | Site" or "Site: Headline": it votes for what it frames.
    norm_title = _norm(title)
    for key in votes:
        if norm_title.startswith(key) or norm_title.endswith(key):
            votes[key] += 1
    # "Headline | Section" is the same headline with a suffix: its votes go to the
    # shorter form when another source states that form alone.
    for text, _ in sources:
        for head in _suffix_free(text):
            if _norm(head) in votes and _norm(head) != _norm(text):
                votes[_norm(head)] += votes[_norm(text)]
                votes[_norm(text)] = 0
    # Priority on ties: the visible h1, then JSON-LD, then social titles, then <title>.
    order = {"h1": 0, "json-ld": 1, "meta": 2, "title": 3}
    text, source = min(sources, key=lambda ts: (-votes[_norm(ts[0])], order[ts[1]]))
    return text, source
