"""Author names: split bylines into credits, drop prefixes, roles, dates and e-mails.

A credit is a person, an agency or a newsroom ("MND Staff"). `clean_authors` blocks
the publisher's own names; `publisher_credits` picks them where a source credits the
publisher and nobody else.
"""

from __future__ import annotations

from . import vocabulary_authors as va
from .parse import collapse, match_key

# A CJK personal name is 2-4 characters; 12 allows pen names and a space.
MAX_CJK_NAME_CHARS = 12
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60
# "Agence France-Presse", the longest agency AGENCY_TAIL splits off.
MAX_AGENCY_CHARS = 25
# "Nils" completed to "Nils Pickert": at most this many surname words are taken.
MAX_SURNAME_WORDS = 2


def is_newsroom(part: str) -> bool:
    """A newsroom credit ("MND Staff", "IN-Redaktion"), not a bare job title."""
    if not va.NEWSROOM.search(part) or va.HAS_DIGIT.search(part) or va.EMAIL.search(part):
        return False
    words = [w.strip(".,:;()") for w in match_key(part.replace("-", " ")).split()]
    return len(words) > 1 and any(w not in va.ROLE_WORDS for w in words)


def _looks_like_name(part: str) -> bool:
    words = part.split()
    if not words or len(words) > MAX_NAME_WORDS or len(part) > MAX_NAME_CHARS:
        return False
    if va.AGENCIES.match(part):
        return True
    if len(words) == 1 and part.casefold().strip(":") in va.NOT_NAME_WORDS:
        return False
    if any(w.casefold().strip(".,:;…") in va.UI_WORDS for w in words):
        return False
    if va.GENERIC_AUTHOR.match(part):
        return False
    if is_newsroom(part):
        return True
    if va.HAS_DIGIT.search(part) or va.EMAIL.search(part) or va.URLISH.search(part):
        return False
    if va.AUTHOR_ROLE.search(part):
        return False
    # CJK names have no spaces and no capitals; Latin names start upper-case.
    if any(ord(c) > 0x2E80 for c in part):
        return len(part) <= MAX_CJK_NAME_CHARS
    if words[-1].casefold() in va.NAME_PARTICLES:
        # "Artikel von": a particle never ends a name.
        return False
    # Every word of a name is capitalised, but for particles ("van", "de", "bin").
    capitalised = all(w[:1].isupper() or w.casefold() in va.NAME_PARTICLES for w in words)
    if words[0].casefold() in va.NOT_NAME_START:
        # "The Associated Press" is still the agency; "The Russian ..." is a phrase.
        return bool(va.AGENCIES.match(" ".join(words[1:])))
    return capitalised and words[0][:1].isupper() and all(va.NAME_TOKEN.match(w) for w in words)


def _split_agency(part: str) -> list[str]:
    """The person and the agency of "ERIN TALLOW Associated Press"; else `[part]`."""
    if len(part) > MAX_NAME_CHARS + MAX_AGENCY_CHARS:
        return [part]
    m = va.AGENCY_TAIL.match(part)
    if not m or len(m["name"].split()) < 2 or not _looks_like_name(m["name"]):
        return [part]
    return [m["name"], m["long"] or m["short"]]


def _strip(text: str) -> str:
    part = collapse(va.BYLINE_PREFIX.sub("", text.strip(" .:-–—()[]|"), count=1))
    return part.strip(" .:-–—()[]|")


def _is_handle(part: str) -> bool:
    """A user name a marked-up author holds as is ("marc", "c1ph4"), not a CMS account."""
    return (
        bool(va.HANDLE.match(part))
        and part.casefold() not in va.NOT_NAME_WORDS
        and not va.CMS_ACCOUNT.search(part)
    )


def split_byline(text: str, *, handles: bool = False) -> list[str]:
    """Split one byline string into candidate credits.

    Args:
        text: e.g. "By Jane Doe and John Roe, Reuters".
        handles: the text is a visible marked-up author, where a lower-case user name
            ("marc") is the author's name.

    Returns:
        The fragments that look like names, agencies or newsrooms, in order.
    """
    # A byline is short: the cap bounds the patterns' work on a hostile field.
    text = text[: va.MAX_BYLINE_INPUT_CHARS]
    if va.PARENTHESISED_URL.search(text):
        # "Deutsche Welle (www.dw.com)": an organisation signing with its site.
        return []
    text = collapse(va.AUTHOR_PARENTHESES.sub(" ", va.EMAIL.sub(" ", text)))
    text = va.BYLINE_PREFIX.sub("", text, count=1)
    for trailing in (va.AUTHOR_TRAILING_DATE, va.AUTHOR_TRAILING_WEEKDAY):
        text = trailing.sub("", text)
    text = va.AUTHOR_TRAILING_ROLE.sub("", text)
    text = va.AUTHOR_TRAILING_PLACE.sub("", text)
    parts: list[str] = []
    for raw in va.AUTHOR_SPLIT.split(text):
        for part in _split_agency(_strip(raw)):
            if part and (_looks_like_name(part) or (handles and _is_handle(part))):
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


def _without_publisher(part: str, keys: set[str]) -> str:
    """The person without the publisher printed after them ("Kevin McCoy USA TODAY")."""
    words = part.split()
    if is_newsroom(part):
        # "Redacción Diario Pagina Siete" names the newsroom by the publisher's name.
        return part
    for key in keys:
        size = len(key.split())
        if len(key) > 3 and len(words) >= size + 2 and match_key(" ".join(words[-size:])) == key:
            return " ".join(words[:-size])
    return part


def blocked_keys(blocked: list[str]) -> set[str]:
    """Match keys of the publisher's names, plus the acronyms of long ones."""
    keys = {match_key(b) for b in blocked if b and match_key(b)}
    # "Legal Tribune Online" also signs as "LTO".
    return keys | {"".join(w[0] for w in k.split()) for k in list(keys) if len(k.split()) > 2}


def clean_authors(
    names: list[str], *, blocked: list[str] | None = None, handles: bool = False
) -> list[str]:
    """Split, clean and deduplicate author names.

    Args:
        names: raw names or bylines ("By Jane Doe and John Roe, Reuters").
        blocked: the publisher's names and domain; never reported as authors.
        handles: the names are visible marked-up authors (see `split_byline`).

    Returns:
        Person, agency or newsroom names, case-insensitively unique, in order.
    """
    keys = blocked_keys(blocked or [])
    out: list[str] = []
    seen: set[str] = set()
    for name in (n[: va.MAX_BYLINE_INPUT_CHARS] for n in names):
        if not name:
            continue
        parts = split_byline(name, handles=handles)
        key_of_name = match_key(name)
        if any(len(b) > 3 and b in key_of_name for b in keys):
            # "hessenschau.de, Frankfurt, Germany": beside the publisher, one word is a place.
            parts = [p for p in parts if len(p.split()) > 1 or va.AGENCIES.match(p)]
        for part in (_without_publisher(p, keys) for p in parts):
            key = match_key(part)
            if not key or key in seen or _is_blocked(key, keys):
                continue
            seen.add(key)
            out.append(part)
    # "Ines Zöttl", "Washington": beside full names a lone word is a place.
    if any(len(name.split()) > 1 for name in out):
        out = [n for n in out if len(n.split()) > 1 or va.AGENCIES.match(n)]
    return out


def _full_name(first: str, text: str) -> str:
    """`first` followed in `text` by capitalised name words ("Nils Pickert ist ...")."""
    start = text.find(first)
    while start >= 0:
        before = text[start - 1 : start]
        after = text[start + len(first) :].split()[: MAX_SURNAME_WORDS + 1]
        if (
            not before.isalnum()
            and after
            and text[start + len(first) : start + len(first) + 1].isspace()
        ):
            surname: list[str] = []
            for word in after:
                if not (word[:1].isupper() and va.NAME_TOKEN.match(word)):
                    break
                surname.append(word)
            candidate = " ".join([first, *surname[:MAX_SURNAME_WORDS]])
            if surname and _looks_like_name(candidate) and not va.AUTHOR_ROLE.search(candidate):
                return candidate
        start = text.find(first, start + 1)
    return ""


def complete_names(names: list[str], texts: list[str]) -> list[str]:
    """One-word names completed from texts naming them in full ("Nils" -> "Nils Pickert").

    Args:
        names: the chosen authors.
        texts: author bios and bylines of the page.

    Returns:
        `names`, each one-word person name replaced by its first full form in `texts`.
    """
    out: list[str] = []
    for name in names:
        if len(name.split()) == 1 and not va.AGENCIES.match(name) and name[:1].isupper():
            name = next((full for t in texts if (full := _full_name(name, t))), name)
        out.append(name)
    return out


def publisher_credits(names: list[str], *, publisher: list[str]) -> list[str]:
    """The publisher's own names among credited `names` ("DER SPIEGEL", "ndr.de").

    Args:
        names: raw names or bylines a source credits.
        publisher: the publisher's names and domain.

    Returns:
        The fragments that name the publisher, as written, unique, in order.
    """
    keys = blocked_keys(publisher)
    out: list[str] = []
    for name in (n[: va.MAX_BYLINE_INPUT_CHARS] for n in names):
        if va.NOT_A_CREDIT.match(name):
            continue
        text = va.BYLINE_PREFIX.sub("", collapse(name), count=1)
        for raw in va.AUTHOR_SPLIT.split(text):
            part = _strip(raw)
            key = match_key(part)
            if key and _is_blocked(key, keys) and key not in map(match_key, out):
                out.append(part)
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
