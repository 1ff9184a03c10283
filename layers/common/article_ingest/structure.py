"""The body as structure: blocks (headings, paragraphs, lists, quotes, tables, code)
and the plain body derived from them.

Both extractors build blocks; `body` is their plain text, one paragraph per heading,
paragraph, quote and code block and one per list item or table row, so the body is
the same whether a client reads `body` or renders `blocks`.
"""

from __future__ import annotations

from collections.abc import Callable

from .models import ContentBlock

# Lists and tables hold one item or row per line of their `text`.
_MULTILINE = frozenset({"list", "table"})


def paragraphs_of(blocks: list[ContentBlock]) -> list[str]:
    """The body's paragraphs, in order, as `body` spells them."""
    out: list[str] = []
    for block in blocks:
        if block.type in _MULTILINE:
            out += [line for line in block.text.split("\n") if line]
        elif block.text:
            out.append(block.text)
    return out


def paragraph_blocks(paragraphs: list[str]) -> list[ContentBlock]:
    """Plain paragraphs as blocks (a body with no known structure)."""
    return [ContentBlock(type="paragraph", text=p) for p in paragraphs if p]


def clean_blocks(blocks: list[ContentBlock], clean: Callable[[str], str]) -> list[ContentBlock]:
    """Every text of the blocks passed through `clean`; blocks left empty dropped."""
    out: list[ContentBlock] = []
    for block in blocks:
        if block.type in _MULTILINE:
            lines = [clean(line) for line in block.text.split("\n")]
            kept = [i for i, line in enumerate(lines) if line]
            if not kept:
                continue
            update: dict[str, object] = {"text": "\n".join(lines[i] for i in kept)}
            if block.items is not None:
                update["items"] = [clean(block.items[i]) for i in kept if i < len(block.items)]
            if block.rows is not None:
                update["rows"] = [
                    [clean(c) for c in block.rows[i]] for i in kept if i < len(block.rows)
                ]
            out.append(block.model_copy(update=update))
            continue
        text = clean(block.text)
        if text:
            out.append(block.model_copy(update={"text": text}))
    return out


def cut_blocks(blocks: list[ContentBlock], paragraphs: list[str]) -> list[ContentBlock]:
    """The blocks holding only `paragraphs`, a prefix of their body (the last one
    possibly cut short): the structure of a body that had to be truncated."""
    out: list[ContentBlock] = []
    left = list(paragraphs)
    for block in blocks:
        if not left:
            break
        own = paragraphs_of([block])
        if len(own) <= len(left) and own == left[: len(own)]:
            out.append(block)
            left = left[len(own) :]
            continue
        # The cut falls inside this block: keep what is left of it, as plain text.
        kept = left[: len(own)]
        out += [ContentBlock(type="paragraph", text=p) for p in kept]
        break
    return out
