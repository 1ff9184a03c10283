"""Every shared benchmark page and paste is extracted: an Article, or `no_article` only
for a page with no text at all. Skipped when ../shared/benchmarks is absent."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from article_ingest.models import ContentBlock
from article_ingest.render import blocks_markdown, read_markdown
from article_ingest.structure import paragraphs_of
from tests import benchmark_support

# A page "has text" when its body shows this many characters once scripts, styles and
# templates are gone; below it (bot walls, script-only shells) no_article is right.
MIN_VISIBLE_CHARS = 200
CASES = [
    pytest.param(s, m, id=f"{s}-{m}")
    for s, (modes, _) in benchmark_support.SETS.items()
    for m in modes
]


def _visible_chars(path: Path) -> int:
    data = path.read_bytes()
    raw = gzip.decompress(data) if path.suffix == ".gz" else data
    if path.suffix != ".gz":
        return len(raw.decode("utf-8", "replace").strip())
    root = lxml.html.document_fromstring(raw)
    for el in list(root.iter("script", "style", "template", "noscript", "head")):
        el.drop_tree()
    return len(" ".join(root.text_content().split()))


@pytest.mark.bench
@pytest.mark.parametrize(("dataset", "mode"), CASES)
def test_every_benchmark_input_is_extracted(
    dataset: str,
    mode: str,
    bench_predictions: Callable[[str, str], tuple[list[dict[str, Any]], Path]],
) -> None:
    # Given every input of a shared set, extracted as the CLI extracts it
    preds, _ = bench_predictions(dataset, mode)
    paths = {i.id: i.path for i in benchmark_support.inputs(dataset, mode)}
    # Then each is an Article with a body, or no_article for a page with no text
    assert len(preds) == len(paths)
    refused = [(p["id"], p["error"]) for p in preds if "error" in p]
    assert all(code == "no_article" for _, code in refused), refused
    wrongly = [i for i, _ in refused if _visible_chars(paths[i]) >= MIN_VISIBLE_CHARS]
    assert wrongly == []
    assert all(p["body"] for p in preds if "error" not in p)


@pytest.mark.bench
@pytest.mark.parametrize(("dataset", "mode"), CASES)
def test_every_benchmark_article_round_trips_through_markdown(
    dataset: str,
    mode: str,
    bench_predictions: Callable[[str, str], tuple[list[dict[str, Any]], Path]],
) -> None:
    # Given every extracted article of a shared set, and its blocks
    preds, _ = bench_predictions(dataset, mode)
    for pred in (p for p in preds if "error" not in p):
        blocks = [ContentBlock(**b) for b in pred["blocks"]]
        # When its blocks are written as Markdown and read back
        back = read_markdown(blocks_markdown(blocks))
        # Then Markdown carried every block, and the body is the blocks' text
        assert [_shape(b) for b in back] == [_shape(b) for b in blocks], pred["id"]
        assert "\n\n".join(paragraphs_of(blocks)) == pred["body"], pred["id"]


def _shape(block: ContentBlock) -> tuple[object, ...]:
    text = None if block.type in ("list", "table") else block.text
    return (block.type, block.level, bool(block.ordered), block.items, block.rows, text)
