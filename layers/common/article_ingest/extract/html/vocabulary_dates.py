"""Vocabulary of the visible-date scans (html/dateline.py) and the date choice
(html/published.py): windows, limits and class tokens, each with what it was set on.

Kept apart from `vocabulary` so each module stays small; the meta-tag keys and the
date-named class tokens shared with other scans stay there.
"""

from __future__ import annotations

import re

# The headline element: among the first h1s, then h2/h3s, the one stating the
# headline (a containment match needs this many characters), else the article's h1.
MAX_HEADLINE_CANDIDATES = 20
MIN_HEADLINE_MATCH_CHARS = 12
# The dateline follows the headline before the article's text has begun: the scan
# stops once this much other text has passed (kicker, standfirst, byline, captions),
# or after this many elements (a cost cap: the dev datelines lie within 60, some
# beyond 30); before the headline only a date right above it counts. Calibrated on
# the three dated dev sets: 600 and 1,000 characters after, 80 and 160 before give
# the same days; 300 after loses 2 sites, 40 before loses 1.
MAX_DATELINE_DISTANCE_CHARS = 600
MAX_DATELINE_BEFORE_CHARS = 80
MAX_DATELINE_ELEMENTS = 60
# An "Updated …" line may come before the publication line: read up to this many
# (the same line again in a nested element is skipped; so are levels beyond this).
MAX_DATELINES = 3
MAX_NESTING = 12
# A dateline is short ("22.04.2020", "Von Olga · 06.11.2023 13:30 Uhr"); a text of
# more words is prose or a caption that mentions a date (dev: 10 words lose 3 sites'
# bylines, 20 the same as 14 but for one undated page).
MIN_DATELINE_CHARS = 6
MAX_DATELINE_WORDS = 14
# A longer text is a dateline only when it opens with the date, as press releases do
# ("01.02.2022 – Der Arbeitsmarkt …", "BERLIN, 27.1.2022 -").
LEADING_DATE_CHARS = 20
MAX_LEADING_WORDS = 2
# Every written date has two digits in a row (a day, a year): texts without are skipped
# before the date patterns run.
TWO_DIGITS = re.compile(r"\d\d")
# A `datetime`/`title` stamp shorter than this is a time of day or a year.
MIN_MACHINE_STAMP_CHARS = 6
# Characters before a date read for its label; characters of a date read to tell
# "11/01/2021" (digits only: day and month may be swapped) from "11 Jan 2021".
LABEL_CHARS = 40
# A label after the date ("am 3. Dezember 2011 um 10:00 Uhr veröffentlicht"); a blog's
# signed footer line with it may run to this length.
LABEL_AFTER_CHARS = 60
MAX_LABELLED_CHARS = 320
# Texts with digits or a label read in that page-wide search (a table of figures has
# thousands; every dev page's labelled date comes within the first 200).
MAX_LABELLED_TRIES = 2_000
NUMERIC_DATE_CHARS = 10
# A photo box with its caption: a class naming one, an image inside and little text
# ("Kundus, 6.12.2010" in div.image, "… Bachmut, 24. April 2023" in div.picbox on dev
# pages); the caption dates the photo, not the article.
PHOTO_BOX_CLASS = re.compile(
    r"caption|credit|image|img|photo|picture|picbox|bildunterschrift", re.IGNORECASE
)
MAX_PHOTO_BOX_CHARS = 400
# Elements whose text no reader sees (a date in a script is no dateline).
NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})
# A dateline's text is read only this far: enough to tell it from a longer text.
MAX_RAW_TEXT_CHARS = 2_000
# Subtrees that never hold the article's dateline.
NO_DATELINE_TAGS = frozenset(
    {"head", "script", "style", "noscript", "template", "select", "option", "button", "svg",
     "figure", "figcaption", "textarea"}
)  # fmt: skip

# A year and month as a path segment ("/2022-08/", "/2020/01/"): no day, but a month
# the publication falls in.
URL_YEAR_MONTH = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?:/|$)")

# Declared revision stamps compared for the page's offset (a page has a handful).
MAX_DECLARED_STAMPS = 20
# A publication timestamp under a publication key in a script's data (app state,
# data layers): the last resort on pages without metadata or a visible date.
SCRIPT_PUBLISHED = re.compile(
    r"[\"'](?:datePublished|date_published|publishedAt|published_at|publishDate|"
    r"publish_date|pubDate|firstPublished|createdAt|created_at|dateCreated)[\"']\s*:\s*"
    r"[\"'](\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d{1,6})?(?:Z|[+-]\d{2}:?\d{2})?)[\"']"
)
# Script text read for it, in all (a page's data blobs can run to megabytes).
MAX_SCRIPT_CHARS = 2_000_000
