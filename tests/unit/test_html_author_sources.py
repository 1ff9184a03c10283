"""HTML author sources: bylines scoped to the article, credited organisations kept."""

from __future__ import annotations

import json

from article_ingest.extract import extract_html
from article_ingest.extract.html.bylines import spaced_text
from article_ingest.extract.html.parse import parse

URL = "https://citypaper.example/trams"
TEXT = "The council voted on Tuesday to expand the tram network by twelve kilometres. " * 3


def _page(head: str, article: str, *, before: str = "", after: str = "") -> str:
    return (
        f"<html lang='en'><head>{head}</head><body>{before}<article><h1>Trams expand</h1>"
        f"{article}<p>{TEXT}</p><p>{TEXT} Again.</p></article>{after}</body></html>"
    )


def _ld(author: object, publisher: str = "City Paper") -> str:
    node = {
        "@type": "NewsArticle",
        "author": author,
        "publisher": {"@type": "Organization", "name": publisher},
    }
    return f"<script type='application/ld+json'>{json.dumps(node)}</script>"


def test_authors_structured_data_crediting_only_the_publisher_keeps_it() -> None:
    # Given JSON-LD whose only author is the publisher, and no byline
    head = _ld({"@type": "Organization", "name": "City Paper"})
    # When extracted
    article = extract_html(_page(head, ""), url=URL)
    # Then the publisher is the author the page credits
    assert article.authors == ["City Paper"]
    assert article.provenance["authors"] == "json-ld"


def test_authors_meta_author_naming_the_publisher_is_no_credit() -> None:
    # Given only <meta name="author"> holding the site name (a CMS default)
    head = (
        "<meta name='author' content='City Paper'>"
        "<meta property='og:site_name' content='City Paper'>"
    )
    # When extracted
    article = extract_html(_page(head, ""), url=URL)
    # Then nobody is reported
    assert article.authors == []


def test_authors_visible_byline_crediting_the_publisher_keeps_it() -> None:
    # Given a byline in the article that credits the publisher, and a teaser byline after it
    head = "<meta property='og:site_name' content='City Paper'>"
    article_html = "<p class='byline'>Von City Paper</p>"
    teaser = "<aside><div class='author'>Max Muster</div></aside>"
    # When extracted
    article = extract_html(_page(head, article_html, after=teaser), url=URL)
    # Then the publisher is the author, not the teaser's
    assert article.authors == ["City Paper"]


def test_authors_newsroom_in_json_ld_beats_an_agency_in_meta() -> None:
    # Given JSON-LD crediting a newsroom and meta naming an agency with a dateline place
    head = _ld({"@type": "Person", "name": "City staff reporter"})
    head += "<meta property='article:author' content='Associated Press in Valencia'>"
    # When extracted
    article = extract_html(_page(head, ""), url=URL)
    # Then the structured data's credit stands
    assert article.authors == ["City staff reporter"]


def test_authors_article_byline_beats_a_teaser_byline_before_it() -> None:
    # Given a teaser list before the article whose items carry bylines
    teasers = "<div class='top-stories'><div class='byline'>By Max Muster</div></div>"
    byline = "<div class='byline'>By Jane Doe</div>"
    # When extracted
    article = extract_html(_page("", byline, before=teasers), url=URL)
    # Then the byline inside the h1's article is the author
    assert article.authors == ["Jane Doe"]


def test_authors_byline_inside_a_link_is_a_teaser() -> None:
    # Given a page whose only byline sits inside a link to another article
    teaser = (
        "<div><a href='/other'><span>Other story</span>"
        "<span class='author'>Von Ines Roe</span></a></div>"
    )
    # When extracted
    article = extract_html(_page("", "", after=teaser), url=URL)
    # Then nobody is reported
    assert article.authors == []


def test_authors_photo_credit_is_not_the_author() -> None:
    # Given a figure whose caption names the photographer in an author-named element
    figure = (
        "<figure><img src='/a.jpg'><figcaption><span class='author'>Max Muster</span>"
        "</figcaption></figure><p class='byline'>By Jane Doe</p>"
    )
    # When extracted
    article = extract_html(_page("", figure), url=URL)
    # Then the byline's person is the author
    assert article.authors == ["Jane Doe"]


def test_authors_related_articles_marked_up_authors_are_left_out() -> None:
    # Given the article's marked-up author and marked-up authors of related articles
    byline = "<p class='meta'><span itemprop='author'>Jane Doe</span></p>"
    related = (
        "<section class='related'><ul>"
        "<li><a href='/1'>One</a> <span itemprop='author'>Max Muster</span></li>"
        "<li><a href='/2'>Two</a> <span itemprop='author'>Erika Muster</span></li></ul></section>"
    )
    # When extracted
    article = extract_html(_page("", byline, after=related), url=URL)
    # Then only the article's author is reported
    assert article.authors == ["Jane Doe"]


def test_authors_glued_agency_markup_is_split() -> None:
    # Given a byline whose person and agency sit in adjacent elements without a space
    byline = "<div class='byline'>By <span>ERIN TALLOW</span><span>Associated Press</span></div>"
    # When extracted
    article = extract_html(_page("", byline), url=URL)
    # Then the person and the agency are two authors
    assert article.authors == ["ERIN TALLOW", "Associated Press"]


def test_spaced_text_separates_elements_but_not_inline_formatting() -> None:
    # Given a byline with a label span, a name span and a bold part inside a word
    root = parse(
        "<html><body><p id='x'><span>Author</span><span>Jo<b>hn</b> Doe</span></p></body></html>"
    )
    assert root is not None
    element = root.find(".//p")
    assert element is not None
    # When its text is read
    # Then element boundaries are spaces, the bold part stays in its word
    assert spaced_text(element) == "Author John Doe"


def test_authors_byline_inside_a_link_to_the_author_page_is_kept() -> None:
    # Given a byline whose name sits inside a link to the author's page
    byline = "<div><a href='/author/jane-doe/'><span class='author-name'>Jane Doe</span></a></div>"
    # When extracted
    article = extract_html(_page("", byline), url=URL)
    # Then the linked name is the author
    assert article.authors == ["Jane Doe"]


def test_authors_marked_up_publisher_credit_is_kept() -> None:
    # Given a marked-up author element that names the publisher, and no other credit
    head = "<meta property='og:site_name' content='City Paper'>"
    byline = "<ul><li itemprop='author'><a href='/author/city/'>City Paper</a></li></ul>"
    # When extracted
    article = extract_html(_page(head, byline), url=URL)
    # Then the publisher is the author
    assert article.authors == ["City Paper"]


def test_authors_first_name_completed_from_the_author_bio() -> None:
    # Given JSON-LD naming the author by first name, with a bio naming them in full
    head = _ld({"@type": "Person", "name": "Nils", "description": "Nils Doe writes on trams."})
    # When extracted
    article = extract_html(_page(head, ""), url=URL)
    # Then the full name is the author
    assert article.authors == ["Nils Doe"]


def test_authors_name_printed_after_a_label_element() -> None:
    # Given a label alone in its element, the name in the next element
    byline = "<ul><li><h5>Autor:</h5> <p><a href='/p/jd'>Jane Doe</a>, </p></li></ul>"
    # When extracted
    article = extract_html(_page("", byline), url=URL)
    # Then the name after the label is the author
    assert article.authors == ["Jane Doe"]


def test_authors_role_word_after_a_name_is_no_label() -> None:
    # Given a list of signatories with a lower-case role after one of them
    signatories = (
        "<p><strong>Max Muster</strong>, <span>author</span><br><strong>Eva Roe</strong></p>"
    )
    # When extracted
    article = extract_html(_page("", signatories), url=URL)
    # Then nobody is reported
    assert article.authors == []


def test_authors_byline_inside_a_mail_link_is_no_teaser() -> None:
    # Given a labelled byline inside a link that opens an e-mail
    byline = "<div><a href='mailto:jd@citypaper.example'><b>Von:</b><br> Jane Doe</a></div>"
    # When extracted
    article = extract_html(_page("", byline), url=URL)
    # Then the name is the author
    assert article.authors == ["Jane Doe"]


def test_authors_comment_wrapped_in_its_own_article_is_no_byline() -> None:
    # Given no byline and a reader comment that is an <article class='comment-body'>
    comments = (
        "<ol class='commentlist'><li><article class='comment-body'>"
        "<footer><div class='author'>Chris Reader</div></footer><p>Nice.</p></article></li></ol>"
    )
    # When extracted
    article = extract_html(_page("", "", after=comments), url=URL)
    # Then nobody is reported
    assert article.authors == []


def test_authors_other_organisation_in_json_ld_yields_to_a_person_byline() -> None:
    # Given JSON-LD crediting a parent company, and a visible byline naming a person
    head = _ld({"@type": "Organization", "name": "Big Media Group"})
    byline = "<div class='byline'>By Jane Doe</div>"
    # When extracted
    with_byline = extract_html(_page(head, byline), url=URL)
    without_byline = extract_html(_page(head, ""), url=URL)
    # Then the person is the author; alone, the company is
    assert with_byline.authors == ["Jane Doe"]
    assert without_byline.authors == ["Big Media Group"]


def test_authors_newsroom_typed_as_organisation_is_credited_at_once() -> None:
    # Given JSON-LD crediting a newsroom typed as an organisation, and a teaser byline
    head = _ld({"@type": "Organization", "name": "Redaktion City Paper"})
    teaser = "<aside><div class='author'>Max Muster</div></aside>"
    # When extracted
    article = extract_html(_page(head, "", after=teaser), url=URL)
    # Then the newsroom is the author
    assert article.authors == ["Redaktion City Paper"]


def test_authors_user_name_marked_up_as_author_is_kept_but_not_from_json_ld() -> None:
    # Given a visible marked-up author holding a user name
    byline = "<p>Posted by <span itemprop='author'>marc</span></p>"
    # And a page whose JSON-LD alone names a CMS log-in
    head = _ld({"@type": "Person", "name": "fhaacker"})
    # When both are extracted
    marked_up = extract_html(_page("", byline), url=URL)
    login_only = extract_html(_page(head, ""), url=URL)
    # Then the marked-up user name is the author, the log-in is not
    assert marked_up.authors == ["marc"]
    assert login_only.authors == []
