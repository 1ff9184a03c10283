"""The headings of an author box, in the languages we see; one list for pages and pastes.

The bio under such a heading is about the writer, not the story: the HTML filter and
the paste's body both end the article there.
"""

from __future__ import annotations

AUTHOR_BOX_PHRASES = (
    r"about the author|über (?:den autor|die autorin)|zum autor|zur autorin|"
    r"à propos de l'auteur|sobre (?:el autor|la autora|o autor|a autora)|l'autore|"
    r"o autorze|om forfatteren|over de auteur"
)

# "About Jane Doe": a box headed by the writer's own name; it is the author box when
# the name is one the article's byline gives (a company's "About Ascom" is not).
ABOUT_PREFIXES = r"about|über|sobre|à propos de|a proposito di|om|over"
