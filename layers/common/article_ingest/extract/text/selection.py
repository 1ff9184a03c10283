"""Stage 3 of the text pipeline: the body selected from its run.

The run's lines minus what the header record took, an author's bio dropped from
the end (a box headed by the bylined writer's name, a bio-shaped line), the
standfirst put first, the header's captions kept as images; and, when nothing is
left, the paste's readable lines (a paste is never lost).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...models import ExtractionWarning, Image
from . import body as body_mod
from . import header as header_mod
from . import paragraphs
from .body import Run
from .lines import Kind, Line
from .record import HeaderRecord


@dataclass
class BodySelection:
    """The body's paragraphs with their kinds, its images, the standfirst."""

    paragraphs: list[str]
    kinds: list[str]
    images: list[Image]
    description: str | None = None  # the standfirst line, when there is one
    warnings: list[ExtractionWarning] = field(default_factory=list)


def select_body(lines: list[Line], run: Run, end: int, record: HeaderRecord) -> BodySelection:
    """The body of the paste whose body run is `run` (ending at `end`)."""
    start = run.start
    if record.headline_at is not None:
        start = max(start, max(record.title_lines) + 1)
    end = body_mod.cut_at_about_the_author(lines, start, end, record.byline.authors)
    taken = record.header_lines()
    body = paragraphs.select(lines, start, end, taken, set_off=run.set_off)
    body.paragraphs = paragraphs.drop_author_bio(body.paragraphs)
    body.kinds = body.kinds[: len(body.paragraphs)]  # a bio goes from the end
    warnings: list[ExtractionWarning] = []
    fell_back = not body.paragraphs
    if fell_back:
        # A paste is never lost: without a body run, its readable lines stand in.
        body.paragraphs = paragraphs.fallback_paragraphs(lines)
        body.kinds = ["paragraph"] * len(body.paragraphs)
        warnings.append("body_fallback")
    description = _standfirst(lines, record, start, body.paragraphs, body.kinds)
    if not fell_back:
        above = _above_headline(lines, run, record.headline_at, taken)
        body.paragraphs[:0], body.kinds[:0] = above.paragraphs, above.kinds
    # Captions in the header (lead image) are images too, never body.
    header_credits = [ln.text for ln in lines[record.lo : start] if ln.kind is Kind.CREDIT]
    images = [paragraphs.split_credit(t) for t in header_credits] + body.images
    return BodySelection(
        paragraphs=body.paragraphs,
        kinds=body.kinds,
        images=[im for im in images if im.caption],
        description=description,
        warnings=warnings,
    )


def _above_headline(
    lines: list[Line], run: Run, at: int | None, taken: set[int]
) -> paragraphs.Body:
    """The body run's paragraphs above its headline (line `at`), when it has prose
    there; `taken` are the header's lines, left out as everywhere.

    The densest run can start above the line ranked the headline (a lead set above
    the title, a first paragraph under a kicker taken for it): its prose is the
    article's, not the header's.
    """
    if at is None or at <= run.start:
        return paragraphs.Body(run.start, run.start)
    if not any(lines[i].kind is Kind.PROSE and i not in taken for i in range(run.start, at)):
        return paragraphs.Body(run.start, run.start)
    return paragraphs.select(lines, run.start, at, taken, set_off=run.set_off)


def _standfirst(
    lines: list[Line], record: HeaderRecord, start: int, body: list[str], kinds: list[str]
) -> str | None:
    """The standfirst line's text (the description), put first in `body` too.

    The standfirst is body text and the description: one convention for pastes and
    HTML (README "The Article"). Measured on the pastes: fundus 0.940 -> 0.943,
    trafilatura-eval snippets 0.887 -> 0.890, scrapinghub 0.930 -> 0.928 (its
    annotators leave deks out). Only a sentence-shaped line goes into the body;
    a title-like or caption-like one stays the description alone.
    """
    if record.headline_at is None:
        return None
    standfirst_at = header_mod.find_standfirst(
        lines, record.headline_at, start, record.byline.authors
    )
    if standfirst_at is None:
        return None
    standfirst = lines[standfirst_at]
    description = standfirst.text
    if description:
        record.provenance["description"] = "standfirst-line"
        if standfirst.kind is Kind.PROSE and body and not any(description in p for p in body[:3]):
            body.insert(0, description)
            kinds.insert(0, "paragraph")
    return description
