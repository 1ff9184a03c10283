"""The kept blocks of the body as structure: headings, lists, quotes, tables, code.

The blocks the body filter keeps are paragraphs of the page's elements; their tags
and ancestors say what they were: h2-h6 are headings, list items of one list are a
list, rows of one table a table, text under a <blockquote> a quote, <pre> code.
"""

from __future__ import annotations

from lxml import etree

from ...models import BlockType, ContentBlock
from . import vocabulary as v
from .blocks import Block
from .parse import collapse, tag_of

# Ancestors looked at for a <blockquote> around a paragraph (a quote is a few levels
# up at most: blockquote > div > p).
QUOTE_LEVELS = 4


def _ancestor(el: etree._Element, tags: frozenset[str], levels: int) -> etree._Element | None:
    for n, anc in enumerate(el.iterancestors()):
        if n >= levels:
            return None
        if tag_of(anc) in tags:
            return anc
    return None


def _cells(row: etree._Element) -> list[str]:
    return [
        c for c in (collapse(" ".join(td.itertext())) for td in row.iterchildren("td", "th")) if c
    ]


def _kind(block: Block) -> tuple[BlockType, etree._Element | None]:
    """What a kept block is, and the element grouping it with its neighbours."""
    if block.tag in v.HEADING_TAGS:
        return "heading", None
    if block.tag == "li":
        return "list", block.el.getparent()
    item = _ancestor(block.el, frozenset({"li"}), 2)
    if item is not None:  # <li><p>...</p></li>
        return "list", item.getparent()
    if block.tag == "tr":
        return "table", _ancestor(block.el, frozenset({"table"}), 3)
    if block.tag == "pre":
        return "code", None
    quote = _ancestor(block.el, frozenset({"blockquote"}), QUOTE_LEVELS)
    if quote is not None or tag_of(block.el) == "blockquote":
        return "quote", None
    return "paragraph", None


def structure(kept: list[Block]) -> list[ContentBlock]:
    """The kept blocks as ContentBlocks, list items and table rows grouped."""
    out: list[ContentBlock] = []
    group: etree._Element | None = None
    for block in kept:
        kind, owner = _kind(block)
        last = out[-1] if out else None
        if kind in ("list", "table") and last is not None and last.type == kind and owner is group:
            text = f"{last.text}\n{block.text}"
            if kind == "list":
                out[-1] = last.model_copy(
                    update={"text": text, "items": [*(last.items or []), block.text]}
                )
            else:
                rows = [*(last.rows or []), _cells(block.el) or [block.text]]
                out[-1] = last.model_copy(update={"text": text, "rows": rows})
            continue
        group = owner
        if kind == "heading":
            out.append(ContentBlock(type="heading", text=block.text, level=int(block.tag[1])))
        elif kind == "list":
            ordered = tag_of(owner) == "ol" if owner is not None else False
            out.append(
                ContentBlock(type="list", text=block.text, ordered=ordered, items=[block.text])
            )
        elif kind == "table":
            out.append(
                ContentBlock(type="table", text=block.text, rows=[_cells(block.el) or [block.text]])
            )
        else:
            out.append(ContentBlock(type=kind, text=block.text))
    return out
