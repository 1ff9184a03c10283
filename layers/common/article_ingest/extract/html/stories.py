"""Pages that load the next stories under the article (infinite scroll).

Such a page holds several full `<article>`s, the page's own and the ones a reader
would scroll into; they share one container and often one class, so the body would
take them all. The page's story is the one headed by the page's headline (its h1 or
h2), else the only one holding an h1 when no h1 stands outside them; the others are
dropped before the content pass. A single story, or stories none of which is told
apart, stay as they are. Teaser cards and comments are `<article>`s too, but hold
little paragraph text.
"""

from __future__ import annotations

from lxml import etree

from .clean import drop_element
from .parse import match_key, text_of

# An <article> with this much paragraph text is a story, not a teaser card (500 and
# 1000 scored alike on fundus and scrapinghub; 500 also finds a scroll of shorter
# stories on trafilatura-eval).
MIN_STORY_CHARS = 500


def drop_next_stories(root: etree._Element, headline: str) -> None:
    """Leave only the page's own story when it holds several (see the module)."""
    stories = _innermost_stories(root)
    if len(stories) < 2:
        return
    own = _own_story(stories, match_key(headline))
    if own is None:
        return
    for story in stories:
        if story is not own:
            drop_element(story)


def _innermost_stories(root: etree._Element) -> list[etree._Element]:
    """The `<article>`s with a story's paragraph text that hold no other such one."""
    articles = list(root.iter("article"))
    if len(articles) < 2:
        return []  # most pages: nothing to tell apart, no paragraph read
    around = {a: next(a.iterancestors("article"), None) for a in articles}
    chars: dict[etree._Element, int] = {}
    for top in (a for a in articles if around[a] is None):
        for p in top.iter("p"):
            nearest = next(p.iterancestors("article"))  # `top` at the farthest
            chars[nearest] = chars.get(nearest, 0) + len(text_of(p))
    # Each article's text into the article around it, inner ones first (reverse
    # document order): linear in the page, however deep articles nest.
    for article in reversed(articles):
        outer = around[article]
        if outer is not None and article in chars:
            chars[outer] = chars.get(outer, 0) + chars[article]
    stories = [a for a, n in chars.items() if n >= MIN_STORY_CHARS]
    holding = {outer for story in stories for outer in story.iterancestors("article")}
    return [story for story in stories if story not in holding]


def _own_story(stories: list[etree._Element], headline: str) -> etree._Element | None:
    """The story headed by the page's headline (its h1 or h2), else the only story
    holding an h1 when no h1 stands outside the stories; None when none is told apart."""
    if headline:
        headed = [
            story
            for story in stories
            if any(match_key(text_of(h)) == headline for h in story.iter("h1", "h2"))
        ]
        if len(headed) == 1:
            return headed[0]
    with_h1 = [story for story in stories if next(story.iter("h1"), None) is not None]
    if len(with_h1) != 1:
        return None
    root = with_h1[0].getroottree().getroot()
    inside = sum(1 for story in stories for _ in story.iter("h1"))
    return with_h1[0] if sum(1 for _ in root.iter("h1")) == inside else None
