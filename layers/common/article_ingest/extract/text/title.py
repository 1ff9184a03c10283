"""The headline's final wording, once its line is chosen (`headline_rank.find_headline`).

Pages render a headline in pieces: a kicker glued to it ("Neue Leipziger Schule
Judy Lybke, ...") or printed with a colon of its own on the next line. The same
title often appears a second time in full (share text, breadcrumb, page title)
as "Kicker: Headline". These rules read those shapes; each is a linear scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lines import Kind, Line
from .vocabulary import WORD

# A kicker ("Landtagswahl in Thüringen", "Neue Leipziger Schule") is short.
KICKER_MAX_WORDS = 6
# A headline joined across a lone ":" line is short on both sides.
JOIN_MAX_WORDS = 20
# A reworded twin of the headline sits at most TWIN_REACH lines above it, both have
# at least TWIN_MIN_WORDS words and they share TWIN_SHARE of the shorter one's words.
TWIN_REACH = 12
TWIN_MIN_WORDS = 4
TWIN_SHARE = 0.6
# Characters that never render: soft hyphens ("Ver\xadfas\xadsung") split words.
SOFT_HYPHEN = "\u00ad"


@dataclass(slots=True)
class Title:
    """The headline text and the extra lines it was assembled from."""

    text: str
    line_indices: list[int] = field(default_factory=list)


def _kicker(kicker: str) -> bool:
    """A kicker is a few words and not a label that precedes a colon ("Share this")."""
    return bool(kicker) and kicker == kicker.strip() and len(kicker.split()) <= KICKER_MAX_WORDS


def _colon_twins(lines: list[Line], lo: int) -> list[tuple[str, str]]:
    """(kicker, headline) of each "Kicker: Headline" line from `lo` on, not furniture."""
    out = []
    for line in lines[lo:]:
        if line.kind is Kind.FURNITURE or ": " not in line.text:
            continue
        kicker, rest = line.text.split(": ", 1)
        if _kicker(kicker) and rest:
            out.append((kicker, rest))
    return out


def _join_colon_line(lines: list[Line], at: int) -> Title | None:
    """ "Kicker" / ":" / "Headline" on three lines: the page shows "Kicker: Headline"."""
    for first in (at, at - 2):
        if first < 0 or first + 2 >= len(lines) or lines[first + 1].text != ":":
            continue
        head, tail = lines[first], lines[first + 2]
        if head.text.isupper():
            return Title(tail.text, [first, first + 1, first + 2])  # a shouted section label
        if all(ln.kind is Kind.SHORT and ln.words <= JOIN_MAX_WORDS for ln in (head, tail)):
            return Title(f"{head.text}: {tail.text}", [first, first + 1, first + 2])
    return None


def headline_text(lines: list[Line], at: int, lo: int) -> Title:
    """The headline's wording for the chosen line `at` (header window from `lo`).

    * "Kicker" / ":" / "Headline" on three lines are one headline;
    * a kicker glued to the headline ("Kicker Headline", "KickerHeadline") is
      dropped when the page spells the title elsewhere as "Kicker: Headline";
    * a bare headline takes the kicker a "Kicker: Headline" line above it states
      (unless the kicker shouts: an upper-case kicker is a section label).
    """
    joined = _join_colon_line(lines, at)
    if joined is not None:
        return joined
    text = lines[at].text
    for kicker, rest in _colon_twins(lines, 0):
        if text in (f"{kicker} {rest}", f"{kicker}{rest}"):
            return Title(rest, [at])
    for kicker, rest in _colon_twins(lines[:at], lo):
        if rest == text and not kicker.isupper():  # "ONLINEVERSAND AUS FERNOST": a label
            return Title(f"{kicker}: {rest}", [at])
    twin = _reworded_twin(lines, at, lo)
    return Title(lines[twin].text if twin is not None else text, [at])


def _words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


def _reworded_twin(lines: list[Line], at: int, lo: int) -> int | None:
    """A line shortly above the headline that words the same title differently.

    Breadcrumbs end with the page's title ("Home / Wirtschaft / BIP: Diese
    Grafiken zeigen, ..."), a few lines above the displayed, reworded headline
    ("Diese zwei Grafiken zeigen, ..."): the page's title is the headline.
    """
    words = _words(lines[at].text)
    if len(words) < TWIN_MIN_WORDS:
        return None
    best: tuple[float, int] | None = None
    for i in range(max(lo, at - TWIN_REACH), at):
        line = lines[i]
        if line.kind is not Kind.SHORT or not TWIN_MIN_WORDS <= line.words <= JOIN_MAX_WORDS:
            continue
        if line.text.isupper() or line.text.endswith((":", ".", "|")):
            continue
        other = _words(line.text)
        shared = len(words & other) / max(1, min(len(words), len(other)))
        if words <= other or other <= words or lines[at].text in line.text:
            continue  # the headline with a site, a breadcrumb or a share label around it
        if shared >= TWIN_SHARE and (best is None or shared > best[0]):
            best = (shared, i)
    return best[1] if best else None


def clean(text: str) -> str:
    """A headline without invisible soft hyphens."""
    return text.replace(SOFT_HYPHEN, "")
