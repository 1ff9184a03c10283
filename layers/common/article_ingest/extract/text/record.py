"""Stage 2 of the text pipeline: the header record around the body run.

Everything the paste says about the article before (or just after) its body:
the headline, the publication date, the byline and publisher, the key-point
bullets. Read in the header window `header.window` puts around the body run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...models import Provenance
from ..dates import find_url_date
from . import dateline, headline_rank
from . import header as header_mod
from .author_lines import cjk_byline, signature
from .body import Run
from .byline import Byline, copyright_owner, find_byline
from .lines import Kind, Line
from .names import lowercase_words, tidy_authors
from .title import clean, headline_text

# Lines after the body in which a dateline or byline may still appear (some pages
# print "Published ..." or the author under the article).
TAIL_LINES = 6
# Lines above the headline (or body) in which the dateline is looked for.
DATE_ABOVE = 8
# Lines above the headline that still belong to the header (kicker, dateline).
ABOVE_HEADLINE = 3


@dataclass
class HeaderRecord:
    """What the paste states about its article, and which lines state it."""

    lo: int  # the header window's first line (moved up to the headline's kicker)
    headline: str = ""
    headline_at: int | None = None
    title_lines: list[int] = field(default_factory=list)
    published_at: str | None = None
    date_at: int | None = None
    byline: Byline = field(default_factory=Byline)
    publisher: str | None = None
    bullets: list[int] = field(default_factory=list)  # key-point lines
    provenance: dict[str, Provenance] = field(default_factory=dict)

    def header_lines(self) -> set[int]:
        """The lines the record was read from, which the body leaves out."""
        taken = set(self.bullets) | set(self.byline.line_indices) | set(self.title_lines)
        taken |= {i for i in (self.headline_at, self.date_at) if i is not None}
        return taken


def headline_reach(lead: int, hi: int) -> int:
    """Where headline candidates end: a few lines into the body run at most."""
    return min(hi, lead + header_mod.HEADLINE_OVERLAP)


def read_header(
    lines: list[Line],
    text: str,
    run: Run,
    end: int,
    window: tuple[int, int],
    url: str | None,
    lang: str | None,
) -> HeaderRecord:
    """The header record of the paste whose body run is `run` (ending at `end`) and
    whose header window is `window` = [lo, hi)."""
    lo, hi = window
    start, lead = run.start, run.lead
    record = HeaderRecord(lo=lo)
    record.headline_at = headline_rank.find_headline(
        lines, lead, lo, headline_reach(lead, hi), text, header_mod.slug_words(url)
    )
    if record.headline_at is not None:
        title = headline_text(lines, record.headline_at, lo)
        record.headline, record.title_lines = clean(title.text), title.line_indices
        record.provenance["headline"] = "headline-line"
        # A kicker or date may sit just above it.
        record.lo = max(lo, record.headline_at - ABOVE_HEADLINE)

    tail = range(end, min(len(lines), end + TAIL_LINES))
    near = record.headline_at if record.headline_at is not None else start
    header = range(max(0, min(near, lead) - DATE_ABOVE), hi)
    date, record.date_at, date_source = _publication_date(
        lines, header, tail, start, end, near, url, lang
    )
    record.published_at = date
    if date_source:
        record.provenance["published_at"] = date_source

    record.byline = _byline(lines, text, record, range(record.lo, hi), tail, end)
    if record.byline.authors:
        record.provenance["authors"] = "byline-text"
    record.publisher = record.byline.publisher
    if record.publisher:
        record.provenance["publisher"] = "byline-text"
    else:
        record.publisher = copyright_owner(lines)
        if record.publisher:
            record.provenance["publisher"] = "copyright-line"

    # Key points come before the first paragraph; bullets after it are a body list.
    first_prose = next((i for i in range(start, end) if lines[i].kind is Kind.PROSE), end)
    record.bullets = header_mod.summary_bullets(lines, record.lo, min(hi, first_prose))
    return record


def _byline(
    lines: list[Line], text: str, record: HeaderRecord, header: range, tail: range, end: int
) -> Byline:
    candidates = [i for i in [*header, *tail] if i != record.headline_at]
    byline = find_byline(lines, candidates, record.date_at, record.headline_at)
    if not byline.authors:
        # CJK credit lines may stand anywhere from the header to under the body.
        byline = (
            cjk_byline(lines, [*range(record.lo, end), *tail]) or signature(lines, end) or byline
        )
    if byline.authors:
        byline.authors = tidy_authors(byline.authors, lowercase_words(text), bare=byline.bare)
    return byline


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
