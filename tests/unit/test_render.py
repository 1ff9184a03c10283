"""Markdown, HTML and text renderings of an Article; Markdown read back into blocks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from article_ingest.models import ContentBlock
from article_ingest.render import blocks_markdown, read_markdown, to_html, to_markdown, to_text
from article_ingest.service import RawInput, extract
from article_ingest.settings import Settings
from tests.unit.test_service import HTML

BLOCKS = [
    ContentBlock(type="heading", text="# Not a *title* [link](x)", level=3),
    ContentBlock(type="paragraph", text="1. Starts like a list - with \\ a backslash | pipe <b>"),
    ContentBlock(type="list", text="- a\nb_c", ordered=False, items=["- a", "b_c"]),
    ContentBlock(type="list", text="1) x\ny", ordered=True, items=["1) x", "y"]),
    ContentBlock(type="quote", text="> quoted"),
    ContentBlock(type="table", text="a b | c\nd", rows=[["a", "b | c"], ["d"]]),
    ContentBlock(type="code", text="x = `1`"),
]


def _shape(block: ContentBlock) -> tuple[object, ...]:
    """What Markdown carries of a block (a list's raw lines are its items there)."""
    text = None if block.type in ("list", "table") else block.text
    return (block.type, block.level, bool(block.ordered), block.items, block.rows, text)


def test_markdown_round_trip_keeps_every_block() -> None:
    # Given blocks whose texts look like Markdown markup
    # When written as Markdown and read back
    back = read_markdown(blocks_markdown(BLOCKS))
    # Then the blocks are the same: the markup-like text was escaped, not interpreted
    assert [_shape(b) for b in back] == [_shape(b) for b in BLOCKS]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_markdown_round_trip_of_any_paragraph(text: str) -> None:
    # Given any single-line plain text (paragraphs are white-space collapsed)
    text = " ".join(text.split())
    if not text:
        return
    block = ContentBlock(type="paragraph", text=text)
    # When written and read back / Then it is the same paragraph
    assert read_markdown(blocks_markdown([block])) == [block]


def test_html_rendering_escapes_every_text() -> None:
    # Given an article whose texts hold markup
    article, _ = extract(RawInput(HTML.encode(), "text/html", "api"), Settings())
    article = article.model_copy(
        update={
            "headline": "<script>alert(1)</script>",
            "blocks": [ContentBlock(type="paragraph", text='<img src=x onerror="y">')],
        }
    )
    # When rendered as HTML
    out = to_html(article)
    # Then no markup of the source passes through
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_markdown_and_text_renderings_open_with_the_headline() -> None:
    article, _ = extract(RawInput(HTML.encode(), "text/html", "api"), Settings())
    assert to_markdown(article).startswith("# Trams expand\n\n")
    assert to_text(article) == f"Trams expand\n\n{article.body}\n"
