"""Plain-text ("copy-paste") extraction: a whole rendered page pasted as text.

The algorithm, all in linear passes over the lines, in three stages:

1. the body run: classify every line by its own shape (`lines`: prose, short,
   furniture, credit, bullet) and find the body as the densest run of prose
   (`body.densest_run`), with the header window around its start (`layout`);
2. the header record (`record`): the headline, dateline, byline, publisher and
   key-point bullets in that window (`header`, `byline`, `dateline`);
3. the body selection (`selection`): the run's paragraphs and subheadings minus
   the header's lines, the standfirst first, captions moved to images.

Whitespace and Unicode normalisation are left to the service.
"""

from __future__ import annotations

from ...models import ExtractedArticle
from . import body as body_mod
from . import header as header_mod
from .lines import Line, guess_language, split_lines
from .record import headline_reach, read_header
from .selection import select_body
from .structure import structure

__all__ = ["extract", "headline_reach", "layout"]


def layout(lines: list[Line]) -> tuple[body_mod.Run, int, int, int]:
    """The body run, where the body ends, and the header window [lo, hi) around it."""
    run = body_mod.densest_run(lines)
    end = body_mod.cut_at_next_article(lines, run.start, run.end)
    if end == run.end:  # nothing was cut: the run ends on its own
        # A list the run's last line announces, or a closing short sentence; never
        # past an author box or the next article ("Rate this:" then "About the
        # author" is no list).
        end = body_mod.extend_list(lines, end)
        end = body_mod.extend_closing_line(lines, end, run.set_off)
    lo, hi = header_mod.window(run.lead, end)
    return run, end, lo, hi


def extract(text: str, *, url: str | None = None) -> ExtractedArticle:
    """Extract an article from plain text copied from a rendered page.

    Args:
        text: the paste, as decoded text.
        url: where it was copied from, when known: its slug helps pick the headline
            and a /YYYY/MM/DD/ path dates the article when the page does not.

    Returns:
        An ExtractedArticle; fields not found stay empty (published_at None).
    """
    lines = split_lines(text)
    if not lines:
        return ExtractedArticle()
    lang = guess_language(lines)
    run, end, lo, hi = layout(lines)  # 1. the body run
    record = read_header(lines, text, run, end, (lo, hi), url, lang)  # 2. the header record
    body = select_body(lines, run, end, record)  # 3. the body selected from the run
    provenance = record.provenance
    if record.bullets:
        provenance["summary"] = "bullet-lines"
    return ExtractedArticle(
        headline=record.headline,
        authors=record.byline.authors,
        published_at=record.published_at,
        publisher=record.publisher,
        description=body.description,
        language=lang,
        summary=[header_mod.strip_bullet(lines[i].text) for i in record.bullets],
        paragraphs=body.paragraphs,
        blocks=structure(body.paragraphs, body.kinds),
        images=body.images,
        provenance=provenance,
        warnings=body.warnings,
    )
