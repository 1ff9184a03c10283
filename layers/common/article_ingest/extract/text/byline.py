"""Bylines: author names (and the publisher beside them) from header lines.

Three shapes, tried in order: an explicit byline ("By Jane Doe and John Roe",
"Von Max Muster, dpa", "Autor: X"), a label line ("Author of the article:")
followed by the names, and a bare name-shaped line next to the dateline
("Shanthi M·Stocktwits", "Yasmine Hassan · CBC News · Posted: ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import vocabulary as v
from .lines import Line

# A person's name has 1-5 tokens; longer parts are sentences or titles.
NAME_MAX_TOKENS = 5
# An agency credit inside a byline ("dpa", "AFP") is a short single token.
AGENCY_MAX_CHARS = 8
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\S*\d\S*")
_DATELINE_PARTS = re.compile(r"\s*(?:[,/|·•]|\s[-–—]\s)\s*")
# How close (in lines) a bare name must be to the dateline or the headline.
NEAR_DATE = 2
NEAR_HEADLINE = 3
_LABEL_LINE = re.compile(r"^(?:author|autor|auteur|authors|by|von|written by)\b.*:\s*$", re.I)


@dataclass(slots=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    line_indices: list[int] = field(default_factory=list)


def is_name(text: str) -> bool:
    """A person-name shape: 1-5 capitalised tokens (particles allowed), no digits."""
    tokens = text.split()
    if not 1 <= len(tokens) <= NAME_MAX_TOKENS or _DIGIT.search(text):
        return False
    if v.NOT_A_NAME.search(text):
        return False
    capitals = 0
    for token in tokens:
        if token.lower() in v.NAME_PARTICLES:
            continue
        if not v.NAME_TOKEN.match(token):
            return False
        capitals += 1
    return capitals >= 1


def is_person(text: str) -> bool:
    """A bare line that is a person's name: two or more name tokens."""
    return len(text.split()) >= 2 and is_name(text)


def split_names(text: str) -> list[str]:
    """Names of a byline's names part; stops at the first non-name part."""
    text = _DIGIT.split(text, maxsplit=1)[0]
    out: list[str] = []
    for part in v.NAME_SPLIT.split(text):
        part = part.strip(" .:-–—|·•()")
        if not part:
            continue
        if is_name(part) or (len(part) <= AGENCY_MAX_CHARS and part.isalpha()):
            out.append(part)
        elif out:
            break
    return out


def _parts(text: str) -> list[str]:
    return [p for p in v.BYLINE_PARTS.split(text) if p.strip()]


def _publisher(parts: list[str]) -> str | None:
    for part in parts[1:]:
        if not _DIGIT.search(part) and not v.PUBLISHED_WORDS.search(part) and len(part) < 40:
            return part.strip()
    return None


def _names_in_dateline(text: str) -> list[str]:
    """Person names written beside a date: "28. April 2024, 14:26 Uhr, Tobias Költzsch"."""
    out: list[str] = []
    for part in _DATELINE_PARTS.split(text):
        part = _DIGIT_RUN.sub(" ", part).strip(" .:-–—|·•,")
        if part and is_person(part) and not v.PUBLISHED_WORDS.search(part):
            out.append(part)
    return out


def find_byline(
    lines: list[Line], candidates: list[int], date_at: int | None, headline_at: int | None
) -> Byline:
    """Authors from the first byline-shaped line among `candidates` (line indices).

    `date_at` is the dateline's index and `headline_at` the headline's: a bare
    name right next to either is a byline.
    """
    for i in candidates:
        line = lines[i]
        parts = _parts(line.text)
        m = v.BYLINE_START.match(parts[0]) if parts else None
        if m and line.words <= 30:
            names = split_names(m.group("names"))
            if names:
                return Byline(names, _publisher(parts), [i])
        if _LABEL_LINE.match(line.text) and i + 1 < len(lines):
            names = split_names(lines[i + 1].text)
            if names:
                return Byline(names, None, [i, i + 1])
    if date_at is not None:
        names = _names_in_dateline(lines[date_at].text)
        if names:
            return Byline(names, None, [])
    near = [i for i in candidates if date_at is not None and abs(i - date_at) <= NEAR_DATE]
    near += [
        i
        for i in candidates
        if headline_at is not None and 0 < i - headline_at <= NEAR_HEADLINE and i not in near
    ]
    for i in near + [i for i in candidates if i not in near]:
        parts = _parts(lines[i].text)
        if parts and is_person(parts[0].strip()):
            if i not in near and len(parts) < 2:
                continue
            return Byline([parts[0].strip()], _publisher(parts), [i])
    return Byline()
