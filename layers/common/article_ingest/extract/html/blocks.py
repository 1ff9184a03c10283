"""Blocks: the paragraphs of a (cleaned) subtree in reading order, with their link text."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from . import vocabulary as v
from .parse import collapse, tag_of

MAX_DEPTH = 200


@dataclass(slots=True)
class Block:
    """One paragraph candidate: its text, how much of it is link text, and its element."""

    text: str
    link_chars: int
    tag: str
    el: etree._Element

    @property
    def link_density(self) -> float:
        return self.link_chars / max(len(self.text), 1)

    @property
    def is_heading(self) -> bool:
        return self.tag in v.HEADING_TAGS


def _has_block(el: etree._Element) -> bool:
    return any(tag_of(d) in v.BLOCK_TAGS for d in el.iterdescendants())


def _inline_text(el: etree._Element, parts: list[str], depth: int) -> None:
    tag = tag_of(el)
    if tag == "br":
        parts.append("\n")
    elif tag and el.text and depth < MAX_DEPTH:
        parts.append(el.text)
    if depth >= MAX_DEPTH:
        return
    for child in el:
        # A block inside an inline element (<a><p>..</p><p>..</p></a>) is still its own
        # line: without the break its words would run into the next block's.
        block = tag_of(child) in v.BLOCK_TAGS
        if block:
            parts.append("\n")
        _inline_text(child, parts, depth + 1)
        if block:
            parts.append("\n")
        if child.tail:
            parts.append(child.tail)


class _Run:
    """Inline text gathered between two block elements."""

    __slots__ = ("links", "parts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.links = 0

    def add_inline(self, el: etree._Element) -> None:
        _inline_text(el, self.parts, 0)
        if tag_of(el) == "a":
            self.links += len(collapse("".join(el.itertext())))
        else:
            self.links += sum(len(collapse("".join(a.itertext()))) for a in el.iter("a"))

    def flush(self, tag: str, el: etree._Element, out: list[Block]) -> None:
        if not self.parts:
            self.links = 0
            return
        raw = "".join(self.parts)
        self.parts = []
        links, self.links = self.links, 0
        pieces = (
            [collapse(p) for p in v.PARAGRAPH_BREAK.split(raw)] if "\n" in raw else [collapse(raw)]
        )
        pieces = [p for p in pieces if p]
        total = sum(len(p) for p in pieces) or 1
        for piece in pieces:
            out.append(Block(piece, round(links * len(piece) / total), tag, el))


class Spans:
    """Where each emitted element's blocks lie in the output list of one emit() call.

    An element's blocks do not depend on where it sits (only the depth limit
    does), so a container found after the page was emitted reuses its slice.
    """

    __slots__ = ("at", "cut")

    def __init__(self) -> None:
        self.at: dict[etree._Element, tuple[int, int]] = {}
        # The depth limit cut a subtree: a slice may differ from a fresh emit.
        self.cut = False

    def blocks_of(self, el: etree._Element, blocks: list[Block]) -> list[Block]:
        """The blocks emit(el) gives, from `blocks` (the recorded output) when known."""
        span = None if self.cut else self.at.get(el)
        if span is None:
            out: list[Block] = []
            emit(el, out)
            return out
        return blocks[span[0] : span[1]]


def emit(el: etree._Element, out: list[Block], depth: int = 0, spans: Spans | None = None) -> None:
    """Append the blocks of `el` to `out` in document order (recorded in `spans`)."""
    if spans is None:
        _emit(el, out, depth, None)
        return
    start = len(out)
    _emit(el, out, depth, spans)
    spans.at[el] = (start, len(out))


def _row(el: etree._Element, out: list[Block]) -> None:
    """A table row is one paragraph: its cells in order, separated by spaces."""
    cells = [collapse(" ".join(c.itertext())) for c in el.iterchildren("td", "th")]
    text = " ".join(c for c in cells if c)
    if text:
        links = sum(len(collapse("".join(a.itertext()))) for a in el.iter("a"))
        out.append(Block(text, links, "tr", el))


def _is_row(el: etree._Element) -> bool:
    """A <tr> that holds cells only. A parser's repair of broken markup (a forum
    theme's `</td></dl></div>`) can leave a whole post's divs directly in a <tr>;
    read as a row, their text was lost, since a row reads its cells."""
    return all(tag_of(c) in _CELL_TAGS for c in el if tag_of(c))


_CELL_TAGS = frozenset({"td", "th"})


def _emit(el: etree._Element, out: list[Block], depth: int, spans: Spans | None) -> None:
    tag = tag_of(el)
    if not tag or depth > MAX_DEPTH:
        if spans is not None and tag:
            spans.cut = True
        return
    if tag == "tr" and _is_row(el):
        _row(el, out)
        return
    run = _Run()
    if tag in v.LEAF_BLOCK_TAGS and not _has_block(el):
        run.add_inline(el)
        run.flush(tag, el, out)
        return
    if el.text:
        run.parts.append(el.text)
    for child in el:
        ctag = tag_of(child)
        if ctag == "tr" and depth < MAX_DEPTH and _is_row(child):
            # Rows are most of a table's children: read in place (no span recorded).
            run.flush(tag if tag in v.LEAF_BLOCK_TAGS else "div", el, out)
            _row(child, out)
            if child.tail:
                run.parts.append(child.tail)
        elif ctag in v.BLOCK_TAGS or (ctag and ctag != "br" and ctag != "a" and _has_block(child)):
            run.flush(tag if tag in v.LEAF_BLOCK_TAGS else "div", el, out)
            emit(child, out, depth + 1, spans)
            if child.tail:
                run.parts.append(child.tail)
        elif ctag:
            run.add_inline(child)
            if child.tail:
                run.parts.append(child.tail)
        elif child.tail:
            run.parts.append(child.tail)
    run.flush(tag if tag in v.LEAF_BLOCK_TAGS else "div", el, out)
