"""The body as structure: blocks from HTML and pastes, the body derived from them."""

from __future__ import annotations

from article_ingest.extract import extract_html, extract_text
from article_ingest.models import ContentBlock
from article_ingest.structure import clean_blocks, paragraph_blocks, paragraphs_of

P1 = (
    "The council voted on Tuesday to expand the tram network by twelve kilometres, a "
    "project that officials say will take five years and cost about 400 million euros."
)
P2 = (
    "Opponents argued that the money would be better spent on buses, which can be "
    "rerouted as the city grows, and on repairing the existing lines first."
)


def _kinds(blocks: list[ContentBlock]) -> list[str]:
    return [b.type for b in blocks]


def test_html_blocks_keep_headings_lists_quotes_tables_and_code() -> None:
    # Given an article with a subheading, a numbered list, a quote, a table and code
    html = (
        f"<html><body><article><h1>Trams</h1><p>{P1}</p><h2>What changes</h2>"
        "<ol><li>Two new lines</li><li>Longer trams</li></ol>"
        f"<blockquote><p>{P2}</p></blockquote>"
        "<table><tr><th>Line</th><th>Opens</th></tr><tr><td>T4</td><td>2027</td></tr></table>"
        f"<pre>tram --extend 12km</pre><p>{P1.replace('Tuesday', 'Monday')}</p>"
        "</article></body></html>"
    )
    # When extracted
    article = extract_html(html)
    # Then each block has its type, and the body is still one paragraph per line
    assert _kinds(article.blocks) == [
        "paragraph", "heading", "list", "quote", "table", "code", "paragraph",
    ]  # fmt: skip
    heading, numbered, _, table = article.blocks[1:5]
    assert (heading.text, heading.level) == ("What changes", 2)
    assert numbered.ordered and numbered.items == ["Two new lines", "Longer trams"]
    assert table.rows == [["Line", "Opens"], ["T4", "2027"]]
    assert paragraphs_of(article.blocks) == article.paragraphs


def test_html_list_items_holding_paragraphs_are_one_list() -> None:
    # Given a list whose items wrap their text in <p>
    html = (
        f"<html><body><article><h1>T</h1><p>{P1}</p>"
        "<ul><li><p>First point of the plan</p></li><li><p>Second point of it</p></li></ul>"
        f"<p>{P2}</p></article></body></html>"
    )
    # When extracted
    blocks = extract_html(html).blocks
    # Then the items are one unordered list
    assert _kinds(blocks) == ["paragraph", "list", "paragraph"]
    assert blocks[1].items == ["First point of the plan", "Second point of it"]
    assert blocks[1].ordered is False


def test_text_blocks_read_subheadings_bullets_and_tab_tables() -> None:
    # Given a paste with a subheading, bullets and a tab-separated table
    paste = (
        f"Trams expand to the suburbs\n\n{P1}\n\n{P2}\n\nWhat changes\n\n"
        "• Two new lines\n• Longer trams\n\n"
        "Line\tOpens\nT4\t2027\nT5\t2029\n\n"
        f"{P2.replace('buses', 'bikes')}\n\n{P1.replace('Tuesday', 'Friday')}\n"
    )
    # When extracted
    article = extract_text(paste)
    # Then the subheading, the list and the table are blocks of their kind
    kinds = _kinds(article.blocks)
    assert "heading" in kinds and "list" in kinds and "table" in kinds
    listed = next(b for b in article.blocks if b.type == "list")
    assert listed.items == ["Two new lines", "Longer trams"]
    table = next(b for b in article.blocks if b.type == "table")
    assert table.rows == [["Line", "Opens"], ["T4", "2027"], ["T5", "2029"]]
    assert paragraphs_of(article.blocks) == article.paragraphs


def test_body_derived_from_blocks_is_one_paragraph_per_item_and_row() -> None:
    # Given blocks of each multi-line kind
    blocks = [
        ContentBlock(type="paragraph", text="Intro."),
        ContentBlock(type="list", text="a\nb", items=["a", "b"]),
        ContentBlock(type="table", text="x y\nz", rows=[["x", "y"], ["z"]]),
    ]
    # Then the body has one paragraph per paragraph, list item and table row
    assert paragraphs_of(blocks) == ["Intro.", "a", "b", "x y", "z"]
    assert paragraphs_of(paragraph_blocks(["p", "", "q"])) == ["p", "q"]


def test_clean_blocks_cleans_every_text_and_drops_empty_ones() -> None:
    # Given blocks with padding and an empty list item
    blocks = [
        ContentBlock(type="paragraph", text="  a  b "),
        ContentBlock(type="list", text="one\n \ntwo", items=["one", " ", "two"]),
        ContentBlock(type="quote", text="   "),
    ]
    # When cleaned with white-space collapsing
    cleaned = clean_blocks(blocks, lambda t: " ".join(t.split()))
    # Then texts are clean, the empty item and the empty quote are gone
    assert cleaned[0].text == "a b"
    assert cleaned[1].items == ["one", "two"] and cleaned[1].text == "one\ntwo"
    assert len(cleaned) == 2
