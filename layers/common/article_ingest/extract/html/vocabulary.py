"""Every selector, class/id token, phrase list and regex the HTML extractor uses.

The algorithm modules import names from here and read like the algorithm; when a
site family needs a new word, it goes here, never into the code. Phrase lists are
multilingual (the dev data spans ~20 languages); prefer structural words that any
publisher uses over per-site names.
"""

from __future__ import annotations

import re

from ..author_box import AUTHOR_BOX_PHRASES
from ..pitches import APP_AND_CHANNEL_PITCHES, SUPPORT_APPEALS

# --------------------------------------------------------------------------- parsing

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Characters libxml2 rejects or that only appear in binary garbage.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same characters one by one: `c in text` is a C-speed scan per character, ~4x
# faster than the regex pass over a page that holds none (nearly every page).
CONTROL_CHAR_LIST = tuple(
    chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
)
# Inputs beyond this are cut before parsing: no real article page is this large,
# and libxml2 would spend seconds on a hostile document.
MAX_HTML_CHARS = 8_000_000
# libxml2 checks each attribute of a tag against the ones before it: a tag with
# 100,000 attributes costs ~36 s. No real tag has more than a few dozen; attributes
# beyond this many are cut before parsing.
MAX_TAG_ATTRIBUTES = 256
# A start tag and its attributes as the HTML tokenizer reads them (every part
# possessive or atomic, so a scan never backtracks: linear on any input).
_SPACE = "\t\n\f\r "
_ATTRIBUTE = (
    rf"(?>[{_SPACE}/]*+[^{_SPACE}/>][^{_SPACE}/>=]*+"
    rf"(?:[{_SPACE}]*+=[{_SPACE}]*+(?:\"[^\"]*+\"|'[^']*+'|[^{_SPACE}>]*+))?+)"
)
_TAG_NAME = rf"<[a-zA-Z][^{_SPACE}/>]*+"
START_TAG = re.compile(rf"{_TAG_NAME}{_ATTRIBUTE}*+")
# A start tag's name and its first MAX_TAG_ATTRIBUTES attributes.
START_TAG_KEPT = re.compile(rf"{_TAG_NAME}{_ATTRIBUTE}{{{MAX_TAG_ATTRIBUTES}}}")

# --------------------------------------------------------------------------- tags

# Removed from the tree before body detection: never article text.
DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "canvas", "video", "audio", "map", "button", "input", "select", "textarea",
    "nav", "aside", "footer", "dialog", "menu", "link", "meta", "head",
)  # fmt: skip
# The subset of DROP_TAGS whose content is never visible text: removed before the
# content is first looked for (nav, aside, footer are judged with the rest).
NEVER_TEXT_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "canvas", "video", "audio", "map", "button", "input", "select", "textarea",
    "link", "meta", "head",
)  # fmt: skip
# Media and their captions: kept out of the body, read by the image collector first.
MEDIA_TAGS = frozenset({"figure", "figcaption", "picture", "img", "source"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that are one paragraph of the output when they hold no other block.
LEAF_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre"})
# Elements that break inline text into separate paragraphs.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "body", "dd", "details", "div", "dl", "dt",
        "fieldset", "figure", "figcaption", "footer", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "aside", "center", "picture",
        "summary", "caption",
    }
)  # fmt: skip
STRUCTURAL_KEEP_TAGS = frozenset({"html", "body", "main", "article"})

# --------------------------------------------------------------------------- attributes

# A class/id token containing one of these is boilerplate wherever it sits.
BOILERPLATE_STRONG = re.compile(
    r"share|sharing|social|related|recommend|newsletter|subscri|signup|sign-up|cookie|"
    r"consent|gdpr|comment|disqus|outbrain|taboola|plista|advert|sponsor|promo|"
    r"breadcrumb|byline|author|autor|caption|credit|copyright|tag-?list|"
    r"taglist|keywords|pagination|pager|popup|modal|overlay|toolbar|print-|"
    r"most-?popular|mostread|most-?read|trending|read-?more|readnext|read-?next|"
    r"more-?stories|also-?read|teaser|recirc|further|weiterlesen|mehr-?zum|"
    r"visually-?hidden|sr-only|screen-?reader|offscreen|skip-?link|login|donat|"
    r"rating|feedback|follow|jump-?link|table-?of-?contents|\btoc\b|audio-?player|"
    r"video-?player|podcast|gallery|slideshow|carousel|slider|embed|infobox|"
    r"newsticker|ticker|widget|masthead|logo|dateline|timestamp|published|"
    r"datetime|article-?meta|post-?meta|entry-?meta|meta-?data|metadata|"
    r"^ad$|^ads$|^ad[-_]|[-_]ad$|[-_]ads?[-_]|adslot|adunit|ad-?container|dfp|"
    r"^hidden$|^hide$|d-none|is-hidden|u-hidden|noprint|no-print|"
    r"picbox|image-?box|img-?box|photo-?box|detail-?img|inline-?images?|image-?wrap|"
    r"img-?wrap|image-?container|img-?container|bildunterschrift|picture-?text|"
    r"app-?promo|app-?teaser|app-?banner|smartbanner",
    re.IGNORECASE,
)
# A class or id with this many separators is a slug of a heading's words, not a
# widget name (widget names have up to three parts: "social-share-bar__item").
SLUG_SEPARATOR = re.compile(r"[-_]+")
MIN_SLUG_SEPARATORS = 4
# Removed wherever they sit, whatever they hold: never part of an article.
BOILERPLATE_HARD = re.compile(
    r"(?:^|[\s_-])comments?(?:$|[\s_-])|disqus|cookie|consent|gdpr|outbrain|taboola|plista|"
    r"newsletter|related-?(?:articles|posts|stories|content|links|news)",
    re.IGNORECASE,
)
# A widget-named element holding at least this share of the page's paragraph
# text is the article's wrapper, not a widget (seen: "sliderbox", "figure").
PROTECTED_TEXT_SHARE = 0.5
WEAK_PROTECTED_TEXT_SHARE = 0.2
# ...or when it holds this many paragraphs of prose ("sidebar-grid__container" x 4).
PROSE_PARAGRAPHS = 2
PROSE_PARAGRAPH_CHARS = 150
PAYWALL_TOKEN = re.compile(r"paywall|premium|subscriber|abo-?content|plus-?content", re.I)
# A token with one of these is boilerplate unless a content token rescues it.
BOILERPLATE_WEAK = re.compile(
    r"header|footer|sidebar|side-bar|aside|menu|navigation|navbar|^nav|[-_]nav|banner|"
    r"extra|supplement|rail|column-?right|right-?col|secondary|complementary|"
    r"community|remark|replies|shoutbox|skyscraper|sticky|flyout|dropdown|topbar|"
    r"bio|profile|disclaimer|notice|alert|cta|signoff|subline|kicker|eyebrow|"
    r"section-?name|rubric|tags",
    re.IGNORECASE,
)
CONTENT_TOKEN = re.compile(
    r"article|body|content|main|post|entry|story|text|paragraph|richtext|rich-text|"
    r"prose|copy|artikel|beitrag|inhalt|news|detail|single|column",
    re.IGNORECASE,
)
# Class/id tokens of the element holding the article text (a strong bonus).
ARTICLE_BODY_TOKEN = re.compile(
    r"article-?body|articlebody|article__body|article-?text|article-?content|"
    r"story-?body|storybody|story-?content|story-?text|entry-?content|post-?content|"
    r"post-?body|post-?text|body-?text|bodytext|text-?body|content-?body|"
    r"rich-?text|richtext|article__content|artikel-?text|artikeltext|article-?main|"
    r"main-?text|news-?text|news-?body|article-?detail|detail-?text|field-?body|"
    r"c-article|paywall-?content|article-?container",
    re.IGNORECASE,
)
LEAD_TOKEN = re.compile(
    r"lead|standfirst|intro|summary|teaser-?text|dek|deck|sub-?title|subtitle|"
    r"subheadline|sub-?heading|excerpt|abstract|description|vorspann|chapeau|"
    r"chapo|entradilla|sottotitolo|ingress|header__text|article-?header__text",
    re.IGNORECASE,
)
# ...but an author's "description" or a caption's "summary" is no standfirst.
NOT_LEAD_TOKEN = re.compile(r"author|autor|bio\b|byline|profile|comment|caption|credit", re.I)
# Elements a standfirst is written in.
LEAD_TAGS = frozenset({"p", "div", "h2", "h3", "span", "strong", "section", "header"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
BOILERPLATE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu"}
)
# Any attribute longer than this is ignored when classifying (hostile input).
MAX_ATTR_CHARS = 2_000

# --------------------------------------------------------------------------- text

# A short block that is only one of these is a widget label, not article text.
BOILERPLATE_PHRASE = re.compile(
    r"^\W*(?:advertisement|advertising|anzeige|werbung|sponsored|publicidad|publicité|"
    r"pubblicità|reklame|reklama|annonse|annons|mainos|reklam|"
    r"read more|read next|read also|also read|see also|more on this(?: story)?|related|"
    r"recommended|most read|most popular|share(?: this)?(?: article| story)?|"
    r"follow us|sign up|subscribe|newsletter|click here|continue reading|"
    r"lesen sie (?:auch|mehr|hier)|mehr zum thema|mehr dazu|auch interessant|"
    r"das könnte sie auch interessieren|weiterlesen|mehr lesen|zum thema|"
    r"artikel teilen|teilen|empfehlungen|leia também|leia mais|lee también|lea también|"
    r"lire aussi|à lire aussi|lire la suite|per approfondire|leggi anche|les også|"
    r"les mer|läs också|läs mer|læs også|læs mere|lees ook|lees meer|czytaj też|"
    r"czytaj także|czytaj więcej|přečtěte si také|čtěte také|devamını oku|ayrıca bakınız|"
    r"читайте также|подробнее|関連記事|あわせて読みたい|相关阅读|관련기사|"
    r"all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"partager cet article|"
    r"getty images|reuters|afp|ap|dpa|epa|imago|picture alliance|shutterstock|\[pr\]|"
    r"\d+ (?:min(?:ute)?s?|hours?|days?) (?:ago|read)|vor \d+ (?:minuten|stunden|tagen)|"
    r"\d+ min(?:\.|uten)? lesezeit|lesezeit:? \d+ min(?:\.|uten)?|"
    r"already a subscriber\??|"
    r"todos los derechos reservados|tutti i diritti riservati)\W*$",
    re.IGNORECASE,
)
# A block starting like this is a caption, credit or cross-link.
BOILERPLATE_PREFIX = re.compile(
    r"^\s*(?:©|\(c\)\s|copyright\b|photos? ?:|fotos? ?:|bild(?:er)? ?:|image ?:|"
    r"picture ?:|credits? ?:|source:\s*getty|quelle:\s*(?:dpa|getty|imago)|"
    r"crédits? photos? ?:|(?:image|photo) credits? ?:|"
    r"abbildung ?:|beitragsbild ?:|titelbild ?:|bildquelle ?:|fotoquelle ?:|"
    r"read more:|read also:|also read:|see also:|related:|more:|lesen sie auch:|"
    r"lesen sie mehr:|mehr zum thema:|auch interessant:|leia também:|lee también:|"
    r"lire aussi:|leggi anche:|les også:|läs också:|læs også:|lees ook:|czytaj też:|"
    r"czytaj także:|читайте также:|sign up for|subscribe to|follow us on|"
    r"click here to|this article (?:was|is) (?:originally )?(?:published|produced)|"
    r"this story (?:was|is) (?:originally )?published|"
    r"we use cookies|wir verwenden cookies|diese website verwendet cookies|"
    r"(?:last )?updated\b.{0,40}$|(?:first )?published\b.{0,40}$|posted\b.{0,40}$|"
    r"aktualisiert\b.{0,40}$|veröffentlicht\b.{0,40}$|actualizado\b.{0,40}$|"
    r"publicado\b.{0,40}$|mis à jour\b.{0,40}$|publié\b.{0,40}$|aggiornato\b.{0,40}$|"
    r"get our .{0,40}(?:newsletter|email)|"
    r"quelle:|"
    r"autorin/autor|redaktion:|schlussredaktion:|faktencheck:|übersetzung:|mitarbeit:|"
    r"\(?(?:with |additional )?reporting by|editing by|"
    r"tempo de leitura|lesezeit|reading time|\d+\s*min(?:ute)?s?\.? read|"
    r"follow [\w ]{1,40} on (?:twitter|facebook|instagram)|advert\b|anzeige\b)",
    re.IGNORECASE,
)
# A short block like this opens the page's tail (teasers, comments, tags): the
# article ends before it.
TAIL_START = re.compile(
    r"^\W*(?:more (?:great )?[\w ]{0,20}stories|more from [\w ]{1,30}|more on [\w ]{1,30}|"
    r"you (?:may|might) (?:also )?like|recommended(?: for you| stories| articles)?|"
    r"related(?: articles| stories| posts| content| coverage| news| reading| roundup)?|"
    r"popular (?:on|in) [\w ]{1,30}|most (?:read|popular|viewed)|trending(?: now)?|"
    r"comments?|\d+ comments?|leave a (?:comment|reply)|tell us what you think|"
    r"join the (?:conversation|discussion)|filed under|topics?|tags?|themen|schlagworte|"
    r"sponsored (?:links|content|stories)|read next|up next|what to read next|"
    r"weitere artikel|mehr zum thema|das könnte sie auch interessieren|auch interessant|"
    r"kommentare|leserkommentare|diskutieren sie mit|lesen sie mehr zum thema|"
    r"schlagw[öo]rter(?: zu diesem artikel)?|zitiervorschlag|feedback|permalink.*|"
    r"weitere informationen.*|"
    r"leia também|veja também|relacionad[ao]s|comentários|"
    r"lee también|noticias relacionadas|comentarios|"
    r"à lire aussi|sur le même sujet|commentaires|"
    r"leggi anche|articoli correlati|commenti|"
    r"les også|relaterte artikler|læs også|läs också|relaterat|"
    r"lees ook|gerelateerde artikelen|reacties|"
    r"czytaj też|komentarze|читайте также|отзывы|комментарии|"
    r"関連記事|関連ニュース|相关新闻|相关阅读|관련기사|iklan|"
    rf"{AUTHOR_BOX_PHRASES})\W*$",  # an author box: the bio is about the writer
    re.IGNORECASE,
)
# A short closing line crediting contributors ("Jane Roe contributed reporting.").
CREDIT_LINE = re.compile(
    r"contributed (?:reporting|to (?:this|the) (?:report|story|article))|"
    r"(?:reporting|writing|editing) by [A-Z]",
    re.IGNORECASE,
)
MAX_CREDIT_LINE_CHARS = 300
# The server's own error output printed into the page (PHP's "Warning: ... in
# /path/file.php on line 12"): never the article, wherever it sits. Linear: the lazy
# run is bounded and the match is anchored at the block's start.
SERVER_ERROR = re.compile(
    r"(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable )?Fatal error|"
    r"Parse error)\s*:[^\n]{0,600}? in \S{1,300}\.php on line \d+",
    re.IGNORECASE,
)
# A short line near the end that sells, asks to follow or subscribe, or states a policy.
PROMO_LINE = re.compile(
    r"\b(?:subscribe|sign up|newsletters?|follow (?:us|him|her|them|@\w+)|on twitter|"
    r"on facebook|e-?mail [\w ]{1,30} at|delivered (?:to|through) "
    r"your|in your inbox|click here|listen (?:to|live)|podcast|"
    rf"{APP_AND_CHANNEL_PITCHES}|{SUPPORT_APPEALS}|"
    r"abonnieren|folgen sie|melden sie sich|jetzt (?:lesen|abonnieren|testen)|"
    r"comentários|commentaires|kommentare|comments? (?:are|policy)|"
    r"suscríbete|abonnez-vous|iscriviti|prenumerera|abonner)\b",
    re.IGNORECASE,
)
MAX_PROMO_LINE_CHARS = 300
# Share of the body, counted from its end, where such lines are dropped.
PROMO_TAIL_SHARE = 0.25
SENTENCE_END = re.compile(r"[.!?…:;\"'”»“」。！？)]\s*$")
WORD = re.compile(r"\w+", re.UNICODE)
# What str.isalnum() rejects: \w is alphanumerics plus "_".
NON_ALNUM = re.compile(r"[\W_]+")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
COMMA = re.compile(r"[,，、،]")

# --------------------------------------------------------------------------- urls

AUTHOR_HREF = re.compile(
    r"/(?:author|authors|autor|autoren|autorinnen|auteur|autore|autori|journalist|"
    r"journalisten|redakteur|reporter|people|profile|profil|staff|writers?|by)/",
    re.IGNORECASE,
)
HTTP_URL = re.compile(r"^https?://", re.IGNORECASE)

# --------------------------------------------------------------------------- meta tags
# <meta name|property|itemprop=KEY content=...>, keys lower-cased, best first.

META_TITLE = ("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title",
              "sailthru.title", "title", "headline")  # fmt: skip
META_PUBLISHED = (
    "article:published_time", "og:article:published_time", "article:published",
    "og:published_time", "published_time", "datepublished", "article.published",
    "parsely-pub-date", "sailthru.date", "publish-date", "publish_date", "publishdate",
    "pubdate", "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date.created",
    "dc.date", "dcterms.date", "date", "cxenseparse:recs:publishtime", "article:post_date",
    "originalpublicationdate", "displaydate", "release_date", "date.available",
    "og:pubdate", "bt:pubdate", "publication_date", "article_date_original",
    "article:published:time",  # a CMS spelling with colons only
)  # fmt: skip
META_MODIFIED = (
    "article:modified_time", "og:article:modified_time", "og:updated_time",
    "datemodified", "article.updated", "dcterms.modified", "dc.date.modified",
    "last-modified", "lastmod", "article:modified", "bt:moddate", "article:modified:time",
)  # fmt: skip
META_DESCRIPTION = ("og:description", "description", "twitter:description", "dc.description",
                    "dcterms.description")  # fmt: skip
META_PUBLISHER = ("og:site_name", "application-name", "publisher", "dc.publisher",
                  "dcterms.publisher", "twitter:site")  # fmt: skip
META_LANGUAGE = ("og:locale", "content-language", "dc.language", "language", "inlanguage")
META_TAGS = ("article:tag", "news_keywords", "keywords", "article:section", "parsely-tags")
META_IMAGE = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
              "twitter:image:src")  # fmt: skip
META_URL = ("og:url", "twitter:url")

# Elements whose text is a visible publication date. Also htmldate's class cues that
# hold dates on several dev sites: "submitted" (Drupal), "posted(-on)" (WordPress),
# "created", "publication", "subline".
DATE_ATTR = re.compile(
    r"date|time|datum|fecha|data|publish|pubdate|dateline|timestamp|zeit|article-?meta|"
    r"byline|meta-?info|entry-?meta|post-?meta|post_meta|submitted|posted|created|"
    r"publication|subline",
    re.IGNORECASE,
)
# Bylines and visible dates sit near the top of the article: the scans for them
# read only the first this many elements of where they look (the 306 dev pages have
# at most ~4,100 elements in all), so 400,000 table cells cost no more than a page.
MAX_SCAN_ELEMENTS = 25_000
MAX_DATELINE_CHARS = 160
MAX_DATELINE_TRIES = 20
# Title suffixes/prefixes: "Headline | Site", "Site - Headline".
# Each separator match starts where a run of blanks starts ((?<!\s)) and takes its
# blanks possessively: a long run of blanks is read once, not once per blank.
TITLE_SEPARATOR = re.compile(r"(?<!\s)\s++(?:[|–—·•»«]|-{1,2}|::)\s++|(?<!\s)\s*+[｜|：]\s*+")
# Before a section suffix ("Headline | Sport"); unlike a dash, never inside a headline.
SECTION_SEPARATOR = re.compile(r"(?<!\s)\s++(?:[|·•»«]|::)\s++|(?<!\s)\s*+[｜|]\s*+")
# After a kicker / topic label at a title's start ("Kicker: Title", "Kicker - Title").
KICKER_SEPARATOR = re.compile(r"(?<!\s)\s*+[:|]\s++|(?<!\s)\s*+[｜：]\s*+|(?<!\s)\s++[-–—]\s++")
# Separators and quotes in a headline spelling, counted as runs ("..." is one).
PUNCTUATION_RUN = re.compile(r"[^\w\s]+")
TYPOGRAPHIC_MARKS = frozenset("‘’‚“”„«»‹›–—…")
# Punctuation that never follows a space, and what a headline never starts/ends with.
NO_SPACE_BEFORE = frozenset(":;,.!?)]}»”’")
HEADLINE_STRIP = " -–—|/:·•"

# --------------------------------------------------------------------------- images

IMAGE_SRC_ATTRS = ("src", "data-src", "data-original", "data-lazy-src", "data-url")
IMAGE_CREDIT_ATTR = re.compile(r"credit|copyright|source|quelle|author|photographer", re.I)
MAX_IMAGES = 30

# Kicker / overline spans inside an h1 ("Eskalation im Nahen Osten - ...").
KICKER_ATTR = re.compile(
    r"kicker|overline|eyebrow|dachzeile|topline|roofline|spitzmarke|supertitle|"
    r"headline-?label|title-?label|pretitle|pre-?title|flag|rubric",
    re.IGNORECASE,
)
# UTF-8 read as Latin-1/cp1252 ("fÃ¼r"): such a string is a broken copy.
MOJIBAKE = re.compile(r"[ÂÃ][\u0080-\u00bf\u0152-\u2122]|â€")

# --------------------------------------------------------------------------- summary

# Boxes of key-point bullets.
SUMMARY_ATTR = re.compile(
    r"summary|key-?points?|highlights?|takeaways?|tl-?dr|bullets|story-?points|"
    r"zusammenfassung|das-?wichtigste|auf-?einen-?blick|kurz-?gefasst|faits-?saillants|"
    r"resumen|sintesi|kort-?fortalt",
    re.IGNORECASE,
)
SUMMARY_HEADING = re.compile(
    r"^\W*(?:key points|highlights|key takeaways|takeaways|in brief|in short|summary|"
    r"the big picture|what you need to know|das wichtigste(?: in kürze)?|auf einen blick|"
    r"in kürze|kurz gefasst|zusammenfassung|en bref|l'essentiel|resumen|lo más importante|"
    r"in sintesi|kort fortalt|i korthet|kort sagt|samenvatting|в двух словах|要点|"
    r"ポイント|핵심)\W*$",
    re.IGNORECASE,
)

# JSON-LD scripts (jsonld.py): control characters JSON forbids in strings (pages put
# raw newlines there), and the CDATA wrapper some CMSs put around the JSON.
JSON_CONTROL_CHARS = re.compile(r"[\x00-\x1f]")
SCRIPT_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
