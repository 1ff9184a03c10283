"""HTML author cleaning: bylines split into people, without prefixes, roles or publishers."""

from __future__ import annotations

import json

import pytest

from article_ingest.extract import extract_html
from article_ingest.extract.html.authors import (
    clean_authors,
    complete_names,
    publisher_credits,
    split_byline,
)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Von Felix Schröder und Jörg Soldwisch, dpa", ["Felix Schröder", "Jörg Soldwisch", "dpa"]),
        ("Por María López y Juan Pérez", ["María López", "Juan Pérez"]),
        ("Jane Doe, Senior Reporter", ["Jane Doe"]),
        ("Anna Sleegers, Frankfurt", ["Anna Sleegers"]),
        ("Associated Press in Valencia", ["Associated Press"]),
        ("Elena Oberholzer (obe)", ["Elena Oberholzer"]),
        (
            "Trine Juncher Jørgensen og Tôrtia Reimer-Johansen",
            ["Trine Juncher Jørgensen", "Tôrtia Reimer-Johansen"],
        ),
        ("jane.doe@paper.example", []),
        ("Analysis by Chris Doe", ["Chris Doe"]),
        ("The Associated Press", ["The Associated Press"]),
        ("By The Russian and Syrian defense ministries", []),
        ("Tuesday the council had voted", []),
        ("Mara E. Quillfeather", ["Mara E. Quillfeather"]),
        ("By Van Jones", ["Van Jones"]),
        ("Jane Doe and De Luca", ["Jane Doe", "De Luca"]),
        ("von Redaktion", []),
        ("Jose de la Cruz y Ana van der Berg", ["Jose de la Cruz", "Ana van der Berg"]),
        ("ERIN TALLOWAssociated Press", ["ERIN TALLOW", "Associated Press"]),
        ("Jane Doe AP", ["Jane Doe", "AP"]),
        ("Von", []),
        ("Twitter", []),
        ("Kontakt", []),
        ("Wednesday", []),
        ("Photo by Max Muster", []),
        ("Foto: Max Muster", []),
        ("Unsubscribe Working...", []),
        ("Suche Erweiterte Suche", []),
        ("SIZE", []),
        ("Artikel von:", []),
        ("Erstellt von Andri Bryner", ["Andri Bryner"]),
        ("Posted by Walter von Aachen", ["Walter von Aachen"]),
        ("Von Tomas Spahn Fr, 18. Oktober 2019", ["Tomas Spahn"]),
        ("Jeff Foust Monday, November 18, 2019", ["Jeff Foust"]),
        ("Stand: 20. April 2020, 14:57 Uhr", []),
        ("MND Staff", ["MND Staff"]),
        ("IN-Redaktion", ["IN-Redaktion"]),
        ("Jane Doe, Senior Staff Writer", ["Jane Doe"]),
        ("SHOW ALL ARTICLES OF Heiko Sauer", []),
    ],
)
def test_split_byline_keeps_people_and_agencies(byline: str, expected: list[str]) -> None:
    # Given a visible or meta byline
    # When it is split
    # Then only names (and named agencies) remain, in order
    assert split_byline(byline) == expected


def test_clean_authors_drops_the_publisher_and_duplicates() -> None:
    # Given names from a page whose publisher is "City Paper" at city-paper.example
    names = ["Jane Doe", "JANE DOE", "City Paper", "city-paper.example"]
    # When cleaned with the publisher's names blocked
    cleaned = clean_authors(names, blocked=["City Paper", "city-paper.example"])
    # Then the person remains once and the publisher is gone
    assert cleaned == ["Jane Doe"]


def test_clean_authors_drops_the_publisher_printed_after_a_name() -> None:
    # Given a byline naming a person and then the publisher
    # When cleaned with the publisher's names blocked
    cleaned = clean_authors(["Kevin Doe USA TODAY"], blocked=["USA TODAY"])
    # Then the person remains, without the publisher
    assert cleaned == ["Kevin Doe"]


def test_clean_authors_keeps_a_newsroom_named_after_the_publisher() -> None:
    # Given a newsroom credit that holds the publisher's name
    # When cleaned with the publisher's names blocked
    cleaned = clean_authors(["Redacción Diario City"], blocked=["Diario City"])
    # Then the newsroom stays whole
    assert cleaned == ["Redacción Diario City"]


def test_publisher_credits_keep_the_publisher_as_written() -> None:
    # Given credits naming the publisher by name and by domain, and a handle
    names = ["DER SPIEGEL", "spiegel.de", "@derspiegel", "https://spiegel.de/"]
    # When the publisher's credits are picked
    credits = publisher_credits(names, publisher=["DER SPIEGEL", "spiegel.de"])
    # Then the name and the domain remain, the handle and the URL do not
    assert credits == ["DER SPIEGEL", "spiegel.de"]


def test_clean_authors_keeps_cjk_names_but_not_profile_blurbs() -> None:
    # Given a Japanese name and a profile box's text
    names = ["渡辺洋介", "この記事を書いた人渡辺洋介東京社会部フォロー専門・関心分野戦争"]
    # When cleaned
    # Then the name stays and the blurb goes
    assert clean_authors(names) == ["渡辺洋介"]


def _page(head: str, body: str) -> str:
    text = "The council voted on Tuesday to expand the tram network by twelve kilometres. " * 3
    return (
        f"<html lang='en'><head>{head}</head><body><article><h1>Trams expand</h1>{body}"
        f"<p>{text}</p><p>{text} Again.</p></article></body></html>"
    )


def test_split_byline_label_with_colon_and_uppercase_surnames() -> None:
    # Given a byline labelled "Von:" with upper-case surnames
    # When it is split
    # Then the names remain as written
    assert split_byline("Von: Bill MCCARTHY, Marisha GOLDHAMER") == [
        "Bill MCCARTHY",
        "Marisha GOLDHAMER",
    ]


def test_authors_labelled_byline_with_linked_names() -> None:
    # Given no author metadata and a line "von <a>Dr. Max Kolter</a>"
    body = "<p class='meta-info'>von <a href='/people/max-kolter'>Dr. Max Kolter</a></p>"
    # When extracted
    article = extract_html(_page("", body))
    # Then the linked name is the author
    assert article.authors == ["Dr. Max Kolter"]
    assert article.provenance["authors"] == "byline-text"


def test_authors_labelled_byline_needs_a_link() -> None:
    # Given a paragraph starting with a bare "By" and no linked names
    body = "<p>By <b>Tuesday</b> the council had voted.</p>"
    # When extracted
    article = extract_html(_page("", body))
    # Then nobody is reported
    assert article.authors == []


def test_authors_meta_article_author_key() -> None:
    # Given an agency named in <meta name="articleAuthor">
    head = "<meta name='articleAuthor' content='Anadolu Ajansı'>"
    # When extracted
    article = extract_html(_page(head, ""))
    # Then the agency is the author
    assert article.authors == ["Anadolu Ajansı"]


def test_authors_coauthors_from_the_marked_up_byline_block() -> None:
    # Given JSON-LD naming one author and a byline block linking two with rel=author
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}})
    head = f"<script type='application/ld+json'>{ld}</script>"
    body = (
        "<section class='meta'><div class='bylines'>"
        "<div class='byline'><address><a rel='author' href='/a/1'>John Roe</a></address></div>"
        "<div class='byline'><address><a rel='author' href='/a/2'>Jane Doe</a></address></div>"
        "</div></section>"
    )
    # When extracted
    article = extract_html(_page(head, body))
    # Then both people are the authors
    assert article.authors == ["John Roe", "Jane Doe"]


def test_authors_teaser_authors_are_not_coauthors() -> None:
    # Given JSON-LD naming one author, marked up in the article and in a long teaser list
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}})
    head = f"<script type='application/ld+json'>{ld}</script>"
    teaser = "<div><p>" + "Another story about the city and its trams. " * 12 + "</p>"
    body = (
        "<div><a rel='author' href='/a/2'>Jane Doe</a></div>"
        f"{teaser}<a rel='author' href='/a/3'>Max Muster</a></div>"
    )
    # When extracted
    article = extract_html(_page(head, body))
    # Then only the article's author is reported
    assert article.authors == ["Jane Doe"]


def test_authors_labelled_byline_takes_the_linked_names_only() -> None:
    # Given a labelled byline whose line also holds the date
    body = (
        "<p class='article__meta'>By <a href='/staff/jd'>Jane Doe</a> , "
        "<a href='/staff/md'>Minh Do</a> <span>November 18, 2019</span></p>"
    )
    # When extracted
    article = extract_html(_page("", body))
    # Then both linked people are the authors
    assert article.authors == ["Jane Doe", "Minh Do"]


def test_authors_reader_comments_are_not_bylines() -> None:
    # Given no byline and a recent-comments widget naming commenters
    widget = (
        "<aside class='widget widget_recent_comments'><ul id='recentcomments'>"
        "<li class='recentcomments'><span class='comment-author-link'>Kaffeetrinker</span>"
        " on <a href='/x'>Another story</a></li></ul></aside>"
    )
    # When extracted
    article = extract_html(_page("", "").replace("</body>", widget + "</body>"))
    # Then nobody is reported
    assert article.authors == []


def test_authors_marked_up_comment_authors_are_not_the_articles() -> None:
    # Given a comment whose author is marked up before the article's byline
    comment = (
        "<ol class='comment-list'><li itemscope itemtype='https://schema.org/Comment'>"
        "<span itemprop='author'>Max Reader</span></li></ol>"
    )
    byline = "<p class='byline'>By Jane Doe</p>"
    html = _page("", byline).replace("<body>", "<body>" + comment)
    # When extracted
    article = extract_html(html)
    # Then the article's byline names the author
    assert article.authors == ["Jane Doe"]


def test_complete_names_takes_capitalised_words_after_the_first_name() -> None:
    # Given a one-word name, an agency and texts naming the person in full
    texts = ["Mehr von Nils", "Nils Doe ist freier Autor.", "Nils Roe"]
    # When completed
    # Then the first full form is taken and the agency stays as is
    assert complete_names(["Nils", "dpa"], texts) == ["Nils Doe", "dpa"]


def test_split_byline_long_runs_of_separators_are_cut_short() -> None:
    # Given an author field made of a huge run of separators around a name
    text = "Jane Doe " + "-," * 200_000 + " Monday"
    # When it is split
    # Then the name is found in the field's first part (the rest is never scanned)
    assert split_byline(text) == ["Jane Doe"]


def test_split_byline_user_names_count_only_in_marked_up_authors() -> None:
    # Given lower-case user names
    # When split as free text, and as a visible marked-up author
    # Then only the marked-up author keeps them, never a CMS account
    assert split_byline("marc") == []
    assert split_byline("marc", handles=True) == ["marc"]
    assert split_byline("c1ph4", handles=True) == ["c1ph4"]
    assert split_byline("wordpressadmin", handles=True) == []
