"""Bylines: author names (and the publisher beside them) from header lines.

Shapes, tried in order: an explicit byline ("By Jane Doe and John Roe",
"Von Max Muster, dpa", "Autor: X"); a label line ("Von", "Author of the
article:") followed by the names; names written beside the date ("28. April
2024, 14:26 Uhr, Tobias Költzsch"); a bare name-shaped line next to the dateline
or the headline ("Shanthi M·Stocktwits", "Ines Varga | Clara Rook").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..dates import MONTHS, ZONE_OFFSETS, find_datetime
from . import vocabulary as v
from .lines import Kind, Line

# A person's name has 1-5 tokens; longer parts are sentences or titles.
NAME_MAX_TOKENS = 5
# An organisation credited in an explicit byline has at most this many words.
ORG_MAX_TOKENS = 4
# An explicit byline longer than this is a sentence that happens to start with "By".
BYLINE_MAX_WORDS = 30
# The copyright footer is among the last FOOTER_LINES lines and is short.
FOOTER_LINES = 60
FOOTER_MAX_WORDS = 25
# A byline without a by-word is short: "Jane Doe · Site", "A and B", "Name 2 min read".
BARE_MAX_WORDS = 10
# At most this many names stand beside a date ("..., Tobias Költzsch").
DATELINE_MAX_NAMES = 2
# How close (in lines) a bare name must be to the dateline or the headline.
NEAR_DATE = 2
NEAR_HEADLINE = 8


@dataclass(slots=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    line_indices: list[int] = field(default_factory=list)
    bare: bool = False  # a name-shaped line with no by-word: read more strictly


def is_name(text: str) -> bool:
    """A person-name shape: 1-5 capitalised tokens (particles allowed), no digits."""
    tokens = text.split()
    if not 1 <= len(tokens) <= NAME_MAX_TOKENS or v.BYLINE_DIGIT.search(text):
        return False
    if v.NOT_A_NAME.search(text) or v.PUBLISHED_WORDS.search(text):
        return False
    if v.ARTICLE_START.match(text):
        return False
    if len(tokens) > 2 and text.isupper():
        return False  # "MAKE BETTER COFFEE": a shouted label, not a name
    if any(len(v.INNER_CAPITAL.findall(token)) > 1 for token in tokens):
        return False  # "EdendaleMsunduziMsunduzi": glued menu words
    capitals = 0
    for token in tokens:
        low = token.lower().rstrip(".,")
        if low in v.WEEKDAYS or token in ZONE_OFFSETS:
            return False
        if low in v.NAME_PARTICLES:
            continue
        if not v.NAME_TOKEN.match(token):
            return False
        capitals += 1
    return capitals >= 1


def is_person(text: str) -> bool:
    """A bare line that is a person's name: two or more name tokens."""
    return len(text.split()) >= 2 and is_name(text)


def _leading_name(part: str) -> str:
    """The name at the start of a byline part: "Lance Ulanoff published" -> "Lance Ulanoff"."""
    tokens = part.split()
    keep = 0
    for token in tokens:
        if not (v.NAME_TOKEN.match(token) or token.lower() in v.NAME_PARTICLES):
            break
        low = token.lower().rstrip(".,")
        if keep and (low in MONTHS or low in v.WEEKDAYS or v.UPDATED_WORDS.match(low)):
            break  # "Umair Irfan Updated Nov": the dateline starts
        keep += 1
    return " ".join(tokens[:keep]) if keep >= 2 else part


def _is_org(part: str) -> bool:
    """A Title Case credit after an explicit "By": "The Associated Press", "Reuters"."""
    tokens = part.split()
    if v.NOT_A_NAME.search(part) and not v.NEWS_AGENCY.search(part):
        return False
    return 1 <= len(tokens) <= ORG_MAX_TOKENS and all(t[:1].isupper() for t in tokens)


def split_names(text: str, *, explicit: bool = False) -> list[str]:
    """Names of a byline's names part; stops at the first part that is not a name.

    A trailing single capitalised word after a comma is a place ("Johannes Ritter,
    Zürich") and dropped; an agency credit ("dpa", "AFP") is kept. After an
    explicit byline word (`explicit`), an organisation ("The Associated Press")
    counts as the author too.
    """
    text = v.BYLINE_DIGIT.split(v.NAME_FOOTNOTE.sub("", text), maxsplit=1)[0]
    out: list[str] = []
    for raw in v.NAME_SPLIT.split(text):
        part = drop_shouted_tail(_leading_name(clean_name(raw)))
        if not part:
            continue
        first = part.split()[0]
        if v.AGENCY.match(part) or (is_name(part) and (len(part.split()) > 1 or not out)):
            out.append(part)
        elif not out and v.AGENCY.match(first):
            out.append(first)  # "Quelle: dpa Sport"
        elif explicit and not out and _is_org(part):
            out.append(part)
        else:
            break
    return out


def clean_name(text: str) -> str:
    """A name without separators, job title or glued furniture ("Follow")."""
    text = v.NAME_TRAILER.sub("", text.strip(" .:-–—|·•()"))
    return v.ROLE_SUFFIX.sub("", text).strip(" .:-–—|·•()")


def drop_shouted_tail(name: str) -> str:
    """One name without a publisher in capitals: "Kevin McCoy USA TODAY" -> "Kevin McCoy"."""
    shorter = v.SHOUTED_TAIL.sub("", name)
    return shorter if not name.isupper() and len(shorter.split()) >= 2 else name


def _parts(text: str) -> list[str]:
    return [clean_name(p) for p in v.BYLINE_PARTS.split(text) if clean_name(p)]


def _publisher(parts: list[str]) -> str | None:
    for part in parts:
        if is_person(part) or v.BYLINE_DIGIT.search(part) or v.PUBLISHED_WORDS.search(part):
            continue
        if len(part) < 40 and not v.BYLINE_START.match(part):
            return part
    return None


def _names_in_dateline(text: str) -> list[str]:
    """Person names written beside a date: "28. April 2024, 14:26 Uhr, Tobias Költzsch"."""
    out: list[str] = []
    for part in v.DATELINE_PARTS.split(v.BYLINE_DIGIT_RUN.sub(" ", text)):
        part = part.strip(" .:-–—|·•,")
        if part and is_person(part) and not part.isupper():
            out.append(part)
    # A dateline names its author once or twice; a longer run is a list of sections.
    return out if len(out) <= DATELINE_MAX_NAMES else []


def _explicit(lines: list[Line], i: int) -> Byline | None:
    line = lines[i]
    if line.words > BYLINE_MAX_WORDS:
        return None
    parts = _parts(v.GLUED_BY.sub(r"\1 ", line.text))
    m = v.BYLINE_START.match(parts[0]) if parts else None
    if m and line.words <= BYLINE_MAX_WORDS:
        names = split_names(m.group("names"), explicit=True)
        if names:
            return Byline(names, _publisher(parts[1:]), [i])
    if v.BYLINE_LABEL.match(line.text) and i + 1 < len(lines):
        nxt = lines[i + 1]
        names = split_names(nxt.text, explicit=True) if nxt.words <= BYLINE_MAX_WORDS else []
        if names:
            used = [i, i + 1]
            _extend_down(lines, used, names)
            return Byline(names, None, used)
    return None


def _lone_name(line: Line) -> str | None:
    """The person a short line names on its own ("Mathias Hagen – Journalist")."""
    if line.words > BARE_MAX_WORDS or line.kind is not Kind.SHORT:
        return None
    parts = _parts(line.text)
    name = drop_shouted_tail(parts[0]) if parts else ""
    return name if is_person(name) else None


def _extend_down(lines: list[Line], used: list[int], names: list[str]) -> None:
    """Add the names standing alone on the lines right after `used`."""
    while used[-1] + 1 < len(lines) and (name := _lone_name(lines[used[-1] + 1])):
        used.append(used[-1] + 1)
        names.append(name)


def _beside_date(lines: list[Line], i: int) -> bool:
    """A dateline or relative time on the line right above or below line `i`."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines) and lines[j].words <= BARE_MAX_WORDS:
            text = lines[j].text
            if v.RELATIVE_TIME.search(text) or find_datetime(text) is not None:
                return True
    return False


def _bare(lines: list[Line], i: int, right_under_headline: bool) -> Byline | None:
    if lines[i].words > BARE_MAX_WORDS or lines[i].kind is not Kind.SHORT:
        return None  # a bare byline is a short line, never a sentence or a credit
    if i + 1 < len(lines) and lines[i + 1].kind is Kind.CREDIT and not right_under_headline:
        return None  # a name right above a photo credit is the caption's subject
    parts = _parts(lines[i].text)
    if not parts:
        return None
    names = [p for p in parts if is_person(p)]
    if not names and len(parts) == 1:
        lead = v.BYLINE_DIGIT.split(parts[0], maxsplit=1)[0]
        names = split_names(lead) if is_person(v.NAME_SPLIT.split(lead)[0].strip()) else []
    if not names or (not is_person(names[0]) and not v.AGENCY.match(names[0])):
        return None
    if all(n.isupper() for n in names) and not _beside_date(lines, i):
        return None  # "DUBAI AIRSHOW": a shouted label, unless a dateline stands beside it
    used = [i]
    # Several authors may stand on consecutive lines of their own.
    while used[0] > 0 and (name := _lone_name(lines[used[0] - 1])):
        used.insert(0, used[0] - 1)
        names.insert(0, name)
    _extend_down(lines, used, names)
    prev = lines[used[0] - 1] if used[0] > 0 else None
    if prev is not None and prev.text.endswith(":") and not v.BYLINE_LABEL.match(prev.text):
        return None  # items under a label ("Related Tags:"), not a byline
    return Byline(names, _publisher(parts), used, bare=True)


def find_byline(
    lines: list[Line], candidates: list[int], date_at: int | None, headline_at: int | None
) -> Byline:
    """Authors from the header lines `candidates`, each name once (see `_find`)."""
    found = _find(lines, candidates, date_at, headline_at)
    found.authors = list(dict.fromkeys(found.authors))
    return found


def _find(
    lines: list[Line], candidates: list[int], date_at: int | None, headline_at: int | None
) -> Byline:
    """Authors from the header lines `candidates` (line indices, in page order).

    `date_at` is the dateline's index and `headline_at` the headline's: a bare
    name close to either is a byline.
    """
    for i in candidates:
        found = _explicit(lines, i)
        if found:
            return found
    if date_at is not None and lines[date_at].words <= BYLINE_MAX_WORDS:
        names = _names_in_dateline(lines[date_at].text)
        if names:
            return Byline(names, None, [])
        for i in (date_at - 1, date_at + 1):
            if 0 <= i < len(lines) and v.AGENCY.match(lines[i].text):
                return Byline([lines[i].text], None, [i])
    near = [i for i in candidates if date_at is not None and abs(i - date_at) <= NEAR_DATE]
    if headline_at is not None:
        near += [i for i in candidates if 0 < i - headline_at <= NEAR_HEADLINE and i not in near]
    for i in near:
        if "\t" in lines[i].text:
            continue  # table cells (a paste keeps tabs only between cells), no byline
        found = _bare(lines, i, headline_at is not None and i == headline_at + 1)
        if found:
            return found
    return Byline()


def copyright_owner(lines: list[Line]) -> str | None:
    """The publisher a copyright footer names ("© 2024 Example Media. All rights ...")."""
    for line in reversed(lines[-FOOTER_LINES:]):
        if line.words > FOOTER_MAX_WORDS:
            continue
        m = v.COPYRIGHT_OWNER.search(line.text)
        if m is None:
            continue
        owner = v.ALL_RIGHTS.sub("", m.group("owner"))
        owner = v.OWNER_NOISE.sub("", v.OWNER_TAIL.split(owner, maxsplit=1)[0]).strip(" -–—:")
        if "/" in owner or len(v.INNER_CAPITAL.findall(owner)) > 1:
            continue  # a photo credit ("Name/imago") or glued footer links
        if owner[:1].isupper() and 1 <= len(owner.split()) <= ORG_MAX_TOKENS + 2:
            return owner
    return None
