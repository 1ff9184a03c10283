"""The body's paragraphs: which lines of the body run are kept, and the fallback.

Inside the run, paragraphs, list items and one-line short sentences are kept,
subheadings when prose follows them; captions and credits go to images; furniture
and prompts to the reader go. When no run is found, the paste's readable lines
stand in (`fallback_paragraphs`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...models import Image
from . import vocabulary as v
from .lines import Kind, Line

# A list item announced by a colon line has at least this many words.
LIST_ITEM_MIN_WORDS = 3
# An author's bio is one of the last BIO_LINES paragraphs, at most BIO_MAX_WORDS
# long, under a body of more than BIO_MIN_BODY paragraphs.
BIO_LINES = 2
BIO_MAX_WORDS = 60
BIO_MIN_BODY = 2
# Inside the body run, a line of this many words without a final stop is still a
# paragraph when this share of its words are stop words of the benchmark languages
# (running text has 20-40 %, titles and name lists less; 18-24 words and 0.15-0.2
# scored alike on the three body sets, both halves).
UNSTOPPED_MIN_WORDS = 20
UNSTOPPED_STOP_SHARE = 0.2
# Stop words are counted in the first this many characters.
SCAN_CHARS = 3000
# A subheading has at most this many words.
SUBHEADING_MAX_WORDS = 20
# A short line that is a whole sentence ("You look for fresh prints.", "W Lesznie
# zaczął mocno padać deszcz.") has at least this many words (3 and 4 scored alike
# on the three body sets, both halves).
SHORT_SENTENCE_MIN_WORDS = 3
# A prompt to the reader (newsletter, consent, "this article", support appeal) is
# at most this long; longer lines that use the words are the story's own (25 and
# 40 scored alike on the body sets; 40 cut more body lines).
PROMPT_MAX_WORDS = 25


@dataclass(slots=True)
class Body:
    """Where the body runs (indices into the line list) and what it holds."""

    start: int
    end: int  # exclusive
    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    # What each paragraph is: "heading", "item" (of a list), "row" or "paragraph".
    kinds: list[str] = field(default_factory=list)

    def add(self, text: str, kind: str) -> None:
        self.paragraphs.append(text)
        self.kinds.append(kind)


def split_credit(text: str) -> Image:
    """An Image from a caption line: the whole line is the caption, the credit parsed."""
    credit: str | None = None
    for pattern in (v.CREDIT_TRAILER, v.CREDIT_PIPE_TRAILER):
        m = pattern.search(text)
        if m:
            credit = v.CREDIT_PREFIX.sub("", m.group("credit")).strip()
            break
    if credit is None and v.CREDIT_LINE.match(text):
        credit = v.CREDIT_LINE.sub("", text).strip(" :|") or None
        return Image(caption=None, credit=credit)
    return Image(caption=text, credit=credit)


def is_subheading(line: Line, following: Line | None, set_off: bool = False) -> bool:
    """A short title-shaped line followed by prose inside the body.

    On a page that sets paragraphs off with blank lines (`set_off`), a subheading
    has blank lines on both sides; glued short lines there are labels and teasers
    (on fundus-dev two thirds of set-off short lines are body, a quarter of glued).
    """
    if following is None or following.kind not in (Kind.PROSE, Kind.BULLET):
        return False
    if set_off and not (line.blank_before and line.blank_after):
        return False
    if line.words > SUBHEADING_MAX_WORDS or line.text.endswith((",", ";")):
        return False
    return any(ch.isalpha() for ch in line.text)


def _tabbed(line: Line) -> bool:
    return line.text.count("\t") >= 1 and line.kind is not Kind.FURNITURE


def is_table_row(lines: list[Line], i: int, start: int, end: int) -> bool:
    """A tab-separated line beside another one inside the body: a row of a table."""
    if not _tabbed(lines[i]):
        return False
    return (i > start and _tabbed(lines[i - 1])) or (i + 1 < end and _tabbed(lines[i + 1]))


def announces_list(line: Line, following: Line | None) -> bool:
    """A short line ending in ":" followed by a list item ("Tour dates:")."""
    return (
        line.text.endswith(":")
        and following is not None
        and following.kind in (Kind.SHORT, Kind.BULLET)
        and following.words >= LIST_ITEM_MIN_WORDS
    )


def is_caption(line: Line, following: Line | None) -> bool:
    """A line glued to a credit line right after it is that credit's caption.

    `following` is the next non-blank line: without a blank line after `line`,
    it is the very next line of the paste.
    """
    return following is not None and following.kind is Kind.CREDIT and not line.blank_after


def is_reader_prompt(line: Line) -> bool:
    """A short line that addresses the reader about the site, not the story:
    "Sign up for our newsletter ...", "Hat Ihnen dieser Artikel gefallen? ..."."""
    return line.words <= PROMPT_MAX_WORDS and v.READER_PROMPT.search(line.text) is not None


_ALL_STOP_WORDS = frozenset().union(*v.STOPWORDS.values())


def is_unstopped_sentence(line: Line) -> bool:
    """A long short-kind line that reads as running text: a sentence that lost its
    final stop (cut by a link or an emoji), not a title or a list of names."""
    if line.kind is not Kind.SHORT or line.words < UNSTOPPED_MIN_WORDS:
        return False
    words = [w.lower() for w in v.WORD.findall(line.text, 0, SCAN_CHARS)]
    return sum(w in _ALL_STOP_WORDS for w in words) >= UNSTOPPED_STOP_SHARE * max(1, len(words))


def is_short_sentence(line: Line, set_off: bool) -> bool:
    """A short line written as a sentence: capital first, a final stop, a few words.

    Prose needs PROSE_MIN_WORDS, so a one-line paragraph of a few words inside the
    body was dropped with the labels around it. On a page that sets paragraphs off
    (`set_off`) it stands alone between blank lines as they do.
    """
    text = line.text
    if line.kind is not Kind.SHORT or line.words < SHORT_SENTENCE_MIN_WORDS:
        return False
    if not text[:1].isupper() or not text.endswith((".", "!", "?")) or text.endswith(".."):
        return False
    return not set_off or (line.blank_before and line.blank_after)


def runs_on(line: Line, following: Line | None) -> bool:
    """A short line whose sentence runs on into the next line (a `<br>` inside a
    paragraph): the next line follows with no blank between, is prose and starts in
    lower case ("Der Plakatwettbewerb für Kinder" / "findet in 2020 bereits ...")."""
    return (
        following is not None
        and line.kind is Kind.SHORT
        and not line.blank_after
        and following.kind is Kind.PROSE
        and following.text[:1].islower()
        and not line.text.endswith((".", ":", "!", "?"))
    )


def select(
    lines: list[Line], start: int, end: int, skip: set[int], *, set_off: bool = False
) -> Body:
    """Paragraphs and images of lines[start:end], leaving out indices in `skip`.

    `set_off`: the page sets paragraphs off with blank lines (see `Run`).
    """
    body = Body(start, end)
    # A line seen before is left out: rendered pastes repeat captions, alt texts and
    # labels. (The HTML filter keeps repeats that are apart; the same here lowered
    # fundus pastes 0.943 -> 0.941, so pastes keep the stricter rule.)
    seen: set[str] = set()
    in_list = False  # after a line ending in ":", short lines are the list's items
    for i in range(start, end):
        line = lines[i]
        if i in skip or line.text in seen:
            continue
        if in_list and line.kind is Kind.SHORT and line.words >= LIST_ITEM_MIN_WORDS:
            body.add(line.text, "item")
            continue
        in_list = line.text.endswith(":") and line.kind is not Kind.FURNITURE
        following = lines[i + 1] if i + 1 < end else None
        if following is not None and following.text.startswith(line.text):
            continue  # a caption repeated with its credit appended: keep the longer
        if line.kind is Kind.CREDIT:
            image = split_credit(line.text)
            if image.caption:
                body.images.append(image)
            continue
        if line.kind is Kind.FURNITURE:
            continue
        if is_reader_prompt(line):
            continue
        kind = "item" if line.kind is Kind.BULLET else "paragraph"
        if line.kind in (Kind.PROSE, Kind.BULLET):
            if is_caption(line, following):
                body.images.append(Image(caption=line.text))
                continue
        elif is_table_row(lines, i, start, end):
            kind = "row"
        elif body.kinds[-1:] == ["item"] and v.BULLET.match(line.text):
            kind = "item"  # a short bulleted line continuing a list
        elif is_subheading(line, following, set_off):
            kind = "heading"
        elif not (
            announces_list(line, following)
            or is_unstopped_sentence(line)
            or runs_on(line, following)
            or is_short_sentence(line, set_off)
        ):
            continue
        seen.add(line.text)
        body.add(line.text, kind)
    return body


def fallback_paragraphs(lines: list[Line]) -> list[str]:
    """The paste's readable text when no body run was found: its prose lines
    (sentence-shaped, bulleted), else every line with a word that is not furniture,
    else every line; each text once, in page order."""
    for keep in (_readable_prose, _readable_line, _any_line):
        found = [line.text for line in lines if keep(line)]
        if found:
            return list(dict.fromkeys(found))
    return []


def _readable_prose(line: Line) -> bool:
    return line.kind in (Kind.PROSE, Kind.BULLET) and not line.wall


def _readable_line(line: Line) -> bool:
    return line.wordy and line.kind is not Kind.FURNITURE


def _any_line(line: Line) -> bool:
    return True


def drop_author_bio(paragraphs: list[str]) -> list[str]:
    """The paragraphs without an author's bio at their end ("Jane Doe is a freelance
    writer based in Toronto."): at most BIO_LINES of the last ones, each short."""
    out = list(paragraphs)
    for _ in range(BIO_LINES):
        if len(out) <= BIO_MIN_BODY or len(out[-1].split()) > BIO_MAX_WORDS:
            break
        if not v.AUTHOR_BIO.match(out[-1]):
            break
        out.pop()
    return out
