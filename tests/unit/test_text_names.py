"""Author names checked against the paste's own lower-case vocabulary."""

from __future__ import annotations

from article_ingest.extract.text import extract
from article_ingest.extract.text.names import lowercase_words, tidy_authors, tidy_name

PROSE = (
    "The state budget for the coming year was presented on Monday, and the political "
    "row over it will last for months, our partners in the room said about the size of it."
)


def test_lowercase_words_ignores_addresses_and_urls() -> None:
    # Given a paste with a name inside an e-mail address and a URL
    common = lowercase_words("Write to jane.doe@example.com or see https://example.com/doe now")
    # Then only free-standing lower-case words count
    assert "doe" not in common and "jane" not in common
    assert "see" in common and "now" in common and "write" not in common


def test_tidy_name_drops_role_word_glued_to_name() -> None:
    # Given a name with a role word the paste writes in lower case
    common = lowercase_words(PROSE)
    # When it is tidied
    # Then the role word goes and the name stays
    assert tidy_name("Jane Doe State", common) == "Jane Doe"


def test_tidy_name_drops_month_glued_to_name() -> None:
    # Given names with a dateline's month glued on either side
    # When they are tidied
    # Then the months go
    assert tidy_name("Jane Doe February", frozenset()) == "Jane Doe"
    assert tidy_name("Oktober Carola Muster", frozenset()) == "Carola Muster"


def test_tidy_name_keeps_two_word_name_with_month_word() -> None:
    # Given a two-word name whose surname is also a month
    # When it is tidied
    # Then it is kept whole
    assert tidy_name("Theresa May", frozenset()) == "Theresa May"


def test_tidy_name_rejects_labels_made_of_ordinary_words() -> None:
    # Given labels whose words the paste writes in lower case, or that start with one
    common = lowercase_words(PROSE)
    # When they are tidied
    # Then they are no names
    assert tidy_name("Our Partners", common) is None
    assert tidy_name("Political Row", common) is None
    assert tidy_name("SIZE", common) is None


def test_tidy_name_keeps_organisations_and_agencies() -> None:
    # Given organisation credits and an agency
    common = lowercase_words(PROSE + " the press")
    # When they are tidied
    # Then they are kept
    assert tidy_authors(["The Associated Press", "dpa", "Reuters"], common) == [
        "The Associated Press",
        "dpa",
        "Reuters",
    ]


def test_tidy_name_strips_leading_by_word() -> None:
    # Given a name read with its by-word
    # When it is tidied
    # Then the by-word goes
    assert tidy_name("By Jane Doe", frozenset()) == "Jane Doe"
    assert tidy_name("Von Miller", frozenset()) == "Von Miller"


def test_extract_reads_byline_word_of_other_languages() -> None:
    # Given a Spanish byline "Escribe <name>" under the headline
    paste = (
        "Menú\nEl gobierno presenta el nuevo presupuesto anual\nEscribe Camila Muster\n\n"
        + "El gobierno presentó el lunes el presupuesto para el año que viene, con más gasto "
        "en salud y en educación que el año pasado.\n\n" * 3
    )
    # When it is extracted
    article = extract(paste)
    # Then the name is the author, without the by-word
    assert article.authors == ["Camila Muster"]


def test_tidy_name_rejects_bare_label_starting_with_ordinary_word() -> None:
    # Given a bare name-shaped label whose first word the paste writes in lower case
    common = lowercase_words("Die betriebliche Vorsorge ist wichtig, sagt sie.")
    # When it is tidied as a bare byline, and as an explicit one
    # Then only the bare reading drops it
    assert tidy_name("Betriebliche Altersvorsorge", common, bare=True) is None
    assert tidy_name("Betriebliche Altersvorsorge", common) == "Betriebliche Altersvorsorge"


def test_tidy_name_drops_label_words_before_a_by_word() -> None:
    # Given names read with label words and a by-word before them
    # When they are tidied
    # Then the name stays, and a name with a particle keeps it
    assert tidy_name("Blog Beitrag von Jane Muster", frozenset()) == "Jane Muster"
    assert tidy_name("Gepostet von Jane Muster", frozenset()) == "Jane Muster"
    assert tidy_name("Ursula von der Leyen", frozenset()) == "Ursula von der Leyen"


def test_extract_reads_posted_by_byline() -> None:
    # Given a blog paste with a "Posted by" line under the title
    paste = (
        "Menu\nWhy we moved the blog\nPosted by Jane Muster\n\n"
        + "We moved the blog to a new server last week, and the old address will keep "
        "working for a while before it redirects.\n\n" * 3
    )
    # When it is extracted
    # Then the name is the author
    assert extract(paste).authors == ["Jane Muster"]


def test_tidy_name_rejects_bare_label_with_ordinary_or_glued_word() -> None:
    # Given bare name-shaped labels
    common = lowercase_words("Learn the language here, and see the map below.")
    # When they are tidied as bare bylines
    # Then they are no names, while a name with a prefix capital is kept
    assert tidy_name("German Language", common, bare=True) is None
    assert tidy_name("DownloadShow Link", common, bare=True) is None
    assert tidy_name("Ronald McDonald", common, bare=True) == "Ronald McDonald"
