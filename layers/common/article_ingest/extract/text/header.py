"""The article's header around the body start: headline, dateline, summary bullets.

Pages put the headline, standfirst, byline, dateline, lead image and key points
in the few lines before the first paragraph. This module looks in that window
only, so a date or a name inside the body or in a teaser is never taken.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..dates import find_datetime
from . import vocabulary as v
from .byline import is_person, split_names
from .lines import Kind, Line, is_credit

# How far before the body start the header may begin (non-blank lines). Forty
# covers a headline, standfirst, byline, date, caption and a share bar of ~25 icons.
HEADER_LINES = 40
# How far into the body run a header line may sit (the run may start at the
# standfirst, above the byline).
HEADER_OVERLAP = 15
# The headline itself may sit only this far into the body run (the run can start
# at a question-shaped headline; further in, title-shaped lines are subheadings).
HEADLINE_OVERLAP = 4
# Headline length bounds in words.
HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 40
# A dateline is short; longer lines with a date are body sentences.
DATELINE_MAX_WORDS = 25
# A dateline this short is mostly date ("Friday 22 Nov 2024 4:55 PM MYT").
SHORT_DATELINE_WORDS = 12
# Each line between a candidate headline and the body start costs this much: the
# headline is the title-shaped line closest above the byline and body.
DISTANCE_COST = 0.1
# Mark weights: a byline, dateline or author name vouches for the headline above it.
STRONG_MARK = 4.0
WEAK_MARK = 2.0
# A title-shaped line right under another one is usually its standfirst.
STANDFIRST_COST = 1.5
# The standfirst sits within this many lines under the headline and has at least
# this many words. Lines of a few words (a date, share buttons, a view count) and
# captions' credits between them are passed over, not counted.
STANDFIRST_REACH = 2
STANDFIRST_MIN_WORDS = 8
STANDFIRST_SKIPPED_WORDS = 3
# A line this long above a photo credit is the lead set over the lead image, not
# its caption (captions are a sentence).
STANDFIRST_OVER_CREDIT_WORDS = 25
# An all-capitals candidate is usually a label, a kicker or a byline.
SHOUTED_COST = 2.0
# URL slugs: words of at least SLUG_MIN_CHARS letters count; a candidate needs
# SLUG_MIN_HITS of them in the slug; the bonus is SLUG_BONUS times the share of its
# words found there (a slug is the headline in lower case, often cut short).
SLUG_MIN_CHARS = 3
SLUG_MIN_HITS = 2
SLUG_MIN_WORDS = 3
SLUG_BONUS = 4.0
# A candidate containing " | " is usually "Headline | Site".
SITE_SUFFIX_COST = 2.0
# A headline is words: more digits than this share make a quote, score or price.
DIGIT_SHARE = 0.3
# A mark (byline, dateline) this many lines below a candidate vouches for it.
MARK_REACH = 6
# A line this short that starts the body run is a title that ends like a sentence
# („Ich wollte, dass sie mich mögen. So überlebt man.“), not a first paragraph.
RUN_HEAD_WORDS = 12
# Headlines longer than this are usually standfirsts.
HEADLINE_LONG_WORDS = 22
# A headline repeated above the body (breadcrumb, "Headline | Site") is a strong
# sign, but short labels ("Krieg in der Ukraine") repeat in menus too.
DUPLICATE_MIN_WORDS = 5


def window(start: int, end: int) -> tuple[int, int]:
    """Line-index range of the header around a body run starting at `start`."""
    return max(0, start - HEADER_LINES), min(end, start + HEADER_OVERLAP)


def _headline_shaped(line: Line) -> bool:
    """Title-shaped: a few words, no final stop, not a byline, date, name or label."""
    if line.kind not in (Kind.SHORT, Kind.PROSE, Kind.BULLET):
        return False
    if not HEADLINE_MIN_WORDS <= line.words <= HEADLINE_MAX_WORDS:
        return False
    text = line.text
    if text.endswith((":", ",", ";", ")", "—", "–", "-", "|", ">", "›")) or "\t" in text:
        return False  # a label, a breadcrumb or a table row
    if text.endswith("»") and "«" not in text:
        return False  # "Weiter »": a link arrow, not a closing quote
    byline = v.BYLINE_START.match(text)
    if byline and split_names(byline.group("names"), explicit=True):
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    if v.RELATIVE_TIME.search(text) or is_person(text):
        return False
    if sum(ch.isdigit() for ch in text) > DIGIT_SHARE * len(text):
        return False  # "IMOEX 2924,21": a quote, a score, a price
    tokens = text.split()
    if len(tokens) > 1 and len({w.lower() for w in tokens}) == 1:
        return False  # "Sport Sport": a doubled menu label (CJK titles have no spaces)
    return find_datetime(text) is None or line.words > DATELINE_MAX_WORDS // 2


def mark_weight(line: Line) -> float:
    """How strongly a line marks the header: byline, dateline or author name
    (STRONG_MARK), relative time (WEAK_MARK: teaser lists carry those too)."""
    if line.words > DATELINE_MAX_WORDS:
        return 0.0
    if line.kind is Kind.PROSE and line.words > SHORT_DATELINE_WORDS:
        return 0.0  # a body sentence that mentions a date or a name
    text = line.text
    if v.BYLINE_START.match(text):
        return STRONG_MARK
    first = v.BYLINE_PARTS.split(text, maxsplit=1)[0]
    if is_person(first) or find_datetime(text) is not None:
        return STRONG_MARK
    return WEAK_MARK if v.RELATIVE_TIME.search(text) else 0.0


def slug_words(url: str | None) -> frozenset[str]:
    """Words of a URL's path ("/news/china-confirms-trade-talks-123" -> china, confirms, ...)."""
    if not url:
        return frozenset()
    path = v.URL_HOST.sub("", url).split("?", 1)[0].split("#", 1)[0]
    return frozenset(w for w in v.SLUG_SPLIT.split(path.lower()) if len(w) >= SLUG_MIN_CHARS)


def _fold(word: str) -> set[str]:
    """Spellings a word may take in a URL slug: "Zurückhaltung" -> zurueckhaltung, zuruckhaltung."""
    low = word.casefold()
    spelled = low.translate(v.SLUG_TRANSLITERATION)
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", low) if ch.isascii())
    return {low, spelled, plain}


def slug_share(text: str, slug: frozenset[str]) -> float:
    """Share of a candidate's words that appear in the URL slug (0 without a slug)."""
    if not slug:
        return 0.0
    words = [w for w in v.WORD.findall(text) if len(w) >= SLUG_MIN_CHARS]
    if not words:
        return 0.0
    hits = sum(1 for w in words if _fold(w) & slug)
    return hits / max(len(words), SLUG_MIN_WORDS) if hits >= SLUG_MIN_HITS else 0.0


def repeated(text: str, page_text: str) -> bool:
    """`text` stands a second time on the page as a whole phrase.

    A repeat that runs on into a word ("朝日新聞デジタルのトップページへ",
    "Example Newsletter") is a site name inside another phrase, not the headline.
    """
    seen, at = 0, page_text.find(text)
    while at >= 0:
        after = page_text[at + len(text) : at + len(text) + 1]
        seen += not after.isalnum()
        if seen >= 2:
            return True
        at = page_text.find(text, at + len(text))
    return False


def takes_bullet(lines: list[Line], i: int) -> bool:
    """A bulleted line may be a headline only as a lone dash-quote ("- Angsten vil
    øke"), never as an item of a list; other lines always may."""
    line = lines[i]
    if line.kind is not Kind.BULLET:
        return True
    if not line.text.startswith(("-", "–", "—")):
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return lines[i - 1].kind is not Kind.BULLET and (nxt is None or nxt.kind is not Kind.BULLET)


def rule_scores(
    lines: list[Line],
    start: int,
    lo: int,
    hi: int,
    page_text: str,
    slug: frozenset[str] = frozenset(),
) -> list[tuple[int, float]]:
    """(index, score) of each title-shaped headline candidate in lines[lo:hi].

    The headline is title-shaped and sits just above the header marks (byline,
    dateline), near the body start. A headline that is repeated on the page
    (breadcrumb, share text, "Headline | Site") or whose words the URL slug
    repeats (`slug`, see `slug_words`) earns a bonus. `headline_rank` weighs
    these terms together with others.
    """
    out: list[tuple[int, float]] = []
    top = min(len(lines), hi + MARK_REACH)
    marks = [mark_weight(lines[i]) for i in range(lo, top)]
    shaped = [_headline_shaped(lines[i]) for i in range(lo, hi)]
    for i in range(lo, hi):
        if not shaped[i - lo]:
            continue
        line = lines[i]
        score = min(line.words, 12) / 4 + SLUG_BONUS * slug_share(line.text, slug)
        if i < start and line.words >= DUPLICATE_MIN_WORDS and repeated(line.text, page_text):
            score += 3
        score += max(marks[i - lo + 1 : i - lo + 1 + MARK_REACH], default=0.0)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and nxt.kind in (Kind.PROSE, Kind.BULLET, Kind.CREDIT):
            score += 1.5
        if i > lo and shaped[i - lo - 1] and lines[i - 1].words >= DUPLICATE_MIN_WORDS:
            score -= STANDFIRST_COST  # a title-shaped line right under another: standfirst
        if i > start or (i == start and line.words > RUN_HEAD_WORDS):
            score -= 2  # inside the body run: a subheading, unless the run starts at it
        if line.text.isupper():
            score -= SHOUTED_COST  # "SCOTT GILBERTSON GEAR TEAM": labels shout, headlines rarely
        if " | " in line.text:
            score -= SITE_SUFFIX_COST  # "Headline | Site": the document title, not the headline
        if not takes_bullet(lines, i):
            continue
        if line.words > HEADLINE_LONG_WORDS:
            score -= 2
        score -= DISTANCE_COST * abs(start - i)
        out.append((i, score))
    return out


def find_standfirst(
    lines: list[Line], headline_at: int, start: int, authors: Sequence[str] = ()
) -> int | None:
    """The standfirst: a sentence-long line right under the headline, above the body.

    Not a caption (a line repeated with its credit, or a short one followed by a
    credit), not a byline or dateline, not the author's bio (a line opening with
    an author's name, `authors`).
    """
    seen = 0
    for i in range(headline_at + 1, start):
        line = lines[i]
        if line.kind in (Kind.FURNITURE, Kind.CREDIT) or (
            line.kind is Kind.SHORT and line.words <= STANDFIRST_SKIPPED_WORDS
        ):
            continue  # share buttons, a date, a count, a photo credit
        seen += 1
        if seen > STANDFIRST_REACH:
            return None
        if line.kind not in (Kind.PROSE, Kind.SHORT) or line.words < STANDFIRST_MIN_WORDS:
            continue
        if mark_weight(line) or line.text.endswith(":"):
            return None
        if any(name and line.text.startswith(name) for name in authors):
            return None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and nxt.text.startswith(line.text):
            return None
        # A credit line may be classified furniture ("Photo: X/Getty Images"): its
        # text decides.
        over_credit = nxt is not None and (
            nxt.kind is Kind.CREDIT or is_credit(nxt.text, nxt.words)
        )
        if over_credit and line.words < STANDFIRST_OVER_CREDIT_WORDS:
            return None
        return i
    return None


def summary_bullets(lines: list[Line], lo: int, hi: int) -> list[int]:
    """Indices of the key-point bullets in lines[lo:hi] (the first bulleted run)."""
    out: list[int] = []
    for i in range(lo, hi):
        if lines[i].kind is Kind.BULLET:
            out.append(i)
        elif out:
            break
    return out


def strip_bullet(text: str) -> str:
    return v.BULLET.sub("", text, count=1).strip()
