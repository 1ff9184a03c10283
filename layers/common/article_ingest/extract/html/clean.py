"""Tree cleaning: images collected first, then scripts, widgets and boilerplate removed."""

from __future__ import annotations

import functools
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from ...models import Image
from . import vocabulary as v
from .parse import attr, collapse, tag_of, text_of


def _image_url(img: etree._Element, base: str | None) -> str:
    for name in v.IMAGE_SRC_ATTRS:
        src = attr(img, name)
        if src and not src.startswith("data:"):
            url = urljoin(base, src) if base else src
            return url if v.HTTP_URL.match(url) else ""
    srcset = attr(img, "srcset") or attr(img, "data-srcset")
    if srcset:
        first = srcset.split(",")[0].strip().split(" ")[0]
        url = urljoin(base, first) if base else first
        return url if v.HTTP_URL.match(url) else ""
    return ""


def collect_images(root: etree._Element, base: str | None) -> list[Image]:
    """Images of figures (with caption and credit) and other content images, in order."""
    images: list[Image] = []
    seen: set[str] = set()
    for fig in root.iter("figure"):
        img = next(fig.iter("img"), None)
        url = _image_url(img, base) if img is not None else ""
        if not url or url in seen:
            continue
        seen.add(url)
        credit_el = next((e for e in fig.iter() if v.IMAGE_CREDIT_ATTR.search(
            f"{attr(e, 'class')} {attr(e, 'itemprop')}")), None)  # fmt: skip
        credit = text_of(credit_el) if credit_el is not None else ""
        cap_el = next(fig.iter("figcaption"), None)
        caption = (
            text_of(cap_el) if cap_el is not None else attr(img, "alt") if img is not None else ""
        )
        if credit and caption.endswith(credit):
            caption = collapse(caption[: -len(credit)])
        images.append(Image(url=url, caption=caption or None, credit=credit or None))
        if len(images) >= v.MAX_IMAGES:
            break
    return images


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or attr(el, "aria-hidden") == "true":
        return True
    style = attr(el, "style")
    return bool(style and v.HIDDEN_STYLE.search(style))


def boilerplate_share(el: etree._Element) -> float:
    """See `_share`; cached on the element's class and id (pages repeat them a lot)."""
    if tag_of(el) in v.STRUCTURAL_KEEP_TAGS:
        return 0.0
    role = attr(el, "role").lower()
    if role in v.BOILERPLATE_ROLES:
        return v.PROTECTED_TEXT_SHARE
    if attr(el, "itemprop") == "articleBody":
        return 0.0
    names = f"{attr(el, 'class')} {attr(el, 'id')}".lower()
    return _share(names) if names.strip() else 0.0


@functools.lru_cache(maxsize=4096)
def _share(names: str) -> float:
    """0 for content; else the share of page paragraph text the element may hold and go.

    Strong widget names (share, related, byline ...) go unless they hold most of the
    page's paragraphs; weak layout names (header, sidebar ...) only when they hold
    little, since CMSs reuse them for grid wrappers ("sidebar-grid__content").
    """
    # A long slug ("sharing-with-a-single-developer") is a heading's anchor, not a
    # widget's class: its words say what the section is about.
    tokens = [t for t in names.split() if len(v.SLUG_SEPARATOR.findall(t)) < v.MIN_SLUG_SEPARATORS]
    if any(v.BOILERPLATE_STRONG.search(t) and not v.ARTICLE_BODY_TOKEN.search(t) for t in tokens):
        return v.PROTECTED_TEXT_SHARE
    if any(v.CONTENT_TOKEN.search(t) for t in tokens):
        return 0.0
    return v.WEAK_PROTECTED_TEXT_SHARE if any(v.BOILERPLATE_WEAK.search(t) for t in tokens) else 0.0


def _paragraph_chars(el: etree._Element, lengths: dict[etree._Element, int]) -> int:
    """Text length of the paragraphs under `el` (`lengths`: each paragraph's, cached)."""
    total = 0
    for p in el.iter("p"):
        if (length := lengths.get(p)) is None:
            length = lengths[p] = len(text_of(p))
        total += length
    return total


def _holds_prose(el: etree._Element) -> bool:
    """Several long, mostly unlinked paragraphs: article text in a layout-named wrapper."""
    found = 0
    for p in el.iter("p"):
        text = text_of(p)
        links = sum(len(text_of(a)) for a in p.iter("a"))
        if len(text) >= v.PROSE_PARAGRAPH_CHARS and links < 0.2 * len(text):
            found += 1
            if found >= v.PROSE_PARAGRAPHS:
                return True
    return False


def _hard_drop(el: etree._Element) -> bool:
    """Hidden, or named a comment thread, cookie box or related-links list."""
    tokens = f"{attr(el, 'class')} {attr(el, 'id')}".lower()
    if _is_hidden(el) and not v.PAYWALL_TOKEN.search(tokens):
        return True
    return bool(tokens and v.BOILERPLATE_HARD.search(tokens))


def _always_drop(el: etree._Element, tag: str) -> bool:
    if tag in v.DROP_TAGS:
        return True
    if tag in v.STRUCTURAL_KEEP_TAGS:
        return False
    tokens = f"{attr(el, 'class')} {attr(el, 'id')}".lower()
    # Text hidden behind a paywall is the article itself, not a widget.
    if _is_hidden(el) and not v.PAYWALL_TOKEN.search(tokens):
        return True
    return bool(tokens and v.BOILERPLATE_HARD.search(tokens))


def drop_never_text(root: etree._Element, tags: tuple[str, ...] = v.NEVER_TEXT_TAGS) -> None:
    """Remove the elements whose content is never article text (scripts, styles, media)."""
    doomed = [el for el in root.iter(*tags) if el is not root]
    for el in doomed:
        drop_element(el)


def drop_hard(root: etree._Element) -> None:
    """Remove hidden elements and comment threads, cookie boxes, related-link lists."""
    doomed: list[etree._Element] = []
    stack = list(reversed(list(root)))
    while stack:
        el = stack.pop()
        if tag_of(el) and el.attrib and _hard_drop(el):
            doomed.append(el)
        else:
            stack.extend(reversed(list(el)))
    for el in doomed:
        drop_element(el)


def clean_tree(root: etree._Element, protect: etree._Element | None = None) -> None:
    """Remove everything that can never be article text, keeping tail text in place.

    Media and class/id-matched widgets are kept when they hold most of the page's
    paragraph text: some sites wrap the whole article in a "figure" or a
    "sticky-container", and losing the article is worse than keeping a widget.
    `protect` (the densest prose found before cleaning) and its ancestors are never
    removed, whatever their names say: the article itself must survive clean-up.
    """
    lengths: dict[etree._Element, int] = {}
    total = _paragraph_chars(root, lengths)
    doomed: list[etree._Element] = []
    kept: set[etree._Element] = set()
    if protect is not None:
        kept = {protect, *protect.iterancestors()}
    stack = list(reversed(list(root)))
    while stack:
        el = stack.pop()
        tag = tag_of(el)
        if not tag:
            doomed.append(el)
            continue
        if el in kept and not _hard_drop(el):
            stack.extend(reversed(list(el)))
            continue
        if not el.attrib and tag not in v.MEDIA_TAGS:
            # No class, id, role or style: only the tag can doom it (most elements).
            if tag in v.DROP_TAGS:
                doomed.append(el)
            else:
                stack.extend(reversed(el))
            continue
        if _always_drop(el, tag):
            doomed.append(el)
            continue
        share = v.PROTECTED_TEXT_SHARE if tag in v.MEDIA_TAGS else boilerplate_share(el)
        small = bool(share) and _paragraph_chars(el, lengths) < total * share
        if small and (share != v.WEAK_PROTECTED_TEXT_SHARE or not _holds_prose(el)):
            doomed.append(el)
            continue
        stack.extend(reversed(list(el)))
    for el in doomed:
        drop_element(el)


def drop_element(el: etree._Element) -> None:
    """Remove `el` and its subtree; the text after it (its tail) stays in place."""
    parent = el.getparent()
    if parent is None:
        return
    if isinstance(el, lxml.html.HtmlElement):
        el.drop_tree()
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
