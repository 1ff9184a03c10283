"""Author names: split bylines into people, drop prefixes, roles, e-mails and publishers."""

from __future__ import annotations

import unicodedata

from . import vocabulary as v
from .parse import collapse


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def _looks_like_name(part: str) -> bool:
    words = part.split()
    if not words or len(words) > 6 or len(part) > 60:
        return False
    if v.AGENCIES.match(part):
        return True
    if v.HAS_DIGIT.search(part) or v.EMAIL.search(part) or v.URLISH.search(part):
        return False
    if v.AUTHOR_ROLE.search(part) and len(words) > 1:
        return False
    # CJK names have no spaces and no capitals; Latin names start upper-case.
    if any(ord(c) > 0x2E80 for c in part):
        return True
    return any(w[:1].isupper() for w in words) and all(v.NAME_TOKEN.match(w) for w in words)


def split_byline(text: str) -> list[str]:
    """Split one byline string into candidate names.

    Args:
        text: e.g. "By Jane Doe and John Roe, Reuters".

    Returns:
        The fragments that look like names or agencies, in order.
    """
    text = collapse(v.EMAIL.sub(" ", text))
    text = v.BYLINE_PREFIX.sub("", text, count=1)
    text = v.AUTHOR_TRAILING_ROLE.sub("", text)
    parts: list[str] = []
    for raw in v.AUTHOR_SPLIT.split(text):
        part = collapse(v.BYLINE_PREFIX.sub("", raw.strip(" .:-–—()[]|"), count=1))
        part = part.strip(" .:-–—()[]|")
        if part and _looks_like_name(part):
            parts.append(part)
    return parts


def clean_authors(
    names: list[str], *, publisher: str | None = None, split: bool = True
) -> list[str]:
    """Deduplicate and clean author names.

    Args:
        names: raw names or bylines, best source first.
        publisher: the site's name; never reported as an author.
        split: whether each string may hold several names (bylines) or is one name.

    Returns:
        Person (or agency) names, case-insensitively unique, in order.
    """
    blocked = {_key(publisher)} if publisher else set()
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        if not name:
            continue
        parts = split_byline(name) if split else [_single(name)]
        for part in parts:
            key = _key(part)
            if not key or key in seen or key in blocked:
                continue
            seen.add(key)
            out.append(part)
    return out


def _single(name: str) -> str:
    name = collapse(v.BYLINE_PREFIX.sub("", collapse(name), count=1))
    name = v.AUTHOR_TRAILING_ROLE.sub("", name).strip(" ,.:-–—|")
    return name if name and not v.EMAIL.fullmatch(name) and not v.URLISH.match(name) else ""
