"""Visible dates: the dateline next to the headline, else a date-named or labelled
element anywhere on the page.

Readers see the date beside the headline ("Von Olga · 06.11.2023 13:30", "Published
Nov. 8, 2023, 10:28 p.m. ET", a `<time>`): the scan starts at the headline and reads
forward in document order until the article's text has begun, then looks at the
few elements just before the headline (a date above the title). Scripts, form
controls, comments, related links and photo captions are skipped; sentences that
mention a date, clocks ("It is currently …") and revisions ("Updated …") are told apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from lxml import etree

from .. import date_vocabulary as dv
from .. import dates
from . import timestamps
from . import vocabulary as v
from . import vocabulary_dates as vd
from .date_walk import following, inside, preceding, spaced_text, walk
from .parse import attr, class_id, collapse, match_key, tag_of, text_of


@dataclass(frozen=True, slots=True)
class Dateline:
    """A date shown to readers: its ISO value and what the page says it is."""

    iso: str
    updated: bool = False  # labelled as an update ("Updated", "Aktualisiert")
    numeric: bool = False  # written in digits only ("11/01/2021"): day/month may swap
    before_headline: bool = False
    # What a `<time>` shows readers beside its machine value ("Publiziert: 03.04.2020,
    # 12:35" for "2020-04-03T10:35:41Z"): the page's own clock for the same moment.
    shown: str | None = None


def headline_element(root: etree._Element, headline: str) -> etree._Element | None:
    """The element showing the headline: the h1 (else h2/h3) that states it, else the
    first h1 of the article (or of the page)."""
    key = match_key(headline) if headline else ""
    h1s = [h for h in islice(root.iter("h1"), vd.MAX_HEADLINE_CANDIDATES) if text_of(h)]
    if key:
        for el in (*h1s, *islice(root.iter("h2", "h3"), vd.MAX_HEADLINE_CANDIDATES)):
            if _states(match_key(text_of(el)), key):
                return el
    scoped = root.xpath("//article//h1 | //main//h1")
    for el in islice(scoped, vd.MAX_HEADLINE_CANDIDATES):
        if isinstance(el, etree._Element) and text_of(el):
            return el
    return h1s[0] if h1s else None


def _states(text_key: str, headline_key: str) -> bool:
    if not text_key:
        return False
    if text_key == headline_key:
        return True
    shorter = min(len(text_key), len(headline_key))
    return shorter >= vd.MIN_HEADLINE_MATCH_CHARS and (
        text_key in headline_key or headline_key in text_key
    )


def near_headline(anchor: etree._Element, lang: str | None) -> list[Dateline]:
    """Datelines after the headline (in order, until the text starts), then before it."""
    found = _scan(following(anchor), vd.MAX_DATELINE_DISTANCE_CHARS, lang, before=False)
    found += _scan(preceding(anchor), vd.MAX_DATELINE_BEFORE_CHARS, lang, before=True)
    return found


def date_named(root: etree._Element, lang: str | None) -> Dateline | None:
    """The first publication date in a date-named element or `<time>` of the page."""
    checked = 0
    for el in islice(walk(root), v.MAX_SCAN_ELEMENTS):
        if tag_of(el) != "time" and not v.DATE_ATTR.search(
            class_id(el) + " " + attr(el, "itemprop")
        ):
            continue
        if tag_of(el) != "time" and not vd.TWO_DIGITS.search(spaced_text(el)):
            continue
        found = _dateline(el, lang, before=False)
        if found is not None and not found.updated:
            return found
        checked += 1
        if checked >= v.MAX_DATELINE_TRIES:
            break
    return None


def labelled(root: etree._Element, lang: str | None, *, updated: bool = False) -> Dateline | None:
    """The first date anywhere on the page that a label calls the publication date
    ("<strong>Datum</strong> 28.04.2023", "Veröffentlicht am 12.03.2024"), or with
    `updated`, its revision date ("last edited 2019-11-10", "Aktualisiert: 30.12.2016")."""
    label = dv.UPDATED_LABEL if updated else dv.PUBLISHED_LABEL
    beside = _update_beside if updated else _label_beside
    tries = 0
    for el in islice(walk(root), v.MAX_SCAN_ELEMENTS):
        own = el.text or ""
        if not (label.search(own) or vd.TWO_DIGITS.search(own)):
            continue
        tries += 1
        if tries > vd.MAX_LABELLED_TRIES:
            break
        for holder in (el, el.getparent()):
            text = spaced_text(holder) if holder is not None else ""
            if len(text) > vd.MAX_LABELLED_CHARS:
                continue
            located = dates.locate_datetime(text, lang=lang)
            if located and beside(text, located[1]):
                return Dateline(located[0], updated=updated)
    return None


def _update_beside(text: str, start: int) -> bool:
    """A revision label just before the date ("last edited 2019-11-10 by …"),
    never a clock ("Current date: …")."""
    prefix = text[max(0, start - vd.LABEL_CHARS) : start]
    return bool(dv.UPDATED_LABEL.search(prefix)) and not dv.CLOCK_LABEL.search(prefix)


def _label_beside(text: str, start: int) -> bool:
    """A publication label just before the date ("Veröffentlicht am 12.03.2024"), or
    just after it ("… wurde am 3. Dezember 2011 um 10:00 Uhr veröffentlicht"); never
    a revision or a clock ("Update date: …", "Current date: …")."""
    prefix = text[max(0, start - vd.LABEL_CHARS) : start]
    if dv.UPDATED_LABEL.search(prefix) or dv.CLOCK_LABEL.search(prefix):
        return False
    after = dv.PUBLISHED_LABEL.search(text[start : start + vd.LABEL_AFTER_CHARS])
    return bool(dv.PUBLISHED_LABEL.search(prefix) or after)


def _scan(
    elements: Iterator[etree._Element], budget: int, lang: str | None, *, before: bool
) -> list[Dateline]:
    """Datelines among `elements` until `budget` characters of other text have passed."""
    out: list[Dateline] = []
    passed = 0
    last: etree._Element | None = None
    for el in islice(elements, vd.MAX_DATELINE_ELEMENTS):
        if last is not None and inside(el, last):
            continue  # the dateline just read, again at a deeper level
        found = _dateline(el, lang, before=before)
        if found is not None:
            out.append(found)
            if not found.updated or len(out) >= vd.MAX_DATELINES:
                break
            last = el
            continue
        passed += len(collapse(el.text)) + len(collapse(el.tail))
        if passed > budget:
            break
    return out


def _dateline(el: etree._Element, lang: str | None, *, before: bool) -> Dateline | None:
    """The element as a dateline: a stamp in a `<time>`/`<abbr>` attribute or a short
    text whose date comes with few other words."""
    tag = tag_of(el)
    machine = attr(el, "datetime") if tag == "time" else attr(el, "title") if tag == "abbr" else ""
    text = spaced_text(el)
    if machine:
        iso = timestamps.normalise(machine, lang=lang)
        if iso and len(machine) > vd.MIN_MACHINE_STAMP_CHARS:
            label = spaced_text(el.getparent()) if el.getparent() is not None else text
            if _labelled(dv.CLOCK_LABEL, label, text):
                return None
            updated = _labelled(dv.UPDATED_LABEL, label, text)
            shown = dates.find_datetime(text, lang=lang) if vd.TWO_DIGITS.search(text) else None
            return Dateline(iso, updated=updated, before_headline=before, shown=shown)
    if not vd.TWO_DIGITS.search(text):
        return None
    if len(text) > v.MAX_DATELINE_CHARS and not before:
        return _opening_date(text, lang)
    if not vd.MIN_DATELINE_CHARS <= len(text) <= v.MAX_DATELINE_CHARS:
        return None
    located = dates.locate_datetime(text, lang=lang)
    if located is None:
        return None
    iso, start = located
    label = text[max(0, start - vd.LABEL_CHARS) : start]
    if _is_prose(text) or dv.CLOCK_LABEL.search(label):
        return None
    return Dateline(
        _machine_value(el, iso, lang) or iso,
        updated=bool(dv.UPDATED_LABEL.search(label)),
        numeric=_is_numeric(text, start),
        before_headline=before,
        shown=iso,
    )


def _machine_value(el: etree._Element, shown: str, lang: str | None) -> str | None:
    """The `datetime` of a `<time>` inside the dateline stating the shown day: the
    precise moment ("2023-11-08T22:35:29-08:00") behind "Nov 8, 2023"."""
    for time_el in islice(el.iter("time"), vd.MAX_DATELINES):
        iso = timestamps.normalise(attr(time_el, "datetime"), lang=lang)
        if iso and timestamps.has_time(iso) and _same_day(iso, shown):
            return iso
    return None


def _same_day(machine: str, shown: str) -> bool:
    """True when a machine stamp names the shown day, as written or in the shown zone."""
    if machine[:10] == shown[:10]:
        return True
    offset = timestamps.implied_offset(machine, shown)
    return bool(offset) and timestamps.in_offset(machine, offset or "")[:10] == shown[:10]


def _opening_date(text: str, lang: str | None) -> Dateline | None:
    """A paragraph that opens with its date ("01.02.2022 – Der Arbeitsmarkt …")."""
    opening = text[: vd.LEADING_DATE_CHARS + vd.NUMERIC_DATE_CHARS * 3]
    located = dates.locate_datetime(opening, lang=lang)
    if located is None or located[1] > vd.LEADING_DATE_CHARS:
        return None
    # Only a place may come first ("BERLIN, 27.1.2022 –"), not words of a sentence.
    lead = opening[: located[1]].split()
    if len(lead) > vd.MAX_LEADING_WORDS or any(w[:1].islower() for w in lead):
        return None
    updated = bool(dv.UPDATED_LABEL.search(opening[: located[1]]))
    return Dateline(located[0], updated=updated, numeric=_is_numeric(opening, located[1]))


def _is_numeric(text: str, start: int) -> bool:
    return not any(ch.isalpha() for ch in text[start : start + vd.NUMERIC_DATE_CHARS])


def _labelled(label: re.Pattern[str], context: str, own: str) -> bool:
    """True when the words just before the element's own text carry `label`."""
    at = context.find(own) if own else -1
    prefix = context[max(0, at - vd.LABEL_CHARS) : at] if at > 0 else ""
    return bool(label.search(prefix + " " + own[: vd.LABEL_CHARS]))


def _is_prose(text: str) -> bool:
    """A sentence that mentions a date ("… a 15 de mayo de 2025, …") is no dateline."""
    return len(text.split()) > vd.MAX_DATELINE_WORDS
