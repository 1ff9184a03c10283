"""An Article as Markdown, HTML or plain text, and Markdown read back into blocks.

Every text of an Article is plain text. Markdown escapes what Markdown would read
as markup (emphasis, links, HTML, a line opening with "#", ">", "-", "1."), so the
Markdown of the blocks reads back as the same blocks (`read_markdown`); HTML escapes
every text, so no markup from the source page passes through.
"""

from __future__ import annotations

import html
import re
from typing import Literal

from .models import Article, ContentBlock

Format = Literal["json", "markdown", "html", "text"]
FORMATS: tuple[Format, ...] = ("json", "markdown", "html", "text")
MEDIA_TYPES: dict[Format, str] = {
    "json": "application/json",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}

# Inline characters Markdown reads as markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# What a line may not open with: a heading, quote, list marker, fence or rule.
_LINE_START = re.compile(r"^(#|>|[-+=]|\d+(?=[.)]))")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_HEADING = re.compile(r"^(#{1,6}) (.*)$")
_ORDERED = re.compile(r"^\d+\. (.*)$")


def escape_md(text: str) -> str:
    """Plain text as Markdown that shows exactly that text."""
    text = _INLINE.sub(r"\\\1", text)
    m = _LINE_START.match(text)
    if m:
        # "1." -> "1\." keeps the number visible; other openers get a backslash.
        text = text[: m.end()] + "\\" + text[m.end() :] if m.group(1)[0].isdigit() else "\\" + text
    return text


def unescape_md(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


def _row(cells: list[str], width: int) -> str:
    padded = [escape_md(c) for c in cells] + [""] * (width - len(cells))
    return "| " + " | ".join(padded) + " |"


def block_markdown(block: ContentBlock) -> str:
    """One block as Markdown."""
    if block.type == "heading":
        return f"{'#' * (block.level or 2)} {escape_md(block.text)}"
    if block.type == "list":
        items = block.items if block.items is not None else block.text.split("\n")
        if block.ordered:
            return "\n".join(f"{n}. {escape_md(item)}" for n, item in enumerate(items, 1))
        return "\n".join(f"- {escape_md(item)}" for item in items)
    if block.type == "quote":
        return f"> {escape_md(block.text)}"
    if block.type == "table":
        rows = block.rows if block.rows is not None else [[r] for r in block.text.split("\n")]
        width = max(len(r) for r in rows)
        head = [_row(rows[0], width), "|" + " --- |" * width]
        return "\n".join(head + [_row(r, width) for r in rows[1:]])
    if block.type == "code":
        fence = "~~~" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"
    return escape_md(block.text)


def blocks_markdown(blocks: list[ContentBlock]) -> str:
    """The blocks as a Markdown document body (blocks apart by a blank line)."""
    return "\n\n".join(block_markdown(b) for b in blocks) + "\n"


def to_markdown(article: Article) -> str:
    """The Article as Markdown: its headline as the title, then its blocks."""
    head = f"# {escape_md(article.headline)}\n\n"
    return head + blocks_markdown(article.blocks or _paragraphs(article))


def _paragraphs(article: Article) -> list[ContentBlock]:
    return [ContentBlock(type="paragraph", text=p) for p in article.body.split("\n\n") if p]


def _cells(line: str) -> list[str]:
    """A table row's cells ("| a | b |"; an escaped pipe inside a cell is "\\|")."""
    inner = line.strip().removeprefix("|").removesuffix("|")
    cells = [unescape_md(c.strip()) for c in f" {inner} ".split(" | ")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def read_markdown(markdown: str) -> list[ContentBlock]:
    """Blocks from Markdown as `blocks_markdown` writes it (the inverse, for round trips)."""
    out: list[ContentBlock] = []
    for chunk in (c for c in markdown.strip("\n").split("\n\n") if c.strip()):
        lines = chunk.split("\n")
        first = lines[0]
        if first.startswith(("```", "~~~")):
            out.append(ContentBlock(type="code", text="\n".join(lines[1:-1])))
        elif m := _HEADING.match(first):
            level, text = len(m.group(1)), unescape_md(m.group(2))
            out.append(ContentBlock(type="heading", text=text, level=level))
        elif first.startswith("> "):
            out.append(ContentBlock(type="quote", text=unescape_md(first[2:])))
        elif first.startswith("- "):
            items = [unescape_md(line[2:]) for line in lines]
            out.append(ContentBlock(type="list", text="\n".join(items), ordered=False, items=items))
        elif _ORDERED.match(first):
            items = [unescape_md(_ORDERED.sub(r"\1", line)) for line in lines]
            out.append(ContentBlock(type="list", text="\n".join(items), ordered=True, items=items))
        elif first.startswith("| "):
            rows = [_cells(line) for i, line in enumerate(lines) if i != 1]
            text = "\n".join(" ".join(r) for r in rows)
            out.append(ContentBlock(type="table", text=text, rows=rows))
        else:
            out.append(ContentBlock(type="paragraph", text=unescape_md(chunk)))
    return out


def _block_html(block: ContentBlock) -> str:
    e = html.escape
    if block.type == "heading":
        level = block.level or 2
        return f"<h{level}>{e(block.text)}</h{level}>"
    if block.type == "list":
        tag = "ol" if block.ordered else "ul"
        items = block.items if block.items is not None else block.text.split("\n")
        return f"<{tag}>" + "".join(f"<li>{e(i)}</li>" for i in items) + f"</{tag}>"
    if block.type == "quote":
        return f"<blockquote><p>{e(block.text)}</p></blockquote>"
    if block.type == "table":
        rows = block.rows if block.rows is not None else [[r] for r in block.text.split("\n")]
        body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table><tbody>{body}</tbody></table>"
    if block.type == "code":
        return f"<pre><code>{e(block.text)}</code></pre>"
    return f"<p>{e(block.text)}</p>"


def to_html(article: Article) -> str:
    """The Article as an HTML fragment safe to embed: every text escaped."""
    blocks = article.blocks or _paragraphs(article)
    parts = [f"<h1>{html.escape(article.headline)}</h1>", *(_block_html(b) for b in blocks)]
    return "<article>" + "\n".join(parts) + "</article>\n"


def to_text(article: Article) -> str:
    """The Article as plain text: its headline, a blank line, its body."""
    return f"{article.headline}\n\n{article.body}\n"


def render(article: Article, fmt: Format) -> str:
    """The Article in a format of FORMATS."""
    if fmt == "markdown":
        return to_markdown(article)
    if fmt == "html":
        return to_html(article)
    if fmt == "text":
        return to_text(article)
    return article.model_dump_json()
