"""Publication and revision times: every date source of the page, checked and reconciled.

Sources, strongest first: what the page declares (JSON-LD, meta tags, microdata),
the dateline readers see next to the headline (html/dateline.py), the URL path, then
a date-named element or a labelled date anywhere on the page, and last a publication
key in the page's script data. Every value must be plausible (1995 to tomorrow). The
declared time wins unless the shown dateline contradicts it and nothing sides with
the declaration (see `_shown_wins`). The chosen time is written in the offset the
page states for the same moment; `Z` only when the page states no other; a day
alone when only a day is known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import islice

from lxml import etree

from ...models import Provenance
from .. import dates
from . import jsonld, timestamps
from . import vocabulary as v
from . import vocabulary_dates as vd
from .dateline import Dateline, date_named, headline_element, labelled, near_headline
from .parse import attr, itemprop, text_of


def read_dates(
    root: etree._Element,
    index: dict[str, list[str]],
    ld: jsonld.JsonLdArticle,
    url: str | None,
    lang: str | None,
    headline: str,
    provenance: dict[str, Provenance],
    *,
    today: dt.date | None = None,
) -> tuple[str | None, str | None]:
    """The page's publication and revision times, their sources added to `provenance`.

    Args:
        root: the parsed page (unchanged).
        index: its meta tags by lower-cased key.
        ld: its JSON-LD article node.
        url: where it was fetched from.
        lang: its ISO 639-1 language, for ambiguous numeric dates.
        headline: the chosen headline, to find the dateline beside it.
        provenance: receives "published_at" / "modified_at" sources.
        today: the latest plausible day is the one after it (default: today, UTC).

    Returns:
        (published_at, modified_at) as ISO 8601, each None when unknown.
    """
    today = today or dt.datetime.now(dt.UTC).date()
    declared = [c for c in _declared(root, index, ld, lang) if timestamps.plausible(c[0], today)]
    anchor = headline_element(root, headline)
    lines = [
        d
        for d in (near_headline(anchor, lang) if anchor is not None else [])
        if timestamps.plausible(d.iso, today)
    ]
    shown = next((d for d in lines if not d.updated), None)
    revised = _declared_modified(index, ld, lang, today)
    url_day = dates.find_url_date(url)
    url_day = url_day if timestamps.plausible(url_day, today) else None

    published, source = reconcile_dates(declared)
    url_month = _url_month(url, url_day)
    if shown and (not published or _shown_wins(published, shown, revised, url_month)):
        # Another declaration may state the shown moment precisely: it is taken then.
        backing = next(((iso, src) for iso, src in declared if _agrees(iso, shown)), None)
        published, source = backing or (shown.iso, "dateline-text")
    elif not published and url_day:
        published, source = url_day, "url"
    elif not published:
        published, source = _page_fallback(root, lang, today)
    if not published:
        # A page that shows only when it was last revised (a wiki's "last edited", a
        # "Stand"/"Aktualisiert" line): that is the page's date, as htmldate takes it.
        published, source = _revision_fallback(root, revised, lang, today)
    if published and source:
        views = [iso for iso, _ in declared]
        views += [x for d in lines if not d.updated for x in (d.iso, d.shown) if x]
        views += _time_stamps(root, lang)
        provenance["published_at"] = source
        local_day = shown.iso[:10] if shown else url_day
        published = _in_page_offset(published, views, local_day)

    modified = revised or next((d.iso for d in lines if d.updated), None)
    if modified:
        provenance["modified_at"] = "json-ld" if ld.modified else "meta"
        if not revised:
            provenance["modified_at"] = "dateline-text"
    return published, modified


def _declared(
    root: etree._Element,
    index: dict[str, list[str]],
    ld: jsonld.JsonLdArticle,
    lang: str | None,
) -> Iterator[tuple[str, Provenance]]:
    """(iso, source) for each publication time the page declares, best source first."""
    if ld.published:
        yield from _stamp(ld.published, "json-ld", lang)
    for key in v.META_PUBLISHED:
        for value in index.get(key, []):
            yield from _stamp(value, "meta", lang)
    for el in itemprop(root, "datePublished"):
        yield from _stamp(
            attr(el, "datetime") or attr(el, "content") or text_of(el), "microdata", lang
        )


def _stamp(value: str, source: Provenance, lang: str | None) -> Iterator[tuple[str, Provenance]]:
    iso = timestamps.normalise(value, lang=lang)
    if iso:
        yield iso, source


def _declared_modified(
    index: dict[str, list[str]],
    ld: jsonld.JsonLdArticle,
    lang: str | None,
    today: dt.date,
) -> str | None:
    """The declared revision time, in the offset another declaration states for it."""
    values = [ld.modified] if ld.modified else []
    values += [x for key in v.META_MODIFIED for x in index.get(key, [])]
    stamps = [timestamps.normalise(x, lang=lang) for x in values[: vd.MAX_DECLARED_STAMPS]]
    found = [iso for iso in stamps if iso and timestamps.plausible(iso, today)]
    return _in_page_offset(found[0], found[1:], None) if found else None


def reconcile_dates(
    candidates: list[tuple[str, Provenance]],
) -> tuple[str | None, Provenance | None]:
    """Pick the best declared publication time; borrow an offset from an agreeing source.

    A source with a time and offset wins over a date-only or local one; a local
    time takes the offset of another source stating the same wall-clock time.

    Returns:
        (iso, source) or (None, None).
    """
    if not candidates:
        return None, None
    iso, source = candidates[0]
    if timestamps.has_offset(iso):
        return iso, source
    for other, other_src in candidates[1:]:
        if not timestamps.has_offset(other):
            continue
        if timestamps.has_time(iso) and other[:16] == iso[:16]:
            return other, source
        if not timestamps.has_time(iso) and other[:10] == iso[:10]:
            return other, other_src
    return iso, source


def _agrees(declared: str, shown: Dateline) -> bool:
    """True when the shown dateline can be the declared moment: the same day as
    written, the same instant in the page's zone, or digits read day/month swapped."""
    day, seen = timestamps.day_of(declared), timestamps.day_of(shown.iso)
    if day is None or seen is None or day == seen:
        return True
    if timestamps.implied_offset(declared, shown.iso):
        return True
    if shown.numeric and seen.day <= 12 and (seen.day, seen.month) == (day.month, day.day):
        return True
    # A UTC time close to midnight is the previous or next day where the page is.
    if timestamps.is_utc(declared) and not timestamps.has_time(shown.iso):
        return abs((seen - day).days) == 1
    return False


def _shown_wins(declared: str, shown: Dateline, revised: str | None, url_date: str | None) -> bool:
    """The dateline beside the headline replaces a declared time it contradicts,
    unless it is the declared revision day or the URL (its day, else its month)
    sides with the declaration."""
    if _agrees(declared, shown) or shown.before_headline:
        return False
    seen = timestamps.day_of(shown.iso)
    if revised and timestamps.day_of(revised) == seen:
        return False
    if url_date:
        return shown.iso.startswith(url_date)
    return True


def _url_month(url: str | None, url_day: str | None) -> str | None:
    """The URL's day, else the year and month its path states ("/news/2022-08/slug")."""
    if url_day or not url:
        return url_day
    m = vd.URL_YEAR_MONTH.search(url)
    return f"{m[1]}-{m[2]}" if m else None


def _in_page_offset(iso: str, views: list[str], local_day: str | None) -> str:
    """The time in the offset the page states: a UTC time takes the offset of another
    source naming the same moment (stated, or implied by a local wall clock); a local
    time or a bare day takes the offset of a source stating the same clock or day.

    A UTC time the page shows on another day (`local_day`, from its dateline or URL)
    is written in the offset the page states elsewhere when that gives the shown day.
    """
    for view in views:
        if view == iso:
            continue
        if timestamps.is_utc(iso):
            offset = timestamps.stated_offset(view)
            if offset and timestamps.same_instant(iso, view):
                return timestamps.in_offset(iso, offset)
            implied = timestamps.implied_offset(iso, view)
            if implied:
                return timestamps.in_offset(iso, implied)
        elif not timestamps.has_offset(iso) and timestamps.has_offset(view):
            same = iso[:16] == view[:16] if timestamps.has_time(iso) else iso == view[:10]
            if same:
                return view
    if timestamps.is_utc(iso) and _next_to(local_day, iso):
        offsets = [o for o in map(timestamps.stated_offset, views) if o]
        for offset in sorted(set(offsets), key=offsets.count, reverse=True):
            shifted = timestamps.in_offset(iso, offset)
            if shifted[:10] == local_day:
                return shifted
        # No offset known: the page's own day, not a UTC day it never shows.
        return local_day or iso
    return iso


def _next_to(local_day: str | None, iso: str) -> bool:
    """True when `local_day` is the day before or after the one `iso` states."""
    day, other = timestamps.day_of(local_day), timestamps.day_of(iso)
    return bool(day and other and abs((day - other).days) == 1)


def _time_stamps(root: etree._Element, lang: str | None) -> list[str]:
    """The `datetime` values of the page's first `<time>` elements (offset sources)."""
    values = (attr(el, "datetime") for el in islice(root.iter("time"), v.MAX_DATELINE_TRIES))
    return [iso for iso in (timestamps.normalise(x, lang=lang) for x in values if x) if iso]


def _page_fallback(
    root: etree._Element, lang: str | None, today: dt.date
) -> tuple[str | None, Provenance | None]:
    """A date-named element's date, a labelled date, else a publication key in the
    page's script data."""
    for find in (date_named, labelled):
        found = find(root, lang)
        if found and timestamps.plausible(found.iso, today):
            return found.iso, "dateline-text"
    stamp = _script_stamp(root, today)
    return (stamp, "script-data") if stamp else (None, None)


def _revision_fallback(
    root: etree._Element,
    revised: str | None,
    lang: str | None,
    today: dt.date,
) -> tuple[str | None, Provenance | None]:
    """The revision time the page declares, else a date it labels as its revision
    (source "revision": the Article warns that its published_at is no publication)."""
    if revised:
        return revised, "revision"
    found = labelled(root, lang, updated=True)
    if found and timestamps.plausible(found.iso, today):
        return found.iso, "revision"
    return None, None


def _script_stamp(root: etree._Element, today: dt.date) -> str | None:
    """The first publication timestamp a script's data states under a publication key
    ("published_at": "2019-03-02T06:22:28+01:00"; shops and app pages without metadata)."""
    budget = vd.MAX_SCRIPT_CHARS
    for script in root.iter("script"):
        text = (script.text or "")[:budget]
        budget -= len(text)
        for m in vd.SCRIPT_PUBLISHED.finditer(text):
            iso = timestamps.normalise(m[1])
            if iso and timestamps.plausible(iso, today):
                return iso
        if budget <= 0:
            break
    return None
