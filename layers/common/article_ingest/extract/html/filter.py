"""Block filtering inside the content: drop links lists, widget labels, bylines, headline."""

from __future__ import annotations

from . import timestamps
from . import vocabulary as v
from .blocks import Block
from .metadata import Metadata
from .parse import match_key

# A block whose text is mostly links is navigation or a teaser list.
MAX_LINK_DENSITY = 0.5
# ...unless it is long: a linked summary sentence is prose, a teaser title is short.
MAX_LINKED_PROSE_CHARS = 250
# ...or a full sentence whose links leave some words unlinked.
MAX_SENTENCE_LINK_DENSITY = 0.8
MIN_SENTENCE_WORDS = 12
# Widget phrases only count on short blocks; long text that starts so is prose.
MAX_PHRASE_BLOCK_CHARS = 200
# A byline/dateline is short; longer blocks that name the author are prose.
MAX_BYLINE_CHARS = 120
# A short block right after its twin is printed twice (a caption and its alt text);
# short blocks repeated further apart are the article's own (a meal plan's "Eat
# every 2-3 hours" under each meal) and stay: widgets are dropped by what they say.
# Dropping every short repeat cost scrapinghub 0.978 -> 0.976 and readability 0.965
# -> 0.961 (9 pages on 8 sites), and gained 2 fundus pages a repeated widget.
MAX_REPEAT_CHARS = 200
# "More stories", "Comments", "Tags:" end the article when they sit in its last
# part; earlier they are an inline widget label and only that block goes.
MAX_TAIL_MARKER_CHARS = 60
MIN_TAIL_POSITION = 0.5
# A dateline is a date, a time and a few words ("Published 5 May 2024, 10:32 CEST").
MAX_DATELINE_CHARS = 80
MAX_DATELINE_WORDS = 10


def _is_linked_sentence(block: Block) -> bool:
    """A sentence with many links (BBC style) is prose; a teaser title is not."""
    return (
        block.link_density < MAX_SENTENCE_LINK_DENSITY
        and len(block.text.split()) >= MIN_SENTENCE_WORDS
        and block.text.rstrip().endswith((".", "!", "?", "。", "»", "”", '"'))
    )


def _is_byline(text: str, authors: list[str]) -> bool:
    if len(text) > MAX_BYLINE_CHARS or not authors:
        return False
    rest = match_key(text)
    for name in authors:
        key = match_key(name)
        if key and key in rest:
            rest = rest.replace(key, " ")
        else:
            return False
    words = [w for w in rest.split() if not w.isdigit()]
    return len(words) <= 4


def _is_dateline(text: str, lang: str | None) -> bool:
    """A short line that is only a date/time ("22 de outubro de 2010 às 20:13")."""
    if len(text) > MAX_DATELINE_CHARS or len(text.split()) > MAX_DATELINE_WORDS:
        return False
    if text.rstrip().endswith((".", "!", "?", ":")) and not text.rstrip()[-2:-1].isdigit():
        return False
    return timestamps.human(text, lang=lang) is not None


def filter_blocks(blocks: list[Block], meta: Metadata) -> list[str]:
    """The paragraphs worth keeping, in order, without a short block's immediate twin."""
    return [block.text for block in keep_blocks(blocks, meta)]


def keep_blocks(blocks: list[Block], meta: Metadata) -> list[Block]:
    """The blocks worth keeping, in order, without a short block's immediate twin."""
    titles = {match_key(t) for t in meta.titles if t} | {match_key(meta.headline)}
    out: list[Block] = []
    last_key = ""
    # What a text says is judged once: an article that repeats its lines (a 5 MB page
    # of 200 paragraphs over and over) costs one look per distinct text.
    judged: dict[str, tuple[str, bool]] = {}  # text -> (match key, boilerplate by its words)
    promo_from = len(blocks) * (1 - v.PROMO_TAIL_SHARE)
    for index, block in enumerate(blocks):
        text = block.text
        if (
            len(text) <= MAX_TAIL_MARKER_CHARS
            and index >= len(blocks) * MIN_TAIL_POSITION
            and v.TAIL_START.match(text)
        ):
            break
        if (verdict := judged.get(text)) is None:
            key = match_key(text)
            verdict = judged[text] = (key, key in titles or _says_boilerplate(text, meta))
        key, boilerplate = verdict
        if not key or boilerplate or (key == last_key and len(text) < MAX_REPEAT_CHARS):
            continue
        if (
            block.link_density > MAX_LINK_DENSITY
            and (block.is_heading or len(text) < MAX_LINKED_PROSE_CHARS)
            and not _is_linked_sentence(block)
        ):
            continue
        if index >= promo_from and len(text) < v.MAX_PROMO_LINE_CHARS and v.PROMO_LINE.search(text):
            continue
        last_key = key
        out.append(block)
    return _without_trailing_headings(out)


def _says_boilerplate(text: str, meta: Metadata) -> bool:
    """A widget phrase, a credit, the server's error output, a byline or a dateline:
    boilerplate by its words alone, wherever it stands."""
    if len(text) < MAX_PHRASE_BLOCK_CHARS and (
        v.BOILERPLATE_PHRASE.match(text)
        or v.BOILERPLATE_PREFIX.match(text)
        or v.TAIL_START.match(text)
    ):
        return True
    if len(text) < v.MAX_CREDIT_LINE_CHARS and v.CREDIT_LINE.search(text):
        return True
    if v.SERVER_ERROR.match(text):
        return True
    return _is_byline(text, meta.authors) or _is_dateline(text, meta.language)


def _without_trailing_headings(blocks: list[Block]) -> list[Block]:
    """The blocks without the headings that end them: a title whose section was cut
    ("Related posts", "About the author", "More topics") introduces nothing; a body
    of headings alone stays as it is."""
    end = len(blocks)
    while end and blocks[end - 1].is_heading:
        end -= 1
    return blocks[:end] if end else blocks
