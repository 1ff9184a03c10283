"""Plain-text ("copy-paste") extraction: a whole rendered page pasted as text.

The algorithm, all in linear passes over the lines:

1. classify every line by its own shape (`lines`): prose, short, furniture,
   credit, bullet;
2. find the body as the densest run of prose (`body.densest_run`);
3. look for the headline, dateline, byline and key-point bullets in the header
   window around the body start (`header`, `byline`);
4. keep the body's paragraphs and subheadings, move captions to images and drop
   furniture (`body.select`).

Whitespace and Unicode normalisation are left to the service.
"""

from __future__ import annotations

from ...models import ExtractedArticle, ExtractionWarning, Provenance
from ..dates import find_url_date
from . import body as body_mod
from . import dateline, headline_rank, paragraphs
from . import header as header_mod
from .author_lines import cjk_byline, signature
from .byline import copyright_owner, find_byline
from .lines import Kind, Line, guess_language, split_lines
from .names import lowercase_words, tidy_authors
from .structure import structure
from .title import clean, headline_text

# Lines after the body in which a dateline or byline may still appear (some pages
# print "Published ..." or the author under the article).
TAIL_LINES = 6
# Lines above the headline (or body) in which the dateline is looked for.
DATE_ABOVE = 8
# Lines above the headline that still belong to the header (kicker, dateline).
ABOVE_HEADLINE = 3


def _publication_date(
    lines: list[Line],
    header: range,
    tail: range,
    start: int,
    end: int,
    near: int,
    url: str | None,
    lang: str | None,
) -> tuple[str | None, int | None, Provenance | None]:
    """The publication date, the dateline's index and where the date came from.

    The best dateline in the header (or just under the body) first, then a short
    dateline anywhere near the headline, then a signed line under the body
    ("Posted by X on <date>"): dates the paste writes. Only then the date the URL
    path states, which also backs the dateline that agrees with it.
    """
    url_date = find_url_date(url)
    # A time-only or relative dateline by the headline: dated lines farther away
    # date other stories.
    clock_at = dateline.clock_line(lines, near)
    # The date may stand on the line under the time ("Mo, 11:41 Uhr" / "06.11.2023").
    reach = abs(clock_at - near) + 1 if clock_at is not None else None
    date, date_at = dateline.find_date(
        lines, [*header, *tail], near, lang, reach, url_date, below=end
    )
    if date is None or (
        date_at is not None and date_at >= end and not dateline.labelled(lines[date_at])
    ):
        # A date under the body (a comment's, a teaser's) only when none stands above it.
        above, above_at = dateline.find_any_date(lines, end, near, lang, reach, url_date)
        if above is not None:
            date, date_at = above, above_at
    if date is not None:
        return date, date_at, "dateline-text"
    date, date_at = dateline.find_signed_date(lines, end, lang)
    if date is not None:
        return date, date_at, "signed-line"
    date, _ = dateline.lead_date(lines, start, end, lang)
    if date is not None:
        return date, None, "lead-paragraph"
    return (url_date, None, "url") if url_date else (None, None, None)


def layout(lines: list[Line]) -> tuple[body_mod.Run, int, int, int]:
    """The body run, where the body ends, and the header window [lo, hi) around it."""
    run = body_mod.densest_run(lines)
    end = body_mod.extend_list(lines, body_mod.cut_at_next_article(lines, run.start, run.end))
    lo, hi = header_mod.window(run.lead, end)
    return run, end, lo, hi


def headline_reach(lead: int, hi: int) -> int:
    """Where headline candidates end: a few lines into the body run at most."""
    return min(hi, lead + header_mod.HEADLINE_OVERLAP)


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
    run, end, lo, hi = layout(lines)
    start, lead = run.start, run.lead
    provenance: dict[str, Provenance] = {}

    headline_at = headline_rank.find_headline(
        lines, lead, lo, headline_reach(lead, hi), text, header_mod.slug_words(url)
    )
    headline, title_lines = "", []
    if headline_at is not None:
        title = headline_text(lines, headline_at, lo)
        headline, title_lines = clean(title.text), title.line_indices
        provenance["headline"] = "headline-line"
        lo = max(lo, headline_at - ABOVE_HEADLINE)  # a kicker or date may sit just above it

    tail = range(end, min(len(lines), end + TAIL_LINES))
    near = headline_at if headline_at is not None else start
    date, date_at, date_source = _publication_date(
        lines, range(max(0, min(near, lead) - DATE_ABOVE), hi), tail, start, end, near, url, lang
    )
    if date_source:
        provenance["published_at"] = date_source

    candidates = list(range(lo, hi)) + list(tail)
    byline = find_byline(lines, [i for i in candidates if i != headline_at], date_at, headline_at)
    if not byline.authors:
        # CJK credit lines may stand anywhere from the header to under the body.
        byline = cjk_byline(lines, [*range(lo, end), *tail]) or signature(lines, end) or byline
    if byline.authors:
        byline.authors = tidy_authors(byline.authors, lowercase_words(text), bare=byline.bare)
    if byline.authors:
        provenance["authors"] = "byline-text"
    publisher = byline.publisher
    if publisher:
        provenance["publisher"] = "byline-text"
    elif publisher := copyright_owner(lines):
        provenance["publisher"] = "copyright-line"

    # Key points come before the first paragraph; bullets after it are a body list.
    first_prose = next((i for i in range(start, end) if lines[i].kind is Kind.PROSE), end)
    bullets = header_mod.summary_bullets(lines, lo, min(hi, first_prose))
    skip = set(bullets) | set(byline.line_indices) | set(title_lines)
    if headline_at is not None:
        skip.add(headline_at)
        start = max(start, max(title_lines) + 1)
    if date_at is not None:
        skip.add(date_at)
    body = paragraphs.select(lines, start, end, skip, set_off=run.set_off)
    body.paragraphs = paragraphs.drop_author_bio(body.paragraphs)
    body.kinds = body.kinds[: len(body.paragraphs)]  # a bio goes from the end
    warnings: list[ExtractionWarning] = []
    if not body.paragraphs:
        # A paste is never lost: without a body run, its readable lines stand in.
        body.paragraphs = paragraphs.fallback_paragraphs(lines)
        body.kinds = ["paragraph"] * len(body.paragraphs)
        warnings.append("body_fallback")
    standfirst_at = (
        header_mod.find_standfirst(lines, headline_at, start) if headline_at is not None else None
    )
    # The standfirst is body text and the description: one convention for pastes and
    # HTML (README "The Article"). Measured on the pastes: fundus 0.940 -> 0.943,
    # trafilatura-eval snippets 0.887 -> 0.890, scrapinghub 0.930 -> 0.928 (its
    # annotators leave deks out). Only a sentence-shaped line goes into the body;
    # a title-like or caption-like one stays the description alone.
    standfirst = lines[standfirst_at] if standfirst_at is not None else None
    description = standfirst.text if standfirst is not None else None
    if standfirst is not None and description:
        provenance["description"] = "standfirst-line"
        if (
            standfirst.kind is Kind.PROSE
            and body.paragraphs
            and not any(description in p for p in body.paragraphs[:3])
        ):
            body.paragraphs.insert(0, description)
            body.kinds.insert(0, "paragraph")

    # Captions in the header (lead image) are images too, never body.
    header_credits = [ln.text for ln in lines[lo:start] if ln.kind is Kind.CREDIT]
    images = [paragraphs.split_credit(t) for t in header_credits] + body.images
    images = [im for im in images if im.caption]
    if bullets:
        provenance["summary"] = "bullet-lines"
    return ExtractedArticle(
        headline=headline,
        authors=byline.authors,
        published_at=date,
        publisher=publisher,
        description=description,
        language=lang,
        summary=[header_mod.strip_bullet(lines[i].text) for i in bullets],
        paragraphs=body.paragraphs,
        blocks=structure(body.paragraphs, body.kinds),
        images=images,
        provenance=provenance,
        warnings=warnings,
    )
