"""Check found author names against the paste's own vocabulary.

A byline rule sees one line; the paste as a whole tells which capitalised
words are ordinary words of its language: a word the paste also writes in
lower case ("Aktuelle Produkte" / "aktuelle", "Crash Room" / "room", "Jane Doe
State" / "state") is a label, section or role word, not part of a name. Given
names and surnames are not written in lower case. Month and weekday names glued
to a name ("Jane Doe February", "Oktober Carola Pönisch") come from a dateline.
"""

from __future__ import annotations

from ..dates import MONTHS
from . import vocabulary as v

# Only the first this many characters are read for the paste's lower-case words
# (a long paste has its vocabulary well before; keeps the work bounded).
VOCABULARY_CHARS = 200_000
# A word that may be a name token must have at least this many letters to count
# as an ordinary lower-case word ("de", "da" are name particles).
COMMON_MIN_CHARS = 3
# Label words before a by-word are looked for in names of this many words or more.
INNER_BY_MIN_WORDS = 4
# Month names this short are abbreviations only ("mai", "may" stay names' words).
MONTH_MIN_CHARS = 3


def lowercase_words(text: str) -> frozenset[str]:
    """Words the paste writes in lower case (casefolded), as words of their own:
    "hassan" in "yasmine.hassan@example.com" or a URL does not count."""
    tokens = {t.strip(v.WORD_EDGE) for t in set(text[:VOCABULARY_CHARS].split())}
    return frozenset(
        t.casefold() for t in tokens if len(t) >= COMMON_MIN_CHARS and t.isalpha() and t.islower()
    )


def _dated(token: str) -> bool:
    low = token.lower().rstrip(".,")
    return (len(low) >= MONTH_MIN_CHARS and low in MONTHS) or low in v.WEEKDAYS


def _ordinary(token: str, common: frozenset[str]) -> bool:
    """A month, weekday or a word the paste also writes in lower case."""
    return _dated(token) or (token[:1].isupper() and token.casefold().rstrip(".,") in common)


def _function_word(token: str, common: frozenset[str]) -> bool:
    """A short ordinary word or a stop word: "In der Schweiz", "Our Partners"."""
    low = token.casefold()
    if low in v.NAME_PARTICLES or low in v.ARTICLES or low not in common:
        return False
    return len(low) <= COMMON_MIN_CHARS or any(low in stop for stop in v.STOPWORDS.values())


def tidy_name(name: str, common: frozenset[str], *, bare: bool = False) -> str | None:
    """`name` without ordinary words glued at its ends; None when it is no name.

    A single-word name (an agency, a first name alone) is kept as it is; a longer
    one keeps at least two words, and is dropped when all its words are ordinary
    or it starts with a function word. A `bare` name (a name-shaped line with no
    by-word) is also dropped when any of its words is ordinary or two words glued
    ("DownloadShow"; a prefix such as "Mc", "De" may precede a capital).
    """
    name = v.LEADING_BY.sub("", name)
    if len(name.split()) >= INNER_BY_MIN_WORDS:
        name = v.INNER_BY.sub("", name)
    tokens = name.split()
    if len(tokens) == 1 and name[:1].isupper() and name.casefold() in common:
        return None  # "SIZE", "Characters": an ordinary word of the paste
    if len(tokens) < 2 or not any(t[:1].isupper() for t in tokens):
        return name
    if tokens[0].casefold() in v.ARTICLES or v.NEWS_AGENCY.search(name):
        return name  # an organisation: "The Associated Press", "Les Echos"
    if all(_ordinary(t, common) for t in tokens) or _function_word(tokens[0], common):
        return None
    if bare and any(_ordinary(t, common) or v.GLUED_WORDS.search(t[2:]) for t in tokens):
        return None  # a bare label: "Unsere Geschichte", "German Language", "DownloadShow URL"
    while len(tokens) > 2 and _ordinary(tokens[-1], common):
        tokens.pop()
    while len(tokens) > 2 and (_dated(tokens[0]) or tokens[0].islower()):
        tokens.pop(0)  # "Dezember von Peter Addor": a dateline's month, a by-word
    while len(tokens) > 1 and tokens[-1].islower():
        tokens.pop()  # "Brinquedos e": a particle left at the end
    return " ".join(tokens) if len(tokens) > 1 else None


def tidy_authors(names: list[str], common: frozenset[str], *, bare: bool = False) -> list[str]:
    """The names that survive `tidy_name`, each once, in order."""
    kept = (tidy_name(n, common, bare=bare) for n in names)
    return list(dict.fromkeys(n for n in kept if n))
