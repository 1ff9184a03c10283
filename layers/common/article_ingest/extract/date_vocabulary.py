"""Vocabulary of human-written dates: month names and time-zone abbreviations.

Kept apart from `dates` (the parsing) so each module stays small.
"""

from __future__ import annotations

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
# Greek capitals drop the accents: "25 ΑΠΡΙΛΙΟΥ 2024".
_GREEK_CAPITALS = (
    "ιανουαριου φεβρουαριου μαρτιου απριλιου μαιου ιουνιου ιουλιου αυγουστου σεπτεμβριου "
    "οκτωβριου νοεμβριου δεκεμβριου"
)
MONTHS: dict[str, int] = {n: k for k, names in _MONTH_NAMES.items() for n in names} | {
    n: k for k, n in enumerate(_GREEK_CAPITALS.split(), start=1)
}
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
