"""Split a paste into lines and classify each one from its own shape.

A line's class depends only on the line (length, punctuation, vocabulary), so
classification is one linear pass; the context-dependent decisions (where the
body is, which line is the headline) are made by `body` and `header`.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from itertools import compress, repeat
from operator import attrgetter, getitem, is_, itemgetter, not_
from typing import NamedTuple

from . import vocabulary as v

# A line of at least this many words that ends like a sentence is prose. Eight words
# keeps one-sentence paragraphs and drops teaser headlines (calibrated on the two
# benchmark text sets: teaser titles are mostly 5-12 words without a full stop).
PROSE_MIN_WORDS = 8
# A line this long is prose without a final stop if it has a sentence break inside
# (paragraphs cut by a link or a missing stop).
PROSE_LONG_WORDS = 30
# Furniture phrases only count on short lines: "Share prices rose..." is prose.
FURNITURE_MAX_WORDS = 12
# A caption with an inline credit label ("... Bild: X/dpa") is at most this long.
CAPTION_MAX_WORDS = 60
# A line ending in an ellipsis below this length is a truncated teaser lead.
TEASER_MAX_WORDS = 40
# Teaser cards: a glued title within this many characters, of at least this many
# words, most of them capitalised (Title Case), is a headline glued to its lead.
TEASER_TITLE_CHARS = 150
TEASER_TITLE_MIN_WORDS = 4
TEASER_TITLE_SHARE = 0.8
# Furniture phrases found anywhere ("all rights reserved") only count on lines up to
# this long; a paragraph quoting them is still prose.
FURNITURE_ANYWHERE_MAX_WORDS = 40
# Per-line regex work is bounded: credits and final stops are looked for in the
# last EDGE_CHARS characters, sentence breaks in the first SCAN_CHARS. This keeps
# classification linear in the input even for a one-line megabyte paste.
EDGE_CHARS = 300
SCAN_CHARS = 3000
# A comments heading ("Comments", "All Comments 4", "Log in to Reply") is short.
WALL_MAX_WORDS = 6
# ... unless it names the article ("5 thoughts on “<title>”"): then this long.
WALL_TITLE_MAX_WORDS = 40
# Characters that render as nothing: a line of only these is a blank line.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Stop words of the guessed language must be at least 1/LANG_MIN_SHARE of the words
# (real text runs 10-40%, Turkish is lowest; 1/16 keeps it and drops stray matches).
LANG_MIN_SHARE = 16
# The language is guessed from the first this many characters of prose.
LANG_SAMPLE_CHARS = 20000
# Lines repeat when there are this many times more lines than distinct texts: they
# then share their Line objects (see `split_lines`).
REPEATED_SHARE = 2
# CJK text has no spaces: this many CJK characters count as one word.
CJK_CHARS_PER_WORD = 2
# A "word" of more characters than this is no word (a hostile paste, an encoded
# blob; the longest token of the benchmark pastes has 536): it counts one word per
# LONG_WORD_CHARS characters, so the word bounds of bylines and datelines (a few
# dozen words) also bound the regex work spent on such a line.
LONG_WORD_CHARS = 1000


class Kind(enum.Enum):
    BLANK = "blank"
    PROSE = "prose"  # sentence-shaped text: body candidate
    SHORT = "short"  # title-, name-, menu- or label-shaped
    FURNITURE = "furniture"  # share bars, prompts, teasers, footers
    CREDIT = "credit"  # photo credit or caption with a credit
    BULLET = "bullet"  # a bulleted item with sentence content


class Line(NamedTuple):
    """One line of the paste and what its own shape says about it.

    Immutable, and shared where lines repeat: lines of the same text and the
    same blank neighbours may be one object (see `split_lines`). Nothing in it
    depends on where the line stands but its place in the list.
    """

    text: str
    words: int
    kind: Kind
    blank_before: bool = False
    blank_after: bool = False
    wall: bool = False  # the comments start here: the body never runs across it
    wordy: bool = True  # has a word (not a bare separator like "* * *" or "·")


def count_words(text: str) -> int:
    """Words of `text`; CJK characters count CJK_CHARS_PER_WORD to a word, and a
    token longer than LONG_WORD_CHARS one word per LONG_WORD_CHARS characters."""
    cjk = len(v.CJK_CHAR.findall(text)) if not text.isascii() else 0
    tokens = text.split()
    words = len(tokens) + cjk // CJK_CHARS_PER_WORD
    if len(text) > LONG_WORD_CHARS and max(map(len, tokens)) > LONG_WORD_CHARS:
        words += sum((len(token) - 1) // LONG_WORD_CHARS for token in tokens)
    return words


def _tail(text: str) -> str:
    """The end of a line, where captions carry their credit (bounded work per line)."""
    return text[-EDGE_CHARS:]


def is_credit(text: str, words: int) -> bool:
    """A photo credit line, or a caption that ends with its credit."""
    if v.CREDIT_LINE.match(text):
        return True
    if words > CAPTION_MAX_WORDS:
        return False
    if (":" in text or "©" in text) and v.CREDIT_INLINE.search(text):
        return True
    if text.endswith((")", "]")) and v.CREDIT_TRAILER.search(_tail(text)):
        return True
    if ("|" in text or "©" in text) and v.CREDIT_PIPE_TRAILER.search(_tail(text)):
        return True
    return text.count("/") == 1 and "http" not in text and bool(v.CREDIT_BARE.match(text))


def starts_with_furniture(text: str, first: re.Match[str]) -> bool:
    """The line starts with a furniture phrase ("Share", "Read more", "Teilen").

    `first` is the line's first word match.
    """
    rest = text[first.start() :]
    low = rest.lower()
    for phrase in v.FURNITURE_BY_FIRST_WORD.get(first.group().lower(), ()):
        if low.startswith(phrase):
            after = rest[len(phrase) : len(phrase) + 1]
            if not (after.isalpha() and after.islower()):  # "Share", "Add us onAdd", not "Shares"
                return True
    return False


def is_furniture(text: str, words: int) -> bool:
    """Page furniture by vocabulary: share bars, prompts, teasers, footers."""
    first = v.WORD.search(text, 0, EDGE_CHARS)
    if first is None:
        return bool(v.SEPARATOR_ONLY.match(text))
    low = text.lower()
    if words <= FURNITURE_ANYWHERE_MAX_WORDS and v.FURNITURE_ANYWHERE.search(low):
        return True
    if "cookie" in low and v.COOKIE_NOTICE.search(low):
        return True
    if first.group().lower() in v.TEASER_FIRST_WORDS and v.TEASER_LABEL.match(text):
        return True
    if words > FURNITURE_MAX_WORDS or is_prose(text, words):
        return False  # "Share prices rose sharply on Monday." is a sentence
    return starts_with_furniture(text, first)


def is_prose(text: str, words: int) -> bool:
    """Sentence-shaped: long enough and ends like a sentence (or is very long)."""
    if words < PROSE_MIN_WORDS:
        return False
    if words < TEASER_MAX_WORDS and text.endswith(("...", "…")):
        return False  # a lead cut short with an ellipsis is a teaser card
    if v.SENTENCE_END.search(_tail(text)):
        return True
    # A long line cut before its final stop still holds a sentence break; a tag
    # cloud or keyword list of the same length does not.
    return words >= PROSE_LONG_WORDS and bool(v.SENTENCE_BREAK.search(text, 0, SCAN_CHARS))


def is_glued_teaser(text: str) -> bool:
    """A Title Cased headline glued to its lead text: a link card, not a paragraph."""
    m = v.GLUED_CAPITAL.search(text, 0, TEASER_TITLE_CHARS)
    if m is None:
        return False
    title = text[: m.end()].split()
    capitalised = sum(1 for w in title if w[:1].isupper() or not w[:1].isalpha())
    return len(title) >= TEASER_TITLE_MIN_WORDS and capitalised >= TEASER_TITLE_SHARE * len(title)


def classify(text: str) -> tuple[Kind, int]:
    """The kind of a stripped, non-empty line and its word count."""
    words = count_words(text)
    if is_furniture(text, words):
        return Kind.FURNITURE, words
    if v.BULLET.match(text) and words >= 4:
        return Kind.BULLET, words
    if is_credit(text, words):
        return Kind.CREDIT, words
    if is_prose(text, words) and not is_glued_teaser(text):
        return Kind.PROSE, words
    return Kind.SHORT, words


# What a line's text alone tells: kind, word count, comments wall, contains a word.
Shape = tuple[Kind, int, bool, bool]


def _shape(text: str) -> Shape:
    """Kind, word count, comments wall, contains a word: all that depends on the text."""
    kind, words = classify(text)
    wall = (words <= WALL_MAX_WORDS and bool(v.COMMENTS_WALL.match(text))) or (
        words <= WALL_TITLE_MAX_WORDS and bool(v.COMMENTS_ON.match(text))
    )
    return kind, words, wall, v.WORD.search(text, 0, EDGE_CHARS) is not None


def split_lines(text: str) -> list[Line]:
    """All non-blank lines, classified, with whether a blank line surrounds them.

    Each distinct line is classified once; the rest is column work in C (map,
    compress, zip), never a Python call per line. When lines repeat (menus,
    separators, a hostile paste of millions of equal lines) the lines of one text
    with the same blank neighbours are one shared Line, not a new object each.
    """
    texts = list(map(str.strip, text.splitlines()))
    shapes = {  # of the non-blank texts (zero-width spaces show nothing)
        t: _shape(t) for t in dict.fromkeys(texts) if t and t.strip(INVISIBLE)
    }
    keep = list(map(shapes.__contains__, texts))
    blank = list(map(not_, keep))
    kept = list(compress(texts, keep))
    before = compress([True, *blank[:-1]], keep)  # the first line has a blank line above
    after = compress([*blank[1:], False], keep)
    if len(kept) > REPEATED_SHARE * len(shapes):
        made = tuple(
            tuple(_Made(shapes, above, below) for below in (False, True)) for above in (False, True)
        )
        tables = map(getitem, map(made.__getitem__, before), after)
        return list(map(getitem, tables, kept))
    known = list(map(shapes.__getitem__, kept))
    columns = zip(
        kept,
        map(_WORDS, known),
        map(_KIND, known),
        before,
        after,
        map(_WALL, known),
        map(_WORDY, known),
        strict=True,
    )
    return list(map(tuple.__new__, repeat(Line), columns))


_KIND, _WORDS, _WALL, _WORDY = (itemgetter(i) for i in range(4))  # of a `_shape`


class _Made(dict[str, Line]):
    """The Lines of one (blank before, blank after) pair by text, made on first use."""

    def __init__(self, shapes: dict[str, Shape], before: bool, after: bool) -> None:
        super().__init__()
        self.shapes, self.before, self.after = shapes, before, after

    def __missing__(self, text: str) -> Line:
        kind, words, wall, wordy = self.shapes[text]
        line = self[text] = Line(text, words, kind, self.before, self.after, wall, wordy)
        return line


_TEXT, _LINE_KIND = attrgetter("text"), attrgetter("kind")


def _prose_head(lines: list[Line], chars: int) -> list[str]:
    """The first prose lines, until they hold `chars` characters joined by spaces.

    The lines are filtered in C: a paste of millions of non-prose lines is not
    walked line by line in Python.
    """
    out: list[str] = []
    size = -1
    for text in compress(map(_TEXT, lines), map(is_, map(_LINE_KIND, lines), repeat(Kind.PROSE))):
        out.append(text)
        size += len(text) + 1
        if size >= chars:
            break
    return out


def guess_language(lines: list[Line]) -> str | None:
    """ISO 639-1 from script or stop words of the prose lines; None when unsure."""
    sample = " ".join(_prose_head(lines, LANG_SAMPLE_CHARS))[:LANG_SAMPLE_CHARS]
    if not sample:
        return None
    for pattern, lang in v.SCRIPT_LANGS:
        if len(pattern.findall(sample)) > len(sample) // 10:
            return lang
    counts: Counter[str] = Counter()
    words = [w.lower() for w in v.WORD.findall(sample)]
    for lang, stop in v.STOPWORDS.items():
        counts[lang] = sum(1 for w in words if w in stop)
    if not counts:
        return None
    lang, hits = counts.most_common(1)[0]
    return lang if hits >= max(3, len(words) // LANG_MIN_SHARE) else None
