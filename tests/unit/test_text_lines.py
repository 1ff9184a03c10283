"""Line classification of the plain-text extractor."""

from __future__ import annotations

import pytest

from article_ingest.extract.text.lines import (
    Kind,
    classify,
    count_words,
    guess_language,
    split_lines,
)


@pytest.mark.parametrize(
    "text",
    [
        "Share",
        "·",
        "Add us onAdd us on Google",
        "Read Next: Elon Musk Tips Hat To Sundar Pichai For Google's Latest Quantum Leap",
        "Read about our editorial guidelines and ethics policy",
        "For updates and corrections, email newsroom[at]stocktwits[dot]com.",
        "Lesen Sie auch: Die Bahn streikt wieder",
        "Teilen",
        "Profile Image",
        "VEA TAMBIÉN: El gobierno presenta el nuevo presupuesto para el año que viene",
        "Das könnte Dich auch interessieren:",
        "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber.",
        "This entry was posted in General. Bookmark the permalink.",
        "Your email address will not be published. Required fields are marked *",
    ],
)
def test_classify_marks_page_furniture(text: str) -> None:
    # Given a share bar, teaser or footer line
    # When it is classified
    # Then it is furniture
    assert classify(text)[0] is Kind.FURNITURE


def test_classify_keeps_long_sentence_starting_with_furniture_word() -> None:
    # Given a body sentence that starts like a share button
    text = "Share prices rose sharply on Monday after the company reported record profits."
    # When it is classified
    # Then it is prose, because furniture phrases only count on short lines
    assert classify(text)[0] is Kind.PROSE


@pytest.mark.parametrize(
    "text",
    [
        "Sinwar has been named the head of Hamas's political bureau. (Adel Hana/Associated Press)",
        "Portraits of two presidents on a screen. (Photo by Jane Roe/Agency via Getty Images)",
        "Foto: Seznam Zprávy",
        "© André Schmidt",
        "Friso Gentsch/dpa",
        "Die FDP ist derzeit im Netz in aller Munde. Bild: Christoph Soeder/dpa",
        "Crédits photos : Bestimage",
        "Abbildung: Vergleich der Schneehöhen auf dem Gletscher im Januar und im März.",
        "Beitragsbild: Titelseite der Zeitung vom 2. April, Ausriss.",
    ],
)
def test_classify_marks_photo_credits(text: str) -> None:
    # Given a caption with its credit, or a bare credit
    # When it is classified
    # Then it is a credit line (an image, never body)
    assert classify(text)[0] is Kind.CREDIT


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Two Meet Again", Kind.SHORT),
        (
            "Chinese Vice-Premier He Lifeng will lead a delegation to Malaysia next week.",
            Kind.PROSE,
        ),
        ("  • The two sides will discuss key economic and trade issues.", Kind.BULLET),
        ("adote um amigo agua alerta ambiente amizade " * 6, Kind.SHORT),
        (
            "Customers Leave Without Paying Bill At Troy SteakhouseA party of six left the "
            "restaurant without paying a bill of nearly seven hundred dollars.",
            Kind.SHORT,
        ),
        ("„Wir danken Ihnen herzlich für die sehr gute und schnelle Arbeit.“", Kind.PROSE),
        (
            "Հայաստանի կառավարությունը այսօր հաստատեց նոր օրենքը երկրի բոլոր քաղաքների համար։",
            Kind.PROSE,
        ),
        ("सरकार ने आज देश के सभी शहरों के लिए नया कानून पारित किया और लागू किया।", Kind.PROSE),
    ],
)
def test_classify_reads_line_shape(text: str, kind: Kind) -> None:
    # Given a line of some shape (title, sentence, bullet, tag cloud, teaser card)
    # When it is classified
    # Then its kind follows from length, punctuation and markers
    assert classify(text.strip())[0] is kind


def test_split_lines_records_blank_line_neighbours() -> None:
    # Given a paste with a paragraph set off by blank lines and a glued menu
    text = "Home\nNews\n\nA paragraph of several words that ends like a sentence does.\n\nFooter"
    # When it is split
    lines = split_lines(text)
    # Then blank lines are dropped but remembered on their neighbours
    assert [ln.text for ln in lines][1:3] == [
        "News",
        "A paragraph of several words that ends like a sentence does.",
    ]
    assert lines[2].blank_before and lines[2].blank_after
    assert not lines[0].blank_after


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The council said that the plan was on track and it is expected to be done by May.", "en"),
        (
            "Der Rat sagte, dass der Plan auf dem Weg ist und auch nicht mit den Kosten steigt.",
            "de",
        ),
        ("彼は東京で記者会見を開き、新しい計画について説明した。", "ja"),
    ],
)
def test_guess_language_from_stop_words_and_script(text: str, lang: str) -> None:
    # Given prose in some language
    # When the language is guessed
    # Then the ISO 639-1 code is returned
    assert guess_language(split_lines(text)) == lang


def test_count_words_counts_a_huge_token_as_many_words() -> None:
    # Given ordinary words, a long URL and a 5,000-letter "word"
    # Then words count one each, and the huge token one per thousand letters
    assert count_words("The tram runs https://example.com/" + "a" * 500) == 4
    assert count_words("a" * 5000) == 5
    assert count_words("see " + "a" * 2500) == 4


@pytest.mark.parametrize(
    "text",
    [
        "5 thoughts on “JSON parsing: simdjson vs. JSON for Modern C++”",
        "2 Gedanken zu „Folge 70: Star Trek: Picard“",
        "Schreibe einen Kommentar",
        "This Post Has 80 Comments",
    ],
)
def test_split_lines_marks_blog_comment_headings_as_wall(text: str) -> None:
    # Given a comment heading of blog software
    # When the paste is split
    # Then the line is a comments wall
    assert split_lines(text)[0].wall


@pytest.mark.parametrize(
    "text",
    [
        "Beachten Sie, dass das Blockieren einiger Arten von Cookies Auswirkungen auf Ihre "
        "Erfahrung auf unseren Websites und auf die Dienste haben kann, die wir anbieten können.",
        "Indem Sie mit dem Besuch der Seite fortfahren, akzeptieren Sie die Verwendung "
        "von Cookies.",
        "These cookies help us understand how the website is used, so that we can improve it.",
    ],
)
def test_a_consent_box_about_cookies_is_furniture(text: str) -> None:
    # Given a line of a cookie consent box, however long / Then it is furniture
    assert classify(text)[0] is Kind.FURNITURE


def test_a_recipes_cookies_stay_prose() -> None:
    # Given a recipe's sentence about cookies (no website, browser or consent words)
    text = "Let the cookies cool on the tray for ten minutes before you move them to a rack."
    # Then it is prose
    assert classify(text)[0] is Kind.PROSE
