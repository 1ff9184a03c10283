"""The article's own headline: the title most of the page's sources agree on.

Pages state their headline up to five times (JSON-LD, og:title, twitter:title,
the h1, <title> with the site name). Editors sometimes shorten one of them for
social cards; the string most sources share is the article's own headline. On a
tie the title the publisher declares (JSON-LD, then the social titles) wins over
the visible h1 (DESIGN.md: `headline` is the declared title, `display_headline`
the h1 when it differs): on held-out fundus publishers, 29 of 34 pages whose h1
and declared title differ carry the declared one as their title.
"""

from __future__ import annotations

from lxml import etree

from ...models import Provenance
from . import vocabulary as v
from .parse import attr, collapse, match_key, tag_of


def strip_site(title: str, site_names: list[str]) -> str:
    """Drop " | Site" / "Site - " parts from a <title>-like string."""
    parts = v.TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    sites = {match_key(s) for s in site_names if s}
    kept = [p for p in parts if match_key(p) not in sites]
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


def _heading_parts(el: etree._Element) -> tuple[str, str]:
    """(the h1's text without kicker spans, the kicker text; "" when it has none)."""
    parts: list[str] = [el.text or ""]
    kickers: list[str] = []
    kicker = False
    for child in el:
        if tag_of(child) and v.KICKER_ATTR.search(f"{attr(child, 'class')} {attr(child, 'id')}"):
            kicker = True
            kickers.append(_join(list(child.itertext())))
        else:
            parts.append(_join(list(child.itertext())))
        parts.append(child.tail or "")
    text = collapse(_join(parts))
    # Without its kicker the separator that followed it is left over ("- Drusen ...").
    if not kicker:
        return text, ""
    return text.strip(v.HEADLINE_STRIP), collapse(_join(kickers)).strip(v.HEADLINE_STRIP)


def _other_kicker(text: str, heading: str, kicker: str) -> bool:
    """True when `text` is "X: heading" with X another kicker than the h1's own.

    A page whose h1 sets its kicker apart ("Minderheit in Syrien" over the title)
    may give its social title a different topic label ("Iranischer Angriff auf
    Israel: «…»"): two labels over one title; the title is the part they share.
    """
    for match in v.KICKER_SEPARATOR.finditer(text):
        label, rest = text[: match.start()], text[match.end() :]
        if match_key(rest) == match_key(heading):
            return bool(match_key(label)) and match_key(label) != match_key(kicker)
    return False


# A kicker label is a few words ("Neue Leipziger Schule", "\"Es wird bald beginnen\"").
MAX_KICKER_WORDS = 6


def _kicker_prefixed(heading: str, social: str) -> bool:
    """True when the h1 reads "Label: <social title>": the social title is the h1
    without a kicker label typed into the same line of text.

    A publisher's share title is written for the article alone; when it equals the
    h1 minus a short leading label, that label is a topic line, not the headline.
    """
    for match in v.KICKER_SEPARATOR.finditer(heading):
        label, rest = heading[: match.start()], heading[match.end() :]
        if len(label.split()) > MAX_KICKER_WORDS or len(label) >= len(rest):
            return False
        if match_key(label) and match_key(rest) == match_key(social):
            return True
    return False


# A site or section suffix is a few words ("Sport", "Golem.de", "日刊ゲンダイDIGITAL");
# a longer tail after a dash is part of the headline ("... - und doch wieder nicht").
MAX_SUFFIX_WORDS = 3


def _strip_known_site(title: str, sites: list[str]) -> str:
    """Drop a separator-delimited part equal to a known site name."""
    parts = v.TITLE_SEPARATOR.split(title)
    keys = {match_key(s) for s in sites if s}
    kept = [p for p in parts if match_key(p) not in keys]
    return " - ".join(kept) if kept and len(kept) < len(parts) else title


def _suffix_free(text: str) -> list[str]:
    """The text without its last section part ("A | Sport" -> "A"; a dash continues
    the headline: "A - so kam es")."""
    match = list(v.SECTION_SEPARATOR.finditer(text))
    if not match or len(text[match[-1].end() :].split()) > MAX_SUFFIX_WORDS:
        return []
    return [text[: match[-1].start()]]


def _votes(sources: list[tuple[str, Provenance]], title: str) -> dict[str, int]:
    """Votes per normalised title: one per independent source stating it."""
    votes: dict[str, int] = {}
    for text, source in sources:
        votes.setdefault(match_key(text), 0)
        if source != "title":
            votes[match_key(text)] += 1
    # Forms that a source other than <title> states on its own (the title's stripped
    # form is a guess, not a statement).
    stated = {match_key(t) for t, s in sources if s != "title"}
    # <title> is "Headline | Site" or "Site - Headline": it votes for what it frames.
    # A <title> equal to og:title is the same field copied: it adds no vote.
    copied = any(s == "meta" and t == title for t, s in sources)
    for key in votes.keys() & (set() if copied else _framed(title)):
        votes[key] += 1
    # "Headline | Section" is the same headline with a suffix: its votes go to the
    # bare form when another source states that form alone.
    for text, _ in sources:
        for bare in _suffix_free(text):
            key, full = match_key(bare), match_key(text)
            if key in stated and key != full:
                votes[key] += votes[full]
                votes[full] = 0
    return votes


def _framed(title: str) -> set[str]:
    """What a <title> may frame: itself, its leading or its trailing parts."""
    parts = v.TITLE_SEPARATOR.split(title)
    heads = {match_key(" ".join(parts[:i])) for i in range(1, len(parts) + 1)}
    return heads | {match_key(" ".join(parts[i:])) for i in range(len(parts))}


def _in_link(el: etree._Element) -> bool:
    """An h1 inside a link is the site's logo, not the article's title."""
    return any(tag_of(a) == "a" for a in el.iterancestors())


def choose_headline(
    root: etree._Element, ld_headline: str, index: dict[str, list[str]]
) -> tuple[str, Provenance | None, str]:
    """Choose the headline and name its source.

    Args:
        root: the parsed page.
        ld_headline: JSON-LD headline (may be empty).
        index: meta tags by lower-case key.

    Returns:
        (headline, provenance, the visible h1): "", None, "" for what the page lacks.
    """
    sites = [s for k in v.META_PUBLISHER for s in index.get(k, [])]
    site_keys = {match_key(s) for s in sites}
    headings = [
        (h, k)
        for h, k in (_heading_parts(el) for el in root.iter("h1") if not _in_link(el))
        if 3 <= len(h) <= 400 and match_key(h) not in site_keys
    ]
    h1s = [h for h, _ in headings]
    title = collapse(root.findtext(".//title") or "")
    sources: list[tuple[str, Provenance]] = [(ld_headline, "json-ld")]
    sources += [(h, "h1") for h in h1s[:1]]
    sources += [
        (collapse(t), "meta") for k in ("og:title", "twitter:title") for t in index.get(k, [])[:1]
    ]
    sources += [(strip_site(title, sites), "title")] if title else []
    # "Headline - Site" in JSON-LD or og:title: the site name is never the headline's.
    sources = [(_strip_known_site(t, sites) if s != "title" else t, s) for t, s in sources]
    sources = [(t, s) for t, s in sources if t and not v.MOJIBAKE.search(t)]
    shown = h1s[0] if h1s else ""
    if not sources:
        return "", None, shown
    votes = _votes(sources, title)
    if headings and headings[0][1]:
        # The h1 shows its kicker apart; a source prefixing another label is that title.
        heading, kicker = headings[0]
        for text, _ in sources:
            if _other_kicker(text, heading, kicker):
                votes[match_key(heading)] += votes[match_key(text)]
                votes[match_key(text)] = 0
    # Priority on ties: JSON-LD, then the social titles, then the visible h1, then <title>.
    order: dict[Provenance, int] = {"json-ld": 0, "meta": 1, "h1": 2, "title": 3}
    text, _ = min(sources, key=lambda ts: (-votes[match_key(ts[0])], order[ts[1]]))
    social = [t for t, s in sources if s == "meta"]
    same_as_h1 = shown if shown and match_key(text) == match_key(shown) else ""
    if social and same_as_h1 and _kicker_prefixed(same_as_h1, social[0]):
        text = social[0]
    # Sources agreeing up to punctuation ("A - B", "A: B", "A B" from two spans): the
    # spelling that keeps the separators, then typographic quotes and dashes, then the
    # one most of them use.
    same = [(t, s) for t, s in sources if match_key(t) == match_key(text)]
    spelled = {t: sum(t == u or title.startswith(t) for u, _ in sources) for t, _ in same}
    marks = {t: len(v.PUNCTUATION_RUN.findall(t.rstrip("."))) for t, _ in same}
    typo = {t: sum(c in v.TYPOGRAPHIC_MARKS for c in t) for t, _ in same}
    best = min(same, key=lambda ts: (-marks[ts[0]], -typo[ts[0]], -spelled[ts[0]], order[ts[1]]))
    return best[0], best[1], shown
