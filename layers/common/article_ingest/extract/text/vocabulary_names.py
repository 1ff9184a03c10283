"""Byline and name vocabulary of the plain-text extractor (see `vocabulary`).

Kept apart from `vocabulary` so each module stays small; same conventions:
phrases match case-insensitively and anchored at the start unless noted.
`vocabulary` re-exports every name here.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """A set of lowercase words from a space-separated literal."""
    return frozenset(text.split())


# Bylines: "By Jane Doe", "Von Max Muster", "Autor: X", "Texte : Y".
_BYLINE_WORDS = (
    r"(?:(?:ein|eine|a|an)\s+)?(?:kommentar|kolumne|analyse|gastbeitrag|essay|interview|artikel|"
    r"beitrag|reportage|column|analysis|story)\s+(?:von|by)|written\s+by|reported\s+by|words\s+by|"
    # "written by" in other languages: "Geschrieben von", "Écrit par", "Escrito por"
    r"(?:geschrieben|verfasst|gepostet|veröffentlicht|erstellt)\s+von|posted\s+by|"
    r"écrit\s+par|publié\s+par|(?:escrito|redactado|publicado)\s+por|(?:scritto|pubblicato)\s+da|"
    r"skrevet\s+af|skrevet\s+av|skrivet\s+av|napisał(?:a)?|escribe|kirjoittanut|"
    r"by|von|par|por|di|door|av|af|od|de|автор|yazan|autor(?:in|es|en)?(?:/autor(?:in)?)?|"
    r"authors?(?:\s+of\s+the\s+article)?|auteur|text(?:e)?|reporter|redakt(?:ion|ør)|quelle"
)
# "By Jane Doe", "Von Max Muster, dpa", "Autor: X", "Kolumne von Y".
BYLINE_START = re.compile(
    rf"^(?:{_BYLINE_WORDS})\s*[:\-–]?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
# "byRahimu Fadhili", "ByJ.R. Stone": a byline word glued to the name.
GLUED_BY = re.compile(r"^(by|By|BY|von|Von|VON)(?=[A-ZÀ-Þ][a-zà-ÿ.])")
# Label words and a by-word before a name ("Blog Beitrag von Jane Doe", "Gepostet
# von Jane Doe"): only read on names of four words or more, and only when a name of
# two capitalised words follows ("Ursula von der Leyen" keeps its particle).
INNER_BY = re.compile(
    r"^(?:\S+\s+){1,3}?(?i:von|by|par|por|door|av|af)\s+(?=[A-ZÀ-Þ]\S*\s+[A-ZÀ-Þ])"
)
# A by-word left at the start of a found name ("By Jane Doe" read from a dateline's
# parts); only stripped when a name of two words or more follows.
LEADING_BY = re.compile(r"^(?:by|von|par|por|door|av|af|od|di|de|da)\s+(?=\S+\s+\S)", re.IGNORECASE)
# A byline label alone on its line ("Von", "Author of the article:"): names follow.
BYLINE_LABEL = re.compile(rf"^(?:{_BYLINE_WORDS})\s*:?\s*$", re.IGNORECASE)
# Job titles that trail a name in a byline ("Daniel Großert Redakteur").
ROLE_SUFFIX = re.compile(
    r"(?<!\s)\s+(?:redakteur(?:in)?|korrespondent(?:in)?|correspondent|reporter(?:in)?|editor|columnist|"
    r"senior|deputy|chief|head\s+of|director|staff\s+writer|journalist(?:in)?|autor(?:in)?|"
    r"chefredakteur(?:in)?)\b.*$",
    re.IGNORECASE,
)
# Noise glued after a name: "Victoria O'Regan  Follow", "Emma MackenzieLifestyle Writer".
NAME_TRAILER = re.compile(
    r"(?:(?<!\s)\s+|(?<=[a-z]))(?i:follow|folgen|seguir|suivre)\b.*$"
    r"|(?:(?<!\s)\s+|(?<=[a-z]))[A-Z]?[a-z]{1,40}\s+(?i:writer|editor|reporter|correspondent|columnist)\b.*$"
    # "Jonathan GarberFOXBusiness": a glued tail with several capitals
    r"|(?<=[a-z]{2})[A-Z][A-Za-z]{0,40}[A-Z][A-Za-z]{0,40}$"
    # "Chaim Gartenberg@cgartenberg": a social handle and whatever follows
    r"|(?<!\s)\s*@\w.*$"
    r"|(?<=[a-z])(?:News|Sports?|Politics|Business|Reporter|Editor|Writer|Correspondent)$",
)
# A publisher in capitals after a name: "Kevin McCoy USA TODAY".
SHOUTED_TAIL = re.compile(r"(?<!\s)(?:\s+[A-Z]{2,}){1,6}$")
# Footnote digits glued to a name ("Xiaoying You0").
NAME_FOOTNOTE = re.compile(r"(?<=[^\W\d_])\d+\b")
# Weekday names: a dateline's words, never a person's.
WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi "
    "vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo"
)
# Wire services credited by name in bylines ("By The Associated Press").
NEWS_AGENCY = re.compile(
    r"\b(?:associated press|press association|reuters|agence france|bloomberg|"
    r"deutsche presse|canadian press|united press)\b",
    re.IGNORECASE,
)
# Agency credits in bylines: "dpa", "AFP", "KNA" (short, all lower or all upper case).
AGENCY = re.compile(
    r"^(?:[A-Z]{2,4}|(?i:dpa|apa|sda|kna|epd|ddp|afp|ap|ots|ansa|efe|ntb|ctk|pap|mti|reuters))$"
)
# Words that separate several author names.
NAME_SPLIT = re.compile(
    r"(?<!\s)\s*(?:,|;|&|\+|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bog\b|\bocH\b|\ben\b|\bi\b|\ba\b|"
    r"\bve\b|\bи\b|/)\s*",
    re.IGNORECASE,
)
# Separators between a byline's parts ("Shanthi M·Stocktwits", "Name | Site | Date").
BYLINE_PARTS = re.compile(r"(?<!\s)(?:\s*[·•|]\s*|\s+[-–—]\s+)")
# Lowercase particles allowed inside a person's name.
NAME_PARTICLES = _words("van von der den de del della di da dos das du la le ten ter bin al el y e")
# A name-shaped token: capitalised word, initial, hyphenated or apostrophised.
NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ŽА-Я][\w'’.\-]*|[A-Z]\.?)$")
# A person's name does not start with an article ("Die Tabelle der Premier League").
ARTICLE_START = re.compile(r"^(?:the|die|das|der|el|los|las|les|un|une|a|an)\s", re.IGNORECASE)
# The same articles as words: an organisation's name may start with one ("The
# Associated Press", "Les Echos").
ARTICLES = _words("the die das der el los las les un une a an")
# Punctuation around a word in running text ("(word),", "„word“").
WORD_EDGE = "()[]{}<>\"'„“”‘’«»‹›.,;:!?¿¡…"
# Roles and labels that disqualify a name-shaped line from being an author.
NOT_A_NAME = re.compile(
    r"\b(?:sign|about|latest|videos?|lesen|hören|tabelle|contact|privacy|terms|follow|studio|"
    r"news|media|press|group|staff|team|editor|editors|redaktion|online|agency|"
    r"home|menu|share|login|search|more|live|video|podcast|sport|sports|politik|"
    r"wirtschaft|world|business|opinion|newsletter|subscribe|images?|photos?|lesezeit|min|"
    r"uhr|am|pm|read|minutes?|updated|trainer|präsident|president|minister|courtesy|reviews?|"
    r"facebook|twitter|google|linkedin|instagram|whatsapp|pinterest|youtube|tiktok|email|"
    r"telegram|flipboard|reddit|print|related|tags?|stories|recent|reports|entertainment|"
    r"solutions)\b",
    re.IGNORECASE,
)
# A copyright footer naming the publisher: "© 2024 Example Media. All rights reserved."
COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)\d{2})?\s*)?"
    r"(?:by\s+)?(?P<owner>[A-ZÀ-Þ][^.|,;©]{1,60})",
    re.IGNORECASE,
)
# "All rights reserved" and its translations, trailing a copyright owner.
ALL_RIGHTS = re.compile(
    r"(?<!\s)\s*(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|tutti i diritti riservati|alle rechten voorbehouden)\b.*$",
    re.IGNORECASE,
)
# Where a copyright owner's name ends ("Börsen-Zeitung – eine Marke der ...", "X (www...").
OWNER_TAIL = re.compile(r"(?<!\s)(?:\s+[-–—|]\s+|\s*\()")
# Words around a copyright owner's name: "Copyright by X", "X 2001–2025".
OWNER_NOISE = re.compile(
    r"^(?:copyright\s*)?(?:by\s+)?|(?<!\s)\s*(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*$",
    re.IGNORECASE,
)
# An author's bio under the article: "Jane Doe is a freelance writer based in
# Toronto.", "Manuela Conrad ist ZDF-Reporterin ...", "Korrespondent X ist bei ...".
_ROLES = (
    r"(?:[\w-]*(?:reporter|writer|journalist|editor|correspondent|producer|columnist|"
    r"contributor|redakteur|korrespondent|autor|author|journaliste|rédact\w*|periodista|"
    r"redactor|giornalista)\w*|professor\w*|lecturer)"
)
AUTHOR_BIO = re.compile(
    rf"^(?:[A-ZÀ-Þ][\w'’.-]+\s+){{1,3}}(?:is|was|ist|war|est|es|è)\s+(?:[\w-]+\s+){{0,4}}?{_ROLES}\b"
    rf"|^{_ROLES}\s+(?:[A-ZÀ-Þ][\w'’.-]+\s+){{1,3}}(?:is|ist|est|es)\b",
    re.IGNORECASE,
)
