"""Author names: split bylines into people, drop prefixes, roles, e-mails and publishers."""

from __future__ import annotations

from . import vocabulary_authors as va
from .parse import collapse, match_key

# A CJK personal name is 2-4 characters; 12 allows pen names and a space.
MAX_CJK_NAME_CHARS = 12


def _looks_like_name(part: str) -> bool:
    words = part.split()
    if not words or len(words) > 6 or len(part) > 60:
        return False
    if va.AGENCIES.match(part):
        return True
    if va.GENERIC_AUTHOR.match(part):
        return False
    if va.HAS_DIGIT.search(part) or va.EMAIL.search(part) or va.URLISH.search(part):
        return False
    if va.AUTHOR_ROLE.search(part) and len(words) > 1:
        return False
    # CJK names have no spaces and no capitals; Latin names start upper-case.
    if any(ord(c) > 0x2E80 for c in part):
        return len(part) <= MAX_CJK_NAME_CHARS
    # Every word of a name is capitalised, but for particles ("van", "de", "bin").
    capitalised = all(w[:1].isupper() or w.casefold() in va.NAME_PARTICLES for w in words)
    if words[0].casefold() in va.NOT_NAME_START:
        # "The Associated Press" is still the agency; "The Russian ..." is a phrase.
        return bool(va.AGENCIES.match(" ".join(words[1:])))
    return capitalised and words[0][:1].isupper() and all(va.NAME_TOKEN.match(w) for w in words)


def split_byline(text: str) -> list[str]:
    """Split one byline string into candidate names.

    Args:
        text: e.g. "By Jane Doe and John Roe, Reuters".

    Returns:
        The fragments that look like names or agencies, in order.
    """
    if va.PARENTHESISED_URL.search(text):
        # "Deutsche Welle (www.dw.com)": an organisation signing with its site.
        return []
    text = collapse(va.AUTHOR_PARENTHESES.sub(" ", va.EMAIL.sub(" ", text)))
    text = va.BYLINE_PREFIX.sub("", text, count=1)
    text = va.AUTHOR_TRAILING_ROLE.sub("", text)
    text = va.AUTHOR_TRAILING_PLACE.sub("", text)
    parts: list[str] = []
    for raw in va.AUTHOR_SPLIT.split(text):
        part = collapse(va.BYLINE_PREFIX.sub("", raw.strip(" .:-–—()[]|"), count=1))
        part = part.strip(" .:-–—()[]|")
        if part and _looks_like_name(part):
            parts.append(part)
    # "Anna Sleegers, Frankfurt": one-word fragments beside full names are places.
    if any(len(p.split()) > 1 for p in parts):
        parts = [p for p in parts if len(p.split()) > 1 or va.AGENCIES.match(p)]
    return parts


def _is_blocked(key: str, blocked: set[str]) -> bool:
    """The name is the publisher's (or its domain's) name, or a prefix of it."""
    squashed = key.replace(" ", "")
    return any(
        key == b or squashed == b.replace(" ", "") or (len(key) > 3 and b.startswith(key + " "))
        for b in blocked
    )


def clean_authors(names: list[str], *, blocked: list[str] | None = None) -> list[str]:
    """Split, clean and deduplicate author names.

    Args:
        names: raw names or bylines ("By Jane Doe and John Roe, Reuters").
        blocked: the publisher's names and domain; never reported as authors.

    Returns:
        Person (or agency) names, case-insensitively unique, in order.
    """
    blocked_keys = {match_key(b) for b in blocked or [] if b and match_key(b)}
    # "Legal Tribune Online" also signs as "LTO".
    blocked_keys |= {
        "".join(w[0] for w in k.split()) for k in list(blocked_keys) if len(k.split()) > 2
    }
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        if not name:
            continue
        parts = split_byline(name)
        key_of_name = match_key(name)
        if any(len(b) > 3 and b in key_of_name for b in blocked_keys):
            # "hessenschau.de, Frankfurt, Germany": beside the publisher, one word is a place.
            parts = [p for p in parts if len(p.split()) > 1 or va.AGENCIES.match(p)]
        for part in parts:
            key = match_key(part)
            if not key or key in seen or _is_blocked(key, blocked_keys):
                continue
            seen.add(key)
            out.append(part)
    # "Ines Zöttl", "Washington": beside full names a lone word is a place.
    if any(len(name.split()) > 1 for name in out):
        out = [n for n in out if len(n.split()) > 1 or va.AGENCIES.match(n)]
    return out


def byline_in_blocks(texts: list[str]) -> list[str]:
    """Bylines printed as a paragraph near the start or end of the text ("Autor: ...").

    Args:
        texts: the body's block texts in order.

    Returns:
        The matching lines (to be split and cleaned), possibly empty.
    """
    window = va.BODY_BYLINE_WINDOW
    edges = texts[:window] + texts[-window:] if len(texts) > 2 * window else texts
    found: list[str] = []
    for text in edges:
        if len(text) <= va.MAX_BODY_BYLINE_CHARS and va.BYLINE_LABEL.match(text):
            label = va.BYLINE_LABEL.match(text)
            rest = text[label.end() :] if label else text
            found.extend(n for n in va.CJK_LIST_SPLIT.split(rest.strip(" )）")) if n)
    return found
