"""Pick the headline among the header lines with a linear model over line features.

Every line of the header window with a word is a candidate, also those the rules
of `header` do not take as headline-shaped (a one-word title, a title that looks
like a name or a sentence), which start SHAPED_PRIOR points behind. A line's
score is a dot product of its features (see FEATURES) with `WEIGHTS`: the terms
of `header.rule_scores` keep their hand weights, the others (glued menu words, a
row of share buttons, a prompt to the reader) were fitted as a conditional logit
(softmax over a page's candidates) on the pastes of half the benchmark sites and
checked on the other half; `benchmarks/fit_headline.py` refits them and writes
`headline_weights.py`. Pure Python, a few dozen candidates a page: no dependency,
no cold-start cost beyond importing a tuple of numbers.
"""

from __future__ import annotations

from . import vocabulary as v
from .header import (
    DISTANCE_COST,
    DUPLICATE_MIN_WORDS,
    HEADLINE_LONG_WORDS,
    HEADLINE_MAX_WORDS,
    MARK_REACH,
    RUN_HEAD_WORDS,
    SHOUTED_COST,
    SITE_SUFFIX_COST,
    SLUG_BONUS,
    STANDFIRST_COST,
    _headline_shaped,
    mark_weight,
    repeated,
    slug_share,
    takes_bullet,
)
from .headline_weights import WEIGHTS
from .lines import Kind, Line

# Glued menu words ("Contact UsABC13 News TeamCareers"), share buttons and
# breadcrumb separators count from this many on a line.
GLUED_MIN = 2
SOCIAL_MIN = 2
BREADCRUMB_MIN = 2
# Vocabulary is looked for in the first this many characters of a candidate.
SCAN_CHARS = 500
# Candidates have a word and at most this many words.
CANDIDATE_MAX_WORDS = HEADLINE_MAX_WORDS

FEATURES = (
    # the rules' own terms (`header.rule_scores`), with their hand weights
    "shaped",
    "words",
    "slug",
    "repeated",
    "mark_below",
    "body_follows",
    "under_title",
    "in_run",
    "shouted",
    "pipe",
    "long",
    "distance",
    # page furniture the rules do not see, weights fitted (FITTED)
    "glued_words",
    "social",
    "prompt",
    "breadcrumb",
)
# The rules' hand weights (`header`), the prior of the fit and its fixed part; a
# line the rules do not take as headline-shaped (one word, a name-shaped or
# sentence-shaped title) still competes, SHAPED_PRIOR points behind (2-3 scored
# alike on both halves of the sites, 4-5 worse).
SHAPED_PRIOR = 3.0
PRIOR: dict[str, float] = {
    "shaped": SHAPED_PRIOR,
    "words": 1.0,
    "slug": SLUG_BONUS,
    "repeated": 3.0,
    "mark_below": 1.0,
    "body_follows": 1.5,
    "under_title": -STANDFIRST_COST,
    "in_run": -2.0,
    "shouted": -SHOUTED_COST,
    "pipe": -SITE_SUFFIX_COST,
    "long": -2.0,
    "distance": -DISTANCE_COST,
}
# The weights `benchmarks/fit_headline.py` fits; the rest keep their prior.
FITTED = ("glued_words", "social", "prompt", "breadcrumb")


def features(
    lines: list[Line],
    i: int,
    window: tuple[int, int],
    shaped: dict[int, bool],
    marks: dict[int, float],
    page_text: str,
    slug: frozenset[str],
) -> list[float]:
    """The feature vector of candidate line `i` (see FEATURES).

    `window` is (where the body run starts, where the header window starts);
    `shaped` says of each window line whether it is title-shaped
    (`header._headline_shaped`); `marks` the mark weight of the lines around the
    window (`header.mark_weight`); see `window_facts`.
    """
    start, lo = window
    line = lines[i]
    text = line.text
    below = max((marks.get(j, 0.0) for j in range(i + 1, i + 1 + MARK_REACH)), default=0.0)
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return [
        float(shaped[i] and takes_bullet(lines, i)),
        min(line.words, 12) / 4,
        slug_share(text, slug),
        float(i < start and line.words >= DUPLICATE_MIN_WORDS and repeated(text, page_text)),
        below,
        float(nxt is not None and nxt.kind in (Kind.PROSE, Kind.BULLET, Kind.CREDIT)),
        float(i > lo and shaped[i - 1] and lines[i - 1].words >= DUPLICATE_MIN_WORDS),
        float(i > start or (i == start and line.words > RUN_HEAD_WORDS)),
        float(text.isupper()),
        float(" | " in text),
        float(line.words > HEADLINE_LONG_WORDS),
        float(abs(start - i)),
        float(len(v.GLUED_WORDS.findall(text, 0, SCAN_CHARS)) >= GLUED_MIN),
        float(len(v.SOCIAL_NETWORK.findall(text, 0, SCAN_CHARS)) >= SOCIAL_MIN),
        float(v.READER_PROMPT.search(text, 0, SCAN_CHARS) is not None),
        float(len(v.BREADCRUMB_SEPARATOR.findall(text, 0, SCAN_CHARS)) >= BREADCRUMB_MIN),
    ]


def candidates(
    lines: list[Line], lo: int, hi: int, start: int, shaped: dict[int, bool]
) -> list[int]:
    """Indices of lines[lo:hi] that may be a headline: with a word, not too long;
    inside the body run (from `start` on) only title-shaped ones (`shaped`), as a
    paragraph there is no title."""
    return [
        i
        for i in range(lo, hi)
        if lines[i].wordy
        and 1 <= lines[i].words <= CANDIDATE_MAX_WORDS
        and not lines[i].wall
        and (i <= start or (shaped[i] and takes_bullet(lines, i)))
    ]


def window_facts(lines: list[Line], lo: int, hi: int) -> tuple[dict[int, bool], dict[int, float]]:
    """Whether each line of lines[lo:hi] is title-shaped, and the mark weight of
    the lines from `lo` to MARK_REACH past `hi`: computed once per page."""
    shaped = {i: _headline_shaped(lines[i]) for i in range(lo, hi)}
    marks = {j: mark_weight(lines[j]) for j in range(lo, min(len(lines), hi + MARK_REACH))}
    return shaped, marks


def find_headline(
    lines: list[Line],
    start: int,
    lo: int,
    hi: int,
    page_text: str,
    slug: frozenset[str] = frozenset(),
) -> int | None:
    """Index of the highest-scoring headline candidate in lines[lo:hi], or None."""
    shaped, marks = window_facts(lines, lo, hi)
    best: tuple[float, int] | None = None
    for i in candidates(lines, lo, hi, start, shaped):
        x = features(lines, i, (start, lo), shaped, marks, page_text, slug)
        score = sum(w * f for w, f in zip(WEIGHTS, x, strict=True))
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None
