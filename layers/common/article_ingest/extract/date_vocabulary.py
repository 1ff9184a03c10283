"""Vocabulary of human-written dates: month names and time-zone abbreviations.

Kept apart from `dates` (the parsing) so each module stays small.
"""

from __future__ import annotations

import re

# Month names and abbreviations (nominative and genitive forms) -> month number.
# fmt: off
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro",
        "gennaio", "gen", "januari", "stycznia", "styczeń", "ledna", "leden", "ocak", "января",
        "январь", "janúar", "tammikuuta", "januarie", "ianuarie", "gener", "januára", "január",
        "січня", "ιανουαρίου"),
    2: ("february", "feb", "febr", "februar", "février", "fevrier", "févr", "fevr", "febrero",
        "fevereiro", "fev", "febbraio", "februari", "lutego", "luty", "února", "únor", "şubat",
        "subat", "февраля", "февраль", "febrúar", "helmikuuta", "februarie", "febrer",
        "februára", "február", "лютого", "φεβρουαρίου", "fév"),
    3: ("march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart",
        "mrt", "marca", "marzec", "března", "březen", "mart", "марта", "март", "maaliskuuta",
        "mac", "maret", "martie", "març", "marts", "március", "березня", "μαρτίου"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień",
        "dubna", "duben", "nisan", "апреля", "апрель", "apríl", "huhtikuuta", "aprili",
        "aprilie", "apríla", "április", "квітня", "απριλίου"),
    5: ("may", "mai", "mayo", "maio", "maggio", "mag", "mei", "maj", "maja", "května", "květen",
        "mayıs", "mayis", "мая", "май", "maí", "toukokuuta", "maig", "mája", "május", "травня",
        "μαΐου"),
    6: ("june", "jun", "juni", "juin", "junio", "junho", "giugno", "giu", "czerwca", "czerwiec",
        "června", "červen", "haziran", "июня", "июнь", "júní", "kesäkuuta", "iunie", "juny",
        "júna", "június", "червня", "ιουνίου"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "julho", "luglio", "lug", "lipca",
        "lipiec", "července", "červenec", "temmuz", "июля", "июль", "júlí", "heinäkuuta",
        "julai", "iulie", "juliol", "júla", "július", "липня", "ιουλίου"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień",
        "srpna", "srpen", "ağustos", "agustos", "agustus", "ogos", "августа", "август", "ágúst",
        "elokuuta", "agosti", "agost", "augusti", "augusta", "augusztus", "серпня",
        "αυγούστου"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setembro", "set", "settembre",
        "września", "wrzesień", "září", "eylül", "eylul", "сентября", "сентябрь", "syyskuuta",
        "septemba", "septembrie", "setembre", "setiembre", "septembra", "szeptember", "вересня",
        "σεπτεμβρίου"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "outubro", "out", "ottobre",
         "ott", "października", "październik", "října", "říjen", "ekim", "октября", "октябрь",
         "október", "lokakuuta", "oktoba", "octombrie", "októbra", "жовтня", "οκτωβρίου"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad",
         "kasım", "kasim", "ноября", "ноябрь", "nóvember", "marraskuuta", "novemba",
         "noiembrie", "listopadu", "novembra", "листопада", "νοεμβρίου"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre",
         "dic", "dezembro", "dicembre", "grudnia", "grudzień", "prosince", "prosinec", "aralık",
         "aralik", "декабря", "декабрь", "desember", "joulukuuta", "disember", "desemba",
         "decembrie", "desembre", "decembra", "грудня", "δεκεμβρίου"),
}
# fmt: on
# More languages of the date sets (bg, et, hr, sr/sl in Latin script, lt, sq, ar
# Mashriq and Maghreb forms, hi, tl): "24 април 2020", "24. aprill 2020", "24 أبريل 2020".
# Croatian "listopada" (October) is left out: Polish "listopada" is November.
# fmt: off
_MORE_MONTH_NAMES: dict[int, str] = {
    1: "януари jaanuar siječnja januar sausio janar يناير جانفي जनवरी enero",
    2: "февруари veebruar veljače februar vasario shkurt فبراير فيفري "
       "फ़रवरी फरवरी pebrero",
    3: "март märts ožujka mart marec kovo mars مارس मार्च marso",
    4: "април aprill travnja april balandžio prill أبريل ابريل अप्रैल abril",
    5: "май mai svibnja maj gegužės مايو ماي मई mayo",
    6: "юни juuni lipnja jun junij birželio qershor يونيو جوان जून hunyo",
    7: "юли juuli srpnja jul julij liepos korrik يوليو جويلية जुलाई hulyo",
    8: "август august kolovoza avgust rugpjūčio gusht أغسطس اغسطس أوت अगस्त "
       "agosto",
    9: "септември september rujna septembar rugsėjo shtator سبتمبر "
       "सितंबर सितम्बर setyembre",
    10: "октомври oktoober oktobar spalio tetor أكتوبر اكتوبر अक्टूबर oktubre",
    11: "ноември november studenoga studenog novembar lapkričio nëntor "
        "نوفمبر नवंबर नवम्बर nobyembre",
    12: "декември detsember prosinca decembar gruodžio dhjetor ديسمبر "
        "दिसंबर दिसम्बर disyembre",
}
# fmt: on
# Greek capitals drop the accents: "25 ΑΠΡΙΛΙΟΥ 2024".
_GREEK_CAPITALS = (
    "ιανουαριου φεβρουαριου μαρτιου απριλιου μαιου ιουνιου ιουλιου αυγουστου σεπτεμβριου "
    "οκτωβριου νοεμβριου δεκεμβριου"
)
MONTHS: dict[str, int] = (
    {n: k for k, names in _MORE_MONTH_NAMES.items() for n in names.split()}
    | {n: k for k, names in _MONTH_NAMES.items() for n in names}
    | {n: k for k, n in enumerate(_GREEK_CAPITALS.split(), start=1)}
)
"""Lower-case month names and abbreviations in many languages -> month number."""

# Zone abbreviations -> offset in minutes. Ambiguous "CST" is read as US Central,
# "IST" as India; these are the readings news sites use most.
# fmt: off
ZONE_OFFSETS: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEZ": 0,
    "BST": 60, "CET": 60, "MEZ": 60, "WAT": 60, "WEST": 60,
    "CEST": 120, "MESZ": 120, "EET": 120, "SAST": 120, "CAT": 120,
    "EEST": 180, "MSK": 180, "EAT": 180, "TRT": 180,
    "IST": 330, "PKT": 300, "WIB": 420, "ICT": 420,
    "MYT": 480, "SGT": 480, "HKT": 480, "PHT": 480, "AWST": 480,
    "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600, "AST": -240,
    "ET": -300, "PT": -480,
    "ACST": 570, "ACDT": 630, "IDT": 180, "WITA": 480, "NPT": 345, "BRT": -180,
}
# fmt: on

# --------------------------------------------------------------------------- plausibility
# A publication date before the web's news sites (htmldate's own floor) or after
# tomorrow is a placeholder ("0001-01-01", "1970-01-01"), a typo or a clock, never
# the day an article appeared. One day ahead allows for zones east of the server's.
EARLIEST_PUBLICATION_YEAR = 1995
LATEST_DAYS_AHEAD = 1

# Offsets a page may state its local time in: UTC-11 to UTC+14. A wall clock exactly
# twelve hours from the UTC instant is a 12-hour clock without am/pm (seen on dev
# pages), not UTC±12, so that difference never implies an offset.
MIN_OFFSET_MINUTES = -11 * 60
MAX_OFFSET_MINUTES = 14 * 60
AMBIGUOUS_OFFSET_MINUTES = 12 * 60
OFFSET_STEP_MINUTES = 15
# A visible time has minutes only ("10:28 p.m." for 22:28:35): the seconds it drops.
CLOCK_TOLERANCE_SECONDS = 59

# Words that mark a shown date as a revision, not the publication ("Updated: …",
# "Aktualisiert am", "Akt.:", "Mis à jour le"): read in the few characters before it.
UPDATED_LABEL = re.compile(
    r"updated|update:|last (?:modified|edited|changed)|modified|revised|aktualisiert|"
    r"\bakt\.|zuletzt|geändert|mis à jour|mise à jour|modifié|actualizad[oa]|"
    r"actualización|atualizad[oa]|atualização|aggiornat[oa]|aggiornamento|bijgewerkt|"
    r"gewijzigd|zaktualizowano|aktualizacja|uppdaterad|opdateret|oppdatert|päivitetty|"
    r"güncellen|güncelleme|обновлен|оновлено|aktualizováno|frissítve|更新|수정",
    re.IGNORECASE,
)
# Words that mark a shown date as the publication ("Datum 28.04.2023", "Published",
# "Veröffentlicht am", "Publié le", "Posted on"): a page-wide dateline needs one.
PUBLISHED_LABEL = re.compile(
    r"\b(?:published|posted|veröffentlicht|erschienen|publié|publiée|publicado|publicada|"
    r"publicat|pubblicato|gepubliceerd|publisert|publicerad|publicerat|udgivet|"
    r"opublikowano|publikováno|publikované|publiziert|erstellt|geschrieben|datum|date|"
    r"fecha|data|"
    r"yayınlanma|yayınlandı|diterbitkan|julkaistu|publicată|objavljeno|közzétéve|"
    r"опубликовано|опубліковано|δημοσιεύθηκε)\b"
    # A label is a word of its own: "등록" (posted) yes, "등록년월일" (a company's
    # registration day in a Korean footer) no.
    r"|(?:公開日|配信日|掲載日|发布时间|发布日期|입력|등록)(?![^\W\d_])",
    re.IGNORECASE,
)
# Words before a clock, not a publication: a forum's or a site header's "It is currently
# …", "Heute ist der 19. November", "Today is …" (seen on dev pages' headers).
CLOCK_LABEL = re.compile(
    r"\b(?:it is currently|it is now|current (?:date|time)|today is|heute ist(?: der)?|"
    r"aktuelle zeit|aktuelles datum|es ist jetzt|heure actuelle|nous sommes le|hoy es|"
    r"fecha actual|oggi è|vandaag is|dzisiaj jest|bugün)\b",
    re.IGNORECASE,
)
