"""Author vocabulary: byline labels and prefixes, name separators, roles, agencies.

Split from `vocabulary` (same rule: every author selector, phrase list and regex
lives here, never in the code).
"""

from __future__ import annotations

import re

# "By Jane Doe", "Von Max Muster", "Por ...", "Erstellt von ..." at the start of a byline;
# "Author" without a colon is a screen-reader label glued before the name. The words
# that are also name particles ("Van Jones", "De Luca", "Da Silva, Ana") are a label
# only in lower case, before a colon or before two capitalised words ("Von Max Muster").
_UPPER = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻČŠŽŘ"
BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:written\s+by|reported\s+by|words\s+by|text\s*:|by|from|por|par|door|z|od|"
    r"от|автор\s*:|autor(?:in)?\s*:?|author\s*:?|text\s+von|"
    r"ein\s+(?:kommentar|gastbeitrag|interview)\s+von|eine\s+(?:analyse|kolumne)\s+von|"
    r"(?:erstellt|eingestellt|verfasst|geschrieben|gepostet|veröffentlicht|posted|"
    r"submitted|created|published|artikel|beitrag|pressemitteilung|publié|publicado)\s+"
    r"(?:von|by|par|por|door)|"
    r"(?:an?\s+)?(?:analysis|opinion|commentary|review|interview|essay|column)\s+by)"
    r"(?:\s*:)?\s+|"
    rf"(?-i:von|de|di|da|van|av|af)\s+(?=(?-i:[{_UPPER}]))|"
    r"(?:von|de|di|da|van|av|af)(?:\s*:\s*|\s+"
    rf"(?=(?-i:[{_UPPER}])[^\s,;]*\s+(?-i:[{_UPPER}]))))",
    re.IGNORECASE,
)

# Separators between several names in one byline. One-letter conjunctions ("y", "e",
# "i", "a") count in lower case only: "Mara E. Quillfeather" is one person.
AUTHOR_SPLIT = re.compile(
    # Blanks are read once per run ((?<!\s), possessive): linear on any run of them.
    r"(?<!\s)\s*+(?:,|;|\||/|•|·|&|\+|\band\b|\bund\b|\bet\b|(?-i:\b[yeia]\b)|\bog\b|"
    r"\boch\b|\ben\b|\bund\s+von\b|\bwith\b|\bmit\b|\bve\b|\bdan\b|\bkaj\b|、|，)\s*+",
    re.IGNORECASE,
)

# Words that make a byline fragment a role or a note, not a name.
AUTHOR_ROLE = re.compile(
    r"\b(?:reporter|correspondent|korrespondent(?:in)?|editor|redakteur(?:in)?|redaktion|"
    r"redaction|rédaction|redacción|redazione|staff|writer|contributor|columnist|"
    r"kolumnist(?:in)?|journalist(?:in)?|autor(?:in)?|author|photographer|fotograf(?:in)?|"
    r"updated|aktualisiert|published|veröffentlicht|minutes?|min\.?\s+read|read|lesezeit|"
    r"follow|twitter|email|e-mail|mail|contact|kontakt|articles?|artikel|beiträge|"
    r"profile|profil|senior|chief|head\s+of|news\s+desk|desk|team|"
    r"bureau|büro|ressort|department|abteilung|sub-?editor|presenter|anchor|powered|"
    r"sponsored|advertorial|anzeige|quelle|source)\b",
    re.IGNORECASE,
)

# Roles that trail a name: "Jane Doe, Senior Reporter" -> cut from the comma.
AUTHOR_TRAILING_ROLE = re.compile(
    r"(?<!\s)\s*+(?:[,|(–—-]|\bin\b|\bfor\b|\bfür\b|\bis\b|\bist\b)\s*+"
    r"(?:an?\s+|der\s+|die\s+|the\s+)?"
    r"(?:senior|chief|political|business|economics|science|health|sports?|"
    r"[a-z]+\s+)?(?:reporter|correspondent|korrespondent|editor|redakteur|writer|"
    r"columnist|kolumnist|journalist|contributor|analyst|photographer).*$",
    re.IGNORECASE,
)

# "(obe)", "(Text)", "[dpa]": initials or notes after a name.
AUTHOR_PARENTHESES = re.compile(r"(?<!\s)\s*+[(\[][^)\]]{0,30}[)\]]")

# "Associated Press in Valencia", "Jane Doe in Washington": the dateline place.
AUTHOR_TRAILING_PLACE = re.compile(
    r"(?<!\s)\s++(?:in|aus|en|à|em|i)\s++[A-ZÀ-Ý][\w.-]++(?:\s++[A-Z][\w.-]++)?$"
)

# No parenthesis inside: each "(" is scanned to the next one only (linear on "((((...").
PARENTHESISED_URL = re.compile(r"\([^()]*(?:www\.|https?://|\.\w{2,3}\b)[^()]*\)", re.IGNORECASE)

# Starts only where a run without blanks or "@" starts: one try per run, not per char.
EMAIL = re.compile(r"(?<![^\s@])[^\s@]++@[^\s@]*\.\w+")

URLISH = re.compile(r"https?://\S+|www\.\S+|(?<!\S)\S+\.(?:com|de|org|net|co\.uk)\b", re.IGNORECASE)

HAS_DIGIT = re.compile(r"\d")

# News agencies a byline may name next to (or instead of) people; kept as authors.
_AGENCY_NAMES = (
    r"dpa|afp|ap|apa|kna|epd|sid|reuters|associated press|agence france-presse|"
    r"ansa|efe|ats|sda|keystone-sda|tt|ntb|ritzau|pap|ctk|čtk|tass|ria novosti|"
    r"kyodo|yonhap|xinhua|bloomberg|dts|afp/dpa|dpa/afp|aa|anka|dha|iha"
)
AGENCIES = re.compile(rf"^(?:{_AGENCY_NAMES})$", re.IGNORECASE)
# An agency printed straight after a person ("ERIN TALLOW Associated Press", markup
# without a space: "ERIN TALLOWAssociated Press"): the person, then the agency. Short
# all-caps agencies ("AP") need a space before them, a written-out one does not.
AGENCY_TAIL = re.compile(
    r"^(?P<name>\S+(?:\s+\S+)*?[^\W\d_])(?:\s*(?P<long>Associated Press|Reuters|"
    r"Agence France-Presse|Bloomberg)|\s+(?P<short>(?-i:AP|AFP|dpa|DPA|APA|KNA|epd|SID|EFE|"
    r"ANSA|PAP|AA)))$"
)

# One-word "names" that are a desk or a CMS account, not a person.
GENERIC_AUTHOR = re.compile(
    r"^(?:admin|administrator|news|nachrichten|redaktion|editor|editorial|staff|team|"
    r"noticias|redacción|rédaction|redazione|redactie|guest|gast|user|unknown|anonymous|"
    r"anonym|webmaster|online|desk)$",
    re.IGNORECASE,
)

# A user name in a visible marked-up author: one lower-case token, a letter first
# ("marc", "c1ph4"). The JSON-LD and meta fields hold CMS log-ins ("fhaacker",
# "admin") that the page does not show, so they do not count there.
HANDLE = re.compile(r"^(?-i:[a-z])[a-z0-9_.\-]{1,30}$")
CMS_ACCOUNT = re.compile(r"admin|user|editor|publisher|webmaster|redaktion", re.IGNORECASE)

NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.\-]*$", re.UNICODE)

META_AUTHOR = ("author", "twitter:misc:written by", "article:author", "dc.creator",
               "dcterms.creator", "sailthru.author", "parsely-author", "cxenseparse:author",
               "byl", "og:article:author", "articleauthor",
               "article:author_name", "author_name", "twitter:creator")  # fmt: skip

# Byline containers: class/id/rel/itemprop tokens of visible author lines.
BYLINE_ATTR = re.compile(
    r"byline|by-line|author|autor|verfasser|writer|firma|auteur|signature|credits?-?name|"
    r"article-?source|contributor|journalist",
    re.IGNORECASE,
)

# A cheap pre-selection (substrings of the class or id) of elements BYLINE_ATTR may match.
BYLINE_HINTS = ("uthor", "UTHOR", "yline", "yLine", "YLINE", "utor", "erfasser", "riter", "irma",
                "uteur", "ignature", "ontributor", "ournalist", "redit")  # fmt: skip
BYLINE_HINT = re.compile("|".join(BYLINE_HINTS))

MAX_BYLINE_ELEMENTS = 5
# Bylines and author fields are read this far (a list of twenty names fits).
MAX_BYLINE_INPUT_CHARS = 1_000
# A byline element's text is shorter; longer ones are author boxes or whole articles.
MAX_BYLINE_TEXT_CHARS = 120

# Reader comments name their authors too ("comment-author", "recentcomments"): an
# element this many levels or fewer inside one is never the article's byline.
COMMENT_ATTR = re.compile(r"comment", re.IGNORECASE)
COMMENT_LEVELS = 4
COMMENT_ITEMTYPE = re.compile(r"schema\.org/(?:Comment|UserComments)\b", re.IGNORECASE)

# CJK bylines are short ("文・山田太郎"); longer author boxes are profiles.
MAX_CJK_BYLINE_CHARS = 30

# Labels of a byline printed as a paragraph at the top or bottom of the text.
BYLINE_LABEL = re.compile(
    r"^\s*(?:autor(?:in)?(?:/autor)?|autoren|author|authors|text|texto|reporter|"
    r"von|by|por|par|av|door|di|af|z|責任編集|责编|作者|記者|文|기자)\s*[:：]?\s+|"
    r"^\s*[（(]?(?:责编|作者|記者)\s*[:：]",
    re.IGNORECASE,
)

MAX_BODY_BYLINE_CHARS = 100

CJK_LIST_SPLIT = re.compile(r"[、，,]")

BODY_BYLINE_WINDOW = 8

# A byline line: its own text is only a label and the names follow as links
# ("von <a>Dr. Max Muster</a>", "By: <span><a>Jane DOE</a>, <a>...</a></span>").
BYLINE_LEAD_LABEL = re.compile(
    r"^\s*(?:von|by|written\s+by|reported\s+by|words\s+by|por|par|door|av|af|di|"
    r"autor(?:in|en)?|authors?|auteurs?|text|texto|texte)\s*:?\s*$",
    re.IGNORECASE,
)
LABELLED_BYLINE_TAGS = ("p", "li", "div", "span", "address", "header")
# A label alone in its element, the names after it ("<h5>Autor:</h5> Jane Doe").
BYLINE_LABEL_TAGS = ("span", "b", "strong", "em", "p", "div", "dt", "label", "h4", "h5", "h6")
MAX_LABEL_CHARS = 20
LABEL_SIBLINGS = 4
LABEL_PARENT_LEVELS = 3
MAX_LABELLED_BYLINE_CHARS = 120
# Co-authors: the marked-up authors of the nearest ancestor (up to this many levels)
# holding several, when its text is this short (a byline block, not the article).
COAUTHOR_LEVELS = 6
MAX_BYLINE_BLOCK_CHARS = 400
# Lower-case words inside a name ("Ursula von der Leyen", "Ahmed bin Salman").
NAME_PARTICLES = frozenset(
    {
        "von", "vom", "zu", "van", "der", "den", "de", "del", "della", "di", "da", "das",
        "dos", "du", "des", "la", "le", "y", "e", "bin", "ibn", "al", "el", "ter", "ten",
        "af", "av", "zur", "st.",
    }
)  # fmt: skip
# A fragment opening with an article is a phrase, not a name ("The Russian ...").
NOT_NAME_START = frozenset({"the", "a", "an", "der", "die", "das", "ein", "eine", "un", "une"})

# Separators before a trailing date. The patterns below start only where a run of
# them starts and take it whole (possessive), so a long run is scanned once.
_SEP = r"\s,|·•–—-"

# A date after the name ("Von Jane Doe Fr, 18. Oktober 2019", "Jane Doe Stand:
# 05.01.2025", "vor 3 Tagen"): cut from the (optional) weekday or label before the
# first number. Only where a digit follows, so a weekday-like surname ("Minh Do") stays.
AUTHOR_TRAILING_DATE = re.compile(
    rf"(?<![{_SEP}])(?:[{_SEP}]++(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday|mo|di|mi|do|fr|sa|so|montag|"
    r"dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lun|mar|mer|jeu|ven|sam|dim|"
    r"stand|updated|aktualisiert|published|veröffentlicht|am|on|le|el|vor|hace|seit)\.?[,:]?)?"
    rf"[{_SEP}]++\d{{1,4}}(?:[./:-]|\s+\w).*$",
    re.IGNORECASE,
)

# A written-out weekday after the name opens the date ("Jeff Doe Monday, November 18").
AUTHOR_TRAILING_WEEKDAY = re.compile(
    rf"(?<![{_SEP}])[{_SEP}]++(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche)\b.*$",
    re.IGNORECASE,
)

# Single words that are labels, widgets or social networks, never a one-word name
# ("Von" left alone by markup, "Twitter" beside the byline, the font "SIZE" button).
NOT_NAME_WORDS = frozenset(
    {
        "von", "by", "por", "par", "door", "av", "af", "di", "de", "da", "from", "und", "and",
        "x", "email", "e-mail", "mail", "print", "drucken", "size", "font", "text", "more",
        "mehr", "follow", "folgen", "autor", "autorin", "author", "authors", "autoren",
        "auteur", "auteurs", "posted", "published", "updated", "foto", "fotos", "photo",
        "photos", "bild", "quelle", "source", "credit", "copyright", "home", "redaktion",
        "stand", "aktualisiert", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
        "samstag", "sonntag",
    }
)  # fmt: skip
# Words of a site's controls: a fragment holding one is no name ("Suche Erweiterte Suche").
UI_WORDS = frozenset(
    {
        "twitter", "facebook", "instagram", "linkedin", "whatsapp", "telegram", "xing",
        "youtube", "tiktok", "bluesky", "mastodon", "share", "teilen", "search", "suche",
        "login", "anmelden", "menu", "menü", "newsletter", "about", "subscribe", "unsubscribe",
        "abonnieren",
    }
)  # fmt: skip

# A newsroom the byline or the structured data credits ("MND Staff", "IN-Redaktion",
# "Guardian staff reporter", "Gear Team"): an author under the contract.
NEWSROOM = re.compile(
    r"\b(?:staff|team|redaktion(?:en)?|redaction|rédaction|redacción|redazione|redactie|"
    r"redakcja|redakce|redaksjon(?:en)?|redação|redacao|newsroom|desk)\b",
    re.IGNORECASE,
)
# Words of a bare job title ("Senior Staff Writer"): a newsroom credit names more.
ROLE_WORDS = frozenset(
    {
        "senior", "chief", "staff", "writer", "writers", "reporter", "reporters", "editor",
        "editors", "correspondent", "contributor", "contributing", "columnist", "journalist",
        "political", "business", "science", "health", "sport", "sports", "news", "desk",
        "team", "redaktion", "newsroom", "online", "digital", "associate", "managing",
        "deputy", "assistant", "freelance", "special", "the", "of", "and", "our", "by",
        "editorial", "web", "social", "media", "photo", "video", "data", "graphics",
    }
)  # fmt: skip

# A profile URL or a social-media handle stands for an author, it credits nobody.
NOT_A_CREDIT = re.compile(r"^\s*(?:https?://|www\.|@)", re.IGNORECASE)

# A byline-named element inside a figure is a picture credit, not the article's byline.
PHOTO_CREDIT_TAGS = frozenset({"figure", "figcaption", "picture"})

# Teasers of other articles carry bylines too: an element this many levels or fewer
# inside a link (but to the author's page) or a teaser-named block is not the
# article's byline.
TEASER_ATTR = re.compile(
    r"related|teaser|recommend|more-?(?:stories|articles|news)|popular|trending|"
    r"most-?read|outbrain|taboola|promo|carousel|slider|read-?next|further",
    re.IGNORECASE,
)
TEASER_LEVELS = 6
# Links that lead to no page (an e-mail, a script, an anchor) make no teaser.
NOT_A_PAGE_HREF = re.compile(r"^\s*(?:mailto:|javascript:|tel:|#|$)", re.IGNORECASE)
