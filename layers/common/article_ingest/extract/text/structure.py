"""A paste's body as structure: subheadings, bulleted or numbered lists, tables.

The body selection says what each kept line is (a subheading, a list item, a
paragraph); runs of list items are one list, and a run of two or more lines split
into cells by tabs or " | " is a table.
"""

from __future__ import annotations

from ...models import ContentBlock
from . import vocabulary as v

# A table row has at least this many cells (tab- or pipe-separated).
MIN_TABLE_CELLS = 2


def _cells(text: str) -> list[str]:
    """A row's cells: split at tabs, or at " | " (string splits: linear on any input)."""
    if "\t" in text:
        parts = text.split("\t")
    elif v.TABLE_PIPE in text:
        parts = text.strip(" |").split("|")
    else:
        return [text]
    return [p.strip() for p in parts if p.strip()]


def _item(text: str) -> tuple[str, bool]:
    """An item's text without its bullet or number, and whether it was numbered."""
    m = v.BULLET.match(text)
    if not m:
        return text, False
    return text[m.end() :], m.group(0).strip()[:1].isdigit()


def structure(paragraphs: list[str], kinds: list[str]) -> list[ContentBlock]:
    """ContentBlocks of the kept lines; `kinds` says what each one is."""
    rows = [len(_cells(p)) >= MIN_TABLE_CELLS for p in paragraphs]
    out: list[ContentBlock] = []
    for i, (text, kind) in enumerate(zip(paragraphs, kinds, strict=True)):
        last = out[-1] if out else None
        in_table = rows[i] and (
            (i + 1 < len(rows) and rows[i + 1]) or (last is not None and last.type == "table")
        )
        if in_table:
            if last is not None and last.type == "table":
                rows_so_far = [*(last.rows or []), _cells(text)]
                out[-1] = last.model_copy(
                    update={"text": f"{last.text}\n{text}", "rows": rows_so_far}
                )
            else:
                out.append(ContentBlock(type="table", text=text, rows=[_cells(text)]))
        elif kind == "item":
            item, numbered = _item(text)
            if last is not None and last.type == "list":
                out[-1] = last.model_copy(
                    update={"text": f"{last.text}\n{text}", "items": [*(last.items or []), item]}
                )
            else:
                out.append(ContentBlock(type="list", text=text, ordered=numbered, items=[item]))
        elif kind == "heading":
            out.append(ContentBlock(type="heading", text=text, level=2))
        else:
            out.append(ContentBlock(type="paragraph", text=text))
    return out
