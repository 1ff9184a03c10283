"""Every phrase list and regex the plain-text extractor uses, as named constants.

The algorithm modules read like the algorithm; what counts as page furniture,
a byline or a photo credit in the languages we see lives here. Phrases are
matched case-insensitively and anchored at the start of a line unless noted.
"""

from __future__ import annotations

import re

from ..author_box import ABOUT_PREFIXES, AUTHOR_BOX_PHRASES
from ..pitches import APP_AND_CHANNEL_PITCHES, SUPPORT_APPEALS
from .vocabulary_names import (
    AGENCY as AGENCY,
)
from .vocabulary_names import (
    ALL_RIGHTS as ALL_RIGHTS,
)
from .vocabulary_names import (
    ARTICLE_START as ARTICLE_START,
)
from .vocabulary_names import (
    ARTICLES as ARTICLES,
)
from .vocabulary_names import (
    AUTHOR_BIO as AUTHOR_BIO,
)
from .vocabulary_names import (
    BYLINE_LABEL as BYLINE_LABEL,
)
from .vocabulary_names import (
    BYLINE_PARTS as BYLINE_PARTS,
)
from .vocabulary_names import (  # re-exported: the algorithm modules read them as v.X
    BYLINE_START as BYLINE_START,
)
from .vocabulary_names import (
    COPYRIGHT_OWNER as COPYRIGHT_OWNER,
)
from .vocabulary_names import (
    GLUED_BY as GLUED_BY,
)
from .vocabulary_names import (
    INNER_BY as INNER_BY,
)
from .vocabulary_names import (
    LEADING_BY as LEADING_BY,
)
from .vocabulary_names import (
    NAME_FOOTNOTE as NAME_FOOTNOTE,
)
from .vocabulary_names import (
    NAME_PARTICLES as NAME_PARTICLES,
)
from .vocabulary_names import (
    NAME_SPLIT as NAME_SPLIT,
)
from .vocabulary_names import (
    NAME_TOKEN as NAME_TOKEN,
)
from .vocabulary_names import (
    NAME_TRAILER as NAME_TRAILER,
)
from .vocabulary_names import (
    NEWS_AGENCY as NEWS_AGENCY,
)
from .vocabulary_names import (
    NOT_A_NAME as NOT_A_NAME,
)
from .vocabulary_names import (
    OWNER_NOISE as OWNER_NOISE,
)
from .vocabulary_names import (
    OWNER_TAIL as OWNER_TAIL,
)
from .vocabulary_names import (
    ROLE_SUFFIX as ROLE_SUFFIX,
)
from .vocabulary_names import (
    SHOUTED_TAIL as SHOUTED_TAIL,
)
from .vocabulary_names import (
    WEEKDAYS as WEEKDAYS,
)
from .vocabulary_names import (
    WORD_EDGE as WORD_EDGE,
)


def _words(text: str) -> frozenset[str]:
    """A set of lowercase words from a space-separated literal."""
    return frozenset(text.split())


# Lines that are page furniture when they *start* with one of these phrases and
# are short (see lines.FURNITURE_MAX_WORDS): share bars, teasers, prompts, footers.
# fmt: off
_FURNITURE_PHRASES = (
    # English
    "share", "share this", "share on", "share via", "copy link", "link copied", "tweet", "email",
    "print", "comments", "add us on", "follow us", "follow", "read more", "read next", "read also",
    "read this next", "related", "related articles", "related stories", "more from", "more on",
    "more stories", "recommended", "see also", "also read", "you may also like",
    "you might also like", "advertisement", "sponsored", "promoted", "subscribe", "sign up",
    "sign in", "log in", "login", "register", "newsletter", "cookie", "cookies", "accept",
    "we use cookies", "privacy policy", "terms of use", "terms of service", "all rights reserved",
    "copyright", "skip to", "jump to", "listen", "listen to this article", "audio", "watch",
    "video", "photo", "image", "profile image", "loading", "click here", "tap here",
    "join the conversation", "article content", "min read", "minute read", "reading time",
    "updated", "last updated", "back to top", "top stories", "most read", "most popular",
    "trending", "editor's picks", "for updates and corrections", "read about our editorial",
    "editorial guidelines", "download the app", "get the app", "open in app", "bookmark", "save",
    "report an error", "contact us", "about us", "home", "menu", "search", "close", "next",
    "previous", "social sharing", "toggle", "show more", "show less", "view comments", "load more",
    # German
    "teilen", "artikel teilen", "drucken", "kommentare", "anzeige", "werbung", "lesen sie",
    "lesen sie auch", "mehr zum thema", "mehr dazu", "auch interessant", "weiterlesen",
    "jetzt abonnieren", "abonnieren", "newsletter abonnieren", "zum newsletter", "anhören",
    "vorlesen", "artikel anhören", "lesezeit", "merken", "empfehlungen", "mehr lesen",
    "zur startseite", "zurück", "schliessen", "schließen", "impressum", "datenschutz",
    "alle rechte vorbehalten", "folgen sie", "das könnte sie auch interessieren",
    "weitere artikel", "aktualisiert", "quelle", "bildquelle",
    # French / Spanish / Portuguese / Italian
    "partager", "lire aussi", "à lire aussi", "a lire aussi", "lire la suite", "publicité",
    "s'abonner", "abonnez-vous", "commentaires", "mis à jour", "compartir", "lea también",
    "leer más", "publicidad", "suscríbete", "comentarios", "actualizado", "compartilhe",
    "leia também", "leia mais", "publicidade", "assine", "condividi", "leggi anche", "pubblicità",
    "iscriviti", "aggiornato",
    # Dutch / Nordic
    "delen", "lees ook", "lees meer", "advertentie", "abonneer", "del", "del artikel", "les også",
    "les mer", "annonse", "dela", "läs även", "läs mer", "annons", "læs også", "læs mere",
    "annonce", "sdílet", "čtěte také", "reklama", "udostępnij", "czytaj też", "czytaj także",
    "czytaj więcej", "paylaş", "ilginizi çekebilir", "reklam", "поделиться", "читайте также",
    "реклама", "следующая страница", "предыдущая страница",
    # skip links, "about us", image viewers, paywall prompts in more languages
    "hopp til", "hoppa till", "spring til", "gå til", "zum inhalt", "direkt zum inhalt",
    "aller au contenu", "ir al contenido", "saltar al contenido", "vai al contenuto",
    "naar de inhoud", "über uns", "öppna bild", "åpne bilde", "contact me", "esta funcionalidad",
    "nur für abonnenten", "réservé aux abonnés", "exclusivo para", "continue reading",
    "you are here", "these are external links", "external links", "live tv", "sie sind hier",
    "vous êtes ici", "usted está aquí", "story continues below", "duration", "open this photo",
    "weitere videos", "zobrazit vše", "box zuklappen", "box aufklappen", "legende",
    "media playback", "this video can not be played",
    # section labels of link lists
    "ähnliche beiträge", "ähnliche artikel", "themen", "topics", "related posts", "tags",
    "schlagwörter", "stichworte", "mots-clés", "etiquetas", "temas", "argomenti",
)
# fmt: on
# The furniture phrases by their first word: a dictionary look-up and a few
# startswith checks replace a long regex alternation on every line.
FURNITURE_BY_FIRST_WORD: dict[str, tuple[str, ...]] = {}
for _phrase in sorted(_FURNITURE_PHRASES, key=len, reverse=True):
    _first = re.split(r"[^\w']+|'", _phrase)[0]
    FURNITURE_BY_FIRST_WORD[_first] = (*FURNITURE_BY_FIRST_WORD.get(_first, ()), _phrase)
# First words of the teaser labels below (cheap pre-check).
TEASER_FIRST_WORDS = _words(
    "read also see related more lesen mehr auch lire à lea leia leggi les läs læs lees "
    "czytaj čtěte читайте vea lee mire mira puedes te veja das siehe"
)
# Teaser labels that make a line furniture whatever its length ("Read Next: <title>").
TEASER_LABEL = re.compile(
    r"^[\W_]*(?:read next|read more|read also|also read|see also|related|more on this|"
    r"lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|lire aussi|à lire aussi|"
    r"lea también|leia também|leggi anche|les også|läs även|læs også|lees ook|czytaj też|"
    r"czytaj także|čtěte také|читайте также|vea también|lee también|mire|mira también|"
    r"puedes ver|te puede interesar|veja também|das könnte (?:sie|dich) auch interessieren|"
    r"siehe auch)\s*[:»›|\-–]",
    re.IGNORECASE,
)
# The heading of the author box under an article: the story has ended there.
AUTHOR_BOX = re.compile(rf"^(?:{AUTHOR_BOX_PHRASES})\s*:?$", re.IGNORECASE)
ABOUT_NAME = re.compile(
    rf"(?:{ABOUT_PREFIXES})\s+(?P<name>\w[\w.'’ -]{{0,59}}\w)\s*:?", re.IGNORECASE
)
# Phrases that mark furniture anywhere in a line, whatever its length.
FURNITURE_ANYWHERE = re.compile(
    r"\[at\]|\[dot\]|editorial guidelines|all rights reserved|alle rechte vorbehalten"
    r"|tous droits réservés|todos los derechos|cookie settings|cookie-einstellungen"
    r"|javascript (?:is )?(?:disabled|required)|enable javascript|your browser"
    r"|sign up for (?:our|the)|subscribe to (?:our|the)|newsletter abonnieren"
    # WordPress's own comment-form and post-footer strings, on every theme
    r"|akismet|bookmark the permalink|lesezeichen auf den permalink"
    r"|required fields are marked|erforderliche felder sind mit",
)
# Cookie and consent notices, however long (checked on lines containing "cookie").
COOKIE_NOTICE = re.compile(
    r"\b(?:uses?|using|use of|utilise|utilisons|utiliza|utilizamos|usa|usamos|verwendet|"
    r"verwenden|nutzt|nutzen|gebruikt|gebruiken|bruker|använder|anvender)\b.{0,60}cookies"
    r"|cookies?\s+(?:policy|settings|preferences|richtlinie|einstellungen)"
    r"|(?:necessary|functional|analytics|performance|advertisement)\s+cookies"
    # Cookies beside the words of a consent box (a recipe's cookies come with none).
    r"|cookies?\b.{0,100}\b(?:websites?|webseiten?|browser|blockieren|blocking|"
    r"zustimm|akzeptier|consent|datenschutz|privacy)"
    r"|\b(?:websites?|webseiten?|browser|blockieren|blocking|zustimm|akzeptier|consent|"
    r"datenschutz|privacy)\w*\b.{0,100}cookies?\b"
)
# The start of the comments: nothing after it is article body.
COMMENTS_WALL = re.compile(
    r"^(?:\d+\s+)?(?:all\s+)?(?:comments?|kommentare|leserkommentare|commentaires|comentarios|"
    r"comentários|commenti|reacties|kommentarer|komentarze|komentáře|yorumlar|комментарии)"
    r"(?:\s*\(?\d+\)?)?\s*:?$"
    r"|^(?:log in to reply|leave a (?:comment|reply)|add a comment|post a comment|"
    r"kommentar schreiben|jetzt kommentieren)\b"
    # comment-form headings of blog software in several languages
    r"|^(?:schreibe einen kommentar|kommentar verfassen|write a comment|laisser un commentaire|"
    r"deja un comentario|lascia un commento|deixe (?:um comentário|uma resposta))\b"
    r"|^this post has \d+ comments?$",
    re.IGNORECASE,
)
# The heading of a comment thread that names the article: "5 thoughts on “Title”",
# "2 Gedanken zu „Title“" (blog software in several languages).
COMMENTS_ON = re.compile(
    r"^\d+\s+(?:thoughts? on|responses? to|comments? on|gedanken zu|antworten auf|"
    r"kommentare zu|réponses? à|comentarios? (?:a|en))\b",
    re.IGNORECASE,
)
# A line made of nothing but separators / icons (·, |, •, ›, ...).
SEPARATOR_ONLY = re.compile(r"^[\W_]*$")
# Bullet markers of key-point summaries and lists.
BULLET = re.compile(r"^\s*(?:[•●▪■◾◼►▸‣⁃∙·*–—-]|\d{1,2}[.)])\s+(?=\S)")
# Cells of a table row pasted as "a | b | c" (a tab is the other separator).
TABLE_PIPE = " | "
# Sentence-final punctuation (Latin, CJK, Armenian ։, Devanagari ।॥, Arabic ؟ and
# Urdu ۔, Ethiopic ።; closing quotes after a stop, German „…“ closing with “).
SENTENCE_END = re.compile(r"[.!?…。！？։।॥؟۔።][\"'”’»“)\]]*\s*$|[.!?。！？][\"'”’»“]$")
SENTENCE_BREAK = re.compile(
    r"[.!?。！？][\"'”’»“]?\s+(?=[\"'“‘«„(]?[A-ZÀ-ÖØ-ÞА-Я])|[。！？։।؟۔።]\s"
)
# A teaser: a title glued to its lead without a space ("...Student-AthleteA 24-year-old").
GLUED_CAPITAL = re.compile(r"[a-z0-9?!’'”)](?=[A-Z])")
# Photo credits. A credit label inside a caption line: "... Bild: Christoph Soeder/dpa", "Bild © X".
CREDIT_INLINE = re.compile(
    r"(?:\b(?:bild|foto|photo|photograph|image|credit|legende|bildquelle|fotos?)\s*(?:©|:)\s*\S"
    r"|©\s*[A-ZÀ-Þ]"
    # "... en Madrid. EFE/ J.J. Guillén", "REUTERS/Jane Roe": AGENCY/Name at the end
    r"|\b(?-i:[A-Z]{2,})\s?/\s?(?-i:[A-ZÀ-Þ])[\w.\-]*(?:\s[\w.\-]+){0,3}\s*$)",
    re.IGNORECASE,
)
CREDIT_LINE = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|(?:photo|foto|bild|image|picture|credit|crédit|fotó|kuva)"
    r"(?:s|grafie|graph)?\s*(?:credit)?\s*[:|/]|(?:photo|image)s?\s+by\b|(?:foto|bild)\s*:|"
    r"crédits? photos?\s*:|(?:abbildung|beitragsbild|titelbild|bildquelle)\s*:)",
    re.IGNORECASE,
)
# "(Photo by X/Agency via Getty Images)", "(Adel Hana/Associated Press)", "(AFP / X)"
CREDIT_TRAILER = re.compile(
    r"(?<!\s)\s*[(\[]\s*(?P<credit>(?:(?:photo|foto|image|bild|picture)s?\s*(?:credit)?\s*(?:by|:)?\s*)?"
    r"[^()\[\]]{2,120}?(?:/|\bvia\b|getty|reuters|associated press|\bap\b|\bafp\b|\bdpa\b"
    r"|\bepa\b|shutterstock|imago|keystone|istock|photo)[^()\[\]]{0,80})[)\]]\s*$",
    re.IGNORECASE,
)
# "Caption text | Niall Carson/PA Images via Getty Images", "... © André Schmidt"
CREDIT_PIPE_TRAILER = re.compile(
    r"(?<!\s)\s+(?:\||©)\s*(?P<credit>[^|©]{2,100}?(?:/|\bvia\b|getty|reuters|\bap\b|\bafp\b|\bdpa\b"
    r"|imago|images?\b|photo|foto)[^|©]{0,60})\s*$",
    re.IGNORECASE,
)
# A bare "Name/Agency" credit line ("Friso Gentsch/dpa", "AFP / JORGE GUERRERO").
CREDIT_BARE = re.compile(r"^[^\W\d][^\d/]{1,59}/\s?[^\W\d][^\d/]{1,59}$")
CREDIT_PREFIX = re.compile(
    r"^(?:(?:photo|foto|image|bild|picture)s?\s*(?:credit)?\s*(?:by|:)\s*)", re.IGNORECASE
)
# A dateline's keywords: preferred over other dated lines in the header.
PUBLISHED_WORDS = re.compile(
    r"\b(?:published|posted|veröffentlicht|erschienen|publié|publicado|publicada|publicat"
    r"|pubblicato|gepubliceerd|publisert|publicerad|offentliggjort|publikacja|"
    r"zveřejněno|giriş|опубликовано|stand|datum|date|publikováno|publikované|opublikowano|"
    r"publiziert|erstellt|yayınlanma|yayınlandı|diterbitkan|julkaistu|publicerat|udgivet|"
    r"publicată|objavljeno|közzétéve|опубліковано|δημοσιεύθηκε|δημοσίευση)\b"
    r"|公開日|配信日|掲載日|発行日|发布时间|发布日期|發佈|发布|입력|등록|게시",
    re.IGNORECASE,
)
UPDATED_WORDS = re.compile(
    r"\b(?:updated|aktualisiert|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt|"
    r"oppdatert|uppdaterad|opdateret|aktualizace|aktualizacja|güncelleme|обновлено|"
    r"last modified|zuletzt geändert|modifié|actualizada|atualizada|aktualizováno|"
    r"aktualizované|zaktualizowano|güncellendi|päivitetty|ažurirano|frissítve|оновлено|"
    r"ενημερώθηκε)\b|\b(?:akt|upd|aktual)\.",
    re.IGNORECASE,
)
# "3 hours ago", "vor 2 Stunden": relative times are not dates.
RELATIVE_TIME = re.compile(
    r"\b(?:ago|vor\s+\d+|il y a|hace|há\s+\d+|fa\b|geleden|siden|sedan|temu|před)\b",
    re.IGNORECASE,
)
# Cheap language guess: script ranges, then stop-word counts.
_SCRIPTS = (
    "ja \u3040-\u30ff ko \uac00-\ud7af zh \u4e00-\u9fff ru \u0400-\u04ff hi \u0900-\u097f "
    "ar \u0600-\u06ff he \u0590-\u05ff"
)
SCRIPT_LANGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"[{span}]"), lang)
    for lang, span in zip(*[iter(_SCRIPTS.split())] * 2, strict=True)
)
STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words("the and of to in is that for with was on are as it by"),
    "de": _words("der die das und ist nicht mit den von zu ein eine auch sich auf"),
    "fr": _words("le la les et des est une dans pour que qui pas sur au"),
    "es": _words("el la los las y que del en por con una para es se"),
    "pt": _words("o os as e que do da em um uma para com não dos das"),
    "it": _words("il la le di che è per con una sono del della gli non"),
    "nl": _words("de het een en van is dat op te zijn voor niet met"),
    "sv": _words("och att det som är en på för med av inte till har"),
    "no": _words("og i det som er en på for med av ikke til har jeg"),
    "da": _words("og i det som er en på for med af ikke til har jeg"),
    "pl": _words("i w nie na się że z do jest to jak o po"),
    "cs": _words("a v se na je že s z do to jako o by"),
    "tr": _words("ve bir bu da de için ile olarak çok daha gibi olan ise kadar sonra göre ancak"),
}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
# URL slugs: scheme and host are dropped, the path splits on these characters.
URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]*", re.IGNORECASE)
SLUG_SPLIT = re.compile(r"[^0-9a-z]+")
# How slugs spell letters outside ASCII (German style; the NFKD fold covers the rest).
SLUG_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa"}
)
# Words glued across a missing space ("Contact UsABC13 News TeamCareers"): menus
# and link rows rendered without separators; a lower-case letter pair, then a capital.
GLUED_WORDS = re.compile(r"[a-zà-ÿ]{2}[A-ZÀ-Þ]")
# Breadcrumb separators ("Home » News » Title", "home / Betrieb / IT / Title",
# "Start|Magazin|Tipps"): a line with two or more is a breadcrumb trail.
BREADCRUMB_SEPARATOR = re.compile(r"\s[»›>/|]\s|(?<=\w)\|(?=\w)")
# Share buttons and social networks: a row of them is a share bar, never a headline.
SOCIAL_NETWORK = re.compile(
    r"\b(?:facebook|twitter|whatsapp|linkedin|pinterest|instagram|flipboard|reddit|telegram|"
    r"xing|tumblr|messenger|threads|bluesky|mastodon|youtube|tiktok|e-?mail|mail)\b",
    re.IGNORECASE,
)
# Lines that address the reader about the site rather than tell the story:
# newsletter and consent prompts, "this article", support appeals, error reports.
READER_PROMPT = re.compile(
    r"\b(?:newsletters?|subscri\w*|unsubscribe|sign(?:ing)?[ -]up|inbox|postfach|posteingang|"
    r"anmeld\w*|abonn\w*|registrier\w*|datenschutz\w*|privacy|privatsphäre\w*|einverstanden|"
    r"i agree|consent|cookies?|this (?:article|story|post|report)|dieser? (?:artikel|beitrag)|"
    r"cet article|este artículo|questo articolo|spende\w*|"
    r"donat\w*|membership|contributed (?:to )?(?:this|reporting)|click here|"
    r"klicken sie|hier klicken|cliquez|haga clic|visit our|"
    rf"{APP_AND_CHANNEL_PITCHES}|{SUPPORT_APPEALS}|"
    # error-report prompts and bookmark labels ("Found a mistake?", "Merkliste")
    r"found an? (?:mistake|typo|error)|report (?:an? )?(?:error|mistake|typo)|"
    r"fehler (?:gefunden|melden)|signaler une erreur|add(?:ed)? to (?:my )?favou?rites|"
    r"zu (?:den )?favoriten|merkliste|ajouter aux favoris|añadir a favoritos)\b",
    re.IGNORECASE,
)

# Byline lines (byline.py): a digit (no name holds one), two names glued at a case
# change ("Jane RoeAssociated Press"), a run of digits and date marks, and the
# separators a dateline's parts stand between ("By Jane Roe | 12.03.2024, 14:05").
BYLINE_DIGIT = re.compile(r"\d")
INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
BYLINE_DIGIT_RUN = re.compile(r"\d[\d.:/]*")
DATELINE_PARTS = re.compile(r"(?<!\s)\s*(?:[,/|·•]|\s[-–—]\s)\s*")
