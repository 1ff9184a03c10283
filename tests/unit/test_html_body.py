"""HTML body: the article's paragraphs without widgets, captions, bylines or tails."""

from __future__ import annotations

import pytest

from article_ingest.errors import IngestError
from article_ingest.extract import extract_html

P1 = (
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "a project that officials say will take five years and cost about 400 million euros."
)
P2 = (
    "Opponents argued that the money would be better spent on buses, which can be "
    "rerouted as the city grows, and on repairing the existing lines first."
)
P3 = (
    "The first new line, linking the station with the university, is due to open in "
    "2027, according to the council's timetable published on Wednesday."
)


def _page(article: str, outside: str = "") -> str:
    return (
        "<html lang='en'><head><title>Trams expand | City Paper</title>"
        "<meta name='author' content='Jane Doe'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<main><article><h1>Trams expand</h1>{article}</article></main>{outside}"
        "<footer><p>© 2025 City Paper. All rights reserved.</p></footer></body></html>"
    )


def test_body_removes_widgets_captions_and_bylines() -> None:
    # Given an article with a byline, a share bar, a figure, a newsletter box and related links
    article = (
        "<div class='byline'>By Jane Doe</div>"
        "<div class='share-tools'><a href='#'>Share on Facebook</a> <a href='#'>Tweet</a></div>"
        f"<p>{P1}</p>"
        "<figure><img src='https://img.example/a.jpg'>"
        "<figcaption>A tram. Photo: Max</figcaption></figure>"
        "<div class='newsletter-signup'><p>Sign up for our daily newsletter!</p></div>"
        f"<p>{P2}</p><p>{P3}</p>"
        "<section class='related-articles'><h2>Related</h2><ul><li><a href='/x'>Buses are back "
        "in fashion across the region this year</a></li></ul></section>"
    )
    # When extracted
    result = extract_html(_page(article))
    # Then only the three paragraphs remain, and the image keeps its caption
    assert result.paragraphs == [P1, P2, P3]
    assert result.images[0].url == "https://img.example/a.jpg"
    assert result.images[0].caption == "A tram. Photo: Max"


def test_body_keeps_subheadings_lists_and_quotes_in_order() -> None:
    # Given an article with a subheading, a list and a block quote
    article = (
        f"<p>{P1}</p><h2>What changes</h2><ul><li>Two new lines</li><li>Longer trams</li></ul>"
        f"<blockquote><p>{P2}</p></blockquote><p>{P3}</p>"
    )
    # When extracted
    result = extract_html(_page(article))
    # Then every block is its own paragraph, in reading order
    assert result.paragraphs == [P1, "What changes", "Two new lines", "Longer trams", P2, P3]


def test_body_cuts_the_tail_after_more_stories() -> None:
    # Given an article followed, inside the same container, by a teaser list
    article = (
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><h3>More stories</h3>"
        "<p>Council approves new cycle lanes along the river in a narrow vote on Monday.</p>"
    )
    # When extracted
    result = extract_html(_page(article))
    # Then the article ends before the marker
    assert result.paragraphs == [P1, P2, P3]


def test_body_prefers_article_over_longer_teaser_list_with_json_ld_hint() -> None:
    # Given a page whose JSON-LD states the article body
    ld = (
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle", "articleBody": '
        f'"{P1} {P2} {P3} {P1}"}}</script>'
    )
    # When extracted
    result = extract_html(
        _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>").replace("</head>", ld + "</head>")
    )
    # Then the article's paragraphs are found
    assert result.paragraphs[:3] == [P1, P2, P3]


def test_body_page_builder_boxes_under_a_named_body_are_one_article() -> None:
    # Given a page builder's rows, each text box six levels under the container the
    # theme names the post content, the first set as a long heading
    def row(inner: str) -> str:
        return (
            "<div class='tdc-row'><div class='vc_row'><div class='vc_column'>"
            "<div class='wpb_wrapper'>"
            f"<div class='wpb_text_column'><div class='wpb_wrapper'>{inner}</div></div>"
            "</div></div></div></div>"
        )

    intro = (
        "With dismay the city's tram association reacted on Tuesday to the council's vote, "
        "according to a statement it published this morning."
    )
    rows = row(f"<h2>{intro}</h2>") + row(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>")
    page = _page(f"<div class='td-post-content'>{rows}</div>")
    # When extracted
    result = extract_html(page)
    # Then both boxes are the body, in order
    assert result.paragraphs[:4] == [intro, P1, P2, P3]


def test_body_drops_headings_whose_section_was_cut() -> None:
    # Given an article whose container ends with a heading its teaser list followed
    section = f"<h2>Transport</h2><p>{P2}</p>"
    article = f"<div class='body'><p>{P1}</p>{section}<h3>From our desk</h3></div>"
    # When extracted
    result = extract_html(_page(article))
    # Then the heading that introduces nothing is gone; the one with a section stays
    assert result.paragraphs == [P1, "Transport", P2]


@pytest.mark.parametrize(
    "caption",
    [
        "Crédits photos : Bestimage",
        "Photo : Jane Roe / AFP",
        "Abbildung: Vergleich der Schneehöhen auf dem Gletscher im Januar und im März.",
        "Beitragsbild: Titelseite der Zeitung vom 2. April, Ausriss.",
    ],
)
def test_body_drops_caption_and_credit_paragraphs(caption: str) -> None:
    # Given a figure caption or photo credit set as a paragraph, in several languages
    article = f"<div class='body'><p>{P1}</p><p>{caption}</p><p>{P2}</p></div>"
    # When extracted
    result = extract_html(_page(article))
    # Then it is not body text
    assert result.paragraphs == [P1, P2]


def test_body_forum_thread_is_every_post_not_the_longest() -> None:
    # Given a thread of posts, each its own box of one kind (the first marked apart),
    # each box holding the post's text beside the poster's name
    def post(extra: str, text: str) -> str:
        nest = ["message-inner", "message-cell", "message-main", "message-content", "message-body"]
        return (
            f"<article class='message message--post{extra}'><div class='message-user'>"
            "<a href='/members/1'>tramfan</a></div>"
            + "".join(f"<div class='{name}'>" for name in nest)
            + f"<div class='bbWrapper'>{text}</div>"
            + "</div>" * len(nest)
            + "</article>"
        )

    reply = "Agreed, the buses would be cheaper."
    thread = post(" is-first", f"{P1} {P2} {P3}") + post("", reply) + post("", P3)
    page = _page(f"<div class='block-body'>{thread}</div>")
    # When extracted
    result = extract_html(page)
    # Then the body is the posts in order, not only the longest one
    assert result.paragraphs == [f"{P1} {P2} {P3}", reply, P3]


@pytest.mark.parametrize("heading", ["About the author", "Über die Autorin", "Sobre el autor"])
def test_body_ends_at_an_author_box(heading: str) -> None:
    # Given an article whose container ends with an author box: a heading and a bio
    bio = "Jane Roe has covered city transport since 2015 and lives by the tram depot."
    article = (
        f"<div class='body'><p>{P1}</p><p>{P2}</p><p>{P3}</p><h3>{heading}</h3><p>{bio}</p></div>"
    )
    # When extracted
    result = extract_html(_page(article))
    # Then the body ends before the box
    assert result.paragraphs == [P1, P2, P3]


def test_body_lead_matching_description_is_first_paragraph() -> None:
    # Given a standfirst outside the body container that the meta description repeats
    lead = "The council wants more trams. Not everyone agrees."
    page = _page(
        f"<div class='header-intro'>{lead}</div><div class='body'><p>{P1}</p><p>{P2}</p></div>"
    )
    page = page.replace("</head>", f"<meta name='description' content='{lead}'></head>")
    # When extracted
    result = extract_html(page)
    # Then the lead opens the body
    assert result.paragraphs[0] == lead


def test_body_lead_in_a_box_that_also_holds_the_text_opens_the_body() -> None:
    # Given a box whose text starts with the description: the standfirst, then the text
    lead = "The council wants more trams, and it says the city can pay for all of them."
    text = f"<div class='text'><div class='article-text'><p>{P1}</p></div></div>"
    box = f"<div class='main'><div class='chapo'><p>{lead}</p></div>{text}</div>"
    page = _page(box).replace("</head>", f"<meta name='description' content='{lead}'></head>")
    # When extracted
    result = extract_html(page)
    # Then the box's standfirst opens the body, once, and the text follows
    assert result.paragraphs == [lead, P1]


def test_body_lead_named_a_standfirst_is_first_paragraph() -> None:
    # Given a standfirst the description does not repeat, in a box named a teaser text
    lead = "The council wants more trams. Not everyone agrees."
    body = f"<div class='body'><p>{P1}</p><p>{P2}</p></div>"
    page = _page(f"<div class='teaser-text'><p>{lead}</p></div>{body}")
    # When extracted
    result = extract_html(page)
    # Then the standfirst opens the body (the body convention: standfirst included)
    # and, as the page declares no description, it is the description too
    assert result.paragraphs == [lead, P1, P2]
    assert result.description == lead


@pytest.mark.parametrize(
    ("declared", "shown"),
    [
        # a kicker in the h1, a label in the declared title (too many words apart for
        # the reworded rule)
        ("Trams reach the suburbs", "Transport policy and city planning : Trams reach the suburbs"),
        ("In short, as it is: Trams reach the suburbs", "Trams reach the suburbs"),
        ("Trams now reach all the suburbs", "Trams reach all the suburbs"),  # reworded
    ],
)
def test_body_lead_under_an_h1_that_differs_from_the_declared_title_by_an_affix(
    declared: str, shown: str
) -> None:
    # Given a declared title and a visible h1 that differ by a kicker, a label or a
    # word, and a standfirst under the h1, outside the body's box
    lead = "The council wants more trams. Not everyone agrees."
    page = (
        f"<html lang='en'><head><title>{declared}</title>"
        f"<meta property='og:title' content='{declared}'></head><body>"
        f"<article><header><h1>{shown}</h1><p class='teaser-text'>{lead}</p></header>"
        f"<div class='body'><p>{P1}</p><p>{P2}</p></div></article></body></html>"
    )
    # When extracted
    result = extract_html(page)
    # Then the standfirst opens the body
    assert result.headline == declared
    assert result.paragraphs == [lead, P1, P2]


def test_body_lead_not_looked_for_under_a_section_name_h1() -> None:
    # Given a page whose only h1 is a section's name the declared title happens to hold
    teaser = "Another story the editors picked for you. Read it next."
    page = (
        "<html lang='en'><head><title>Trams reach the suburbs, the news of the week</title>"
        "<meta property='og:title' content='Trams reach the suburbs, the news of the week'>"
        f"</head><body><h1>News</h1><p class='teaser-text'>{teaser}</p>"
        f"<article><div class='body'><p>{P1}</p><p>{P2}</p></div></article></body></html>"
    )
    # When extracted
    result = extract_html(page)
    # Then nothing under that h1 is taken for the standfirst
    assert result.paragraphs == [P1, P2]


@pytest.mark.parametrize(
    "box",
    [
        "<div class='author-description'><p>Jane Doe writes about cities. Follow her.</p></div>",
        "<div class='article-lead'><script>loadAds();</script>Sponsored: win a trip.</div>",
    ],
)
def test_body_lead_named_boxes_that_are_no_standfirst(box: str) -> None:
    # Given an author's "description" box, or a "lead" box holding an ad loader
    page = _page(f"{box}<div class='body'><p>{P1}</p><p>{P2}</p></div>")
    # When extracted
    result = extract_html(page)
    # Then neither opens the body
    assert result.paragraphs[0] == P1


P4 = (
    "Residents along the route were invited to a hearing in March, and the council "
    "said their objections would be weighed before the final plan is approved."
)
P3_NEXT = (
    "Bus drivers will strike on Friday after talks with the operator broke down, the "
    "union said, leaving commuters across the region without a service for a day."
)
P4_NEXT = (
    "The operator said it regretted the decision and that it remained open to talks, "
    "and advised passengers to plan their journeys on the regional rail network."
)
P5_NEXT = (
    "Talks had stalled over pay and rest breaks, the union said, and no new meeting "
    "has been set; a second strike day is planned for the following week."
)


NEXT_STORY = f"<p>{P3_NEXT}</p><p>{P4_NEXT}</p><p>{P5_NEXT}</p><p>{P1}</p>"


@pytest.mark.parametrize(
    ("title", "next_heading"),
    [
        ("Trams expand", "<h1>Bus strike</h1>"),  # headed by the page's headline
        ("City Paper: the tram network grows", "<h2>Bus strike</h2>"),  # the only h1
    ],
)
def test_body_is_the_page_story_not_the_next_ones_loaded_below(
    title: str, next_heading: str
) -> None:
    # Given a page that loads the next story under the article (infinite scroll), in
    # the same container and with the same class
    story = f"<h1>Trams expand</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p>"
    page = (
        f"<html lang='en'><head><title>{title}</title></head><body><main>"
        f"<article class='story'>{story}</article>"
        f"<div class='next'><article class='story'>{next_heading}{NEXT_STORY}</article></div>"
        "</main></body></html>"
    )
    # When extracted
    result = extract_html(page)
    # Then the body is the page's own story
    assert result.paragraphs == [P1, P2, P3, P4]


@pytest.mark.parametrize(
    ("h1_outside", "next_heading"),
    [
        ("", "<h2>Bus strike</h2>"),  # no h1, no story headed by the page's title
        ("<header><h1>Trams expand</h1></header>", "<h1>Bus strike</h1>"),  # h1 outside
    ],
)
def test_body_keeps_stories_none_of_which_is_told_apart(h1_outside: str, next_heading: str) -> None:
    # Given two full stories neither of which is headed by the page's headline, the
    # page's h1 (if any) outside both
    first = f"<article class='story'><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></article>"
    second = f"<article class='story'>{next_heading}{NEXT_STORY}</article>"
    page = (
        "<html lang='en'><head><title>This week in transport</title></head><body>"
        f"<main>{h1_outside}{first}{second}</main></body></html>"
    )
    # When extracted
    result = extract_html(page)
    # Then no story is dropped on a guess
    assert P2 in result.paragraphs and P3_NEXT in result.paragraphs


def test_body_keeps_short_lines_the_article_repeats() -> None:
    # Given a plan whose sections repeat a short line, and a caption printed twice
    plan = "".join(
        f"<h2>Meal {n}</h2><p>Eat every 2-3 hours</p><p>{text}</p>"
        for n, text in enumerate((P1, P2, P3), 1)
    )
    twice = "<p>The new line at the hospital stop.</p><p>The new line at the hospital stop.</p>"
    # When extracted
    result = extract_html(_page(plan + twice))
    # Then each section keeps its line; the twin printed right after itself goes
    assert result.paragraphs.count("Eat every 2-3 hours") == 3
    assert result.paragraphs.count("The new line at the hospital stop.") == 1


def test_body_is_not_a_teaser_named_like_the_article_body_around_it() -> None:
    # Given an article whose paragraphs sit in an unnamed text box deep in the theme's
    # "post-content" (a page builder's rows and columns), and a "recent posts" teaser
    # in a "post-content" of its own
    text = f"<div class='text-box'><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></div>"
    teaser = (
        "<h3>More for you</h3><div class='shortcode'><div class='posts'><article>"
        "<h4><a href='/bus'>Bus strike</a></h4><div class='post-content'>"
        f"<p>{P3_NEXT}</p></div></article></div></div>"
    )
    page = (
        "<html lang='en'><head><title>Trams expand</title></head><body><h1>Trams expand</h1>"
        "<div class='post-content'><div class='row'><div class='section'><div class='wrap'>"
        f"<div class='column'><div class='inner'>{text}</div></div>"
        f"<div class='column'>{teaser}</div></div></div></div></div></body></html>"
    )
    # When extracted
    result = extract_html(page)
    # Then the article's paragraphs are the body (not the teaser alone)
    assert result.paragraphs[:4] == [P1, P2, P3, P4]


def test_body_short_article_named_the_body_outweighs_unnamed_text() -> None:
    # Given a one-paragraph article in the theme's "post-content" (not inside another
    # one so named) and a longer unnamed box of text beside it
    side = f"<div class='about-us'><p>{P3_NEXT}</p><p>{P4_NEXT}</p><p>{P5_NEXT}</p></div>"
    page = (
        "<html lang='en'><head><title>Trams expand</title></head><body><h1>Trams expand</h1>"
        f"<div class='column'><h2>News</h2><div class='post-content'><p>{P1}</p></div></div>"
        f"<div class='column'>{side}</div></body></html>"
    )
    # When extracted
    result = extract_html(page)
    # Then the named article is the body: one voting block takes the name's bonus
    # away only from a container nested in another named one
    assert result.paragraphs == [P1]


def test_body_empty_when_page_has_no_article() -> None:
    # Given a page with navigation only
    page = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    # When extracted
    # Then there are no paragraphs (the service answers 422)
    assert extract_html(page).paragraphs == []


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "\x00\x01\x02binary\xff\xfe",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
        "<div>" * 5000 + "deep" + "</div>" * 5000,
        f"<html><body><p class='{'a' * 1_000_000}'>{P1}</p></body></html>",
        "<html><head><script type='application/ld+json'>{not json</script></head></html>",
        "<html><head><script type='application/ld+json'>" + "[" * 5000 + "</script></head></html>",
        "plain text, no markup at all",
        "<p>" + "word " * 100_000 + "</p>",
    ],
)
def test_body_garbage_never_raises_unexpected_errors(html: str) -> None:
    # Given hostile or broken input
    # When extracted
    try:
        result = extract_html(html)
    except IngestError:
        return
    # Then an article (maybe empty) comes back
    assert isinstance(result.paragraphs, list)


def test_body_summary_bullets_are_read_from_a_key_points_box() -> None:
    # Given a key-points list above the text
    bullets = (
        "<ul class='article-key-points'><li>Two new lines by 2027.</li>"
        "<li>It will cost 400m euros.</li></ul>"
    )
    # When extracted
    result = extract_html(_page(bullets + f"<p>{P1}</p><p>{P2}</p>"))
    # Then the bullets are the summary
    assert result.summary == ["Two new lines by 2027.", "It will cost 400m euros."]


def test_body_byline_paragraph_names_the_author_when_metadata_does_not() -> None:
    # Given a page without author metadata whose text ends with an author line
    page = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>Autor: Max Muster</p>")
    page = page.replace("<meta name='author' content='Jane Doe'>", "")
    # When extracted
    result = extract_html(page)
    # Then the author is read from it and the line leaves the body
    assert result.authors == ["Max Muster"]
    assert result.paragraphs == [P1, P2, P3]


def test_body_keeps_paywalled_text_hidden_by_class() -> None:
    # Given an article whose second half is hidden behind a paywall class
    article = f"<p>{P1}</p><div class='paywall hidden'><p>{P2}</p><p>{P3}</p></div>"
    # When extracted
    result = extract_html(_page(article))
    # Then the hidden article text is still the body
    assert result.paragraphs == [P1, P2, P3]


@pytest.mark.parametrize(
    "pitch",
    [
        "Get the latest updates right in your inbox. Subscribe to our newsletters.",
        "For the latest stories download the City Paper apps for iOS and Android.",
        "¡Mira lo que tiene nuestro canal de YouTube!",
        "Unterstütze CityMag bereits mit 2,50!",
        "Support our journalism with a subscription.",
    ],
)
def test_body_drops_closing_promo_lines(pitch: str) -> None:
    # Given an article that ends with a newsletter, app, channel or support pitch
    article = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{pitch}</p>"
    # When extracted
    result = extract_html(_page(article))
    # Then the pitch is gone
    assert result.paragraphs == [P1, P2, P3]


def test_body_keeps_a_closing_sentence_that_tells_of_support() -> None:
    # Given an article whose last sentence says someone will support something
    article = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>Die Stadt will die Vereine unterstützen.</p>"
    # When extracted
    result = extract_html(_page(article))
    # Then the sentence stays: only the imperative appeal is a pitch
    assert result.paragraphs[-1] == "Die Stadt will die Vereine unterstützen."


def test_body_keeps_a_sentence_full_of_links() -> None:
    # Given a paragraph whose words are mostly links but which is a sentence
    linked = (
        "<p>The <a href='/a'>Swedish investigation had been shelved</a> in 2017 but was "
        "<a href='/b'>re-opened earlier this year</a> following his eviction.</p>"
    )
    # When extracted
    result = extract_html(_page(f"<p>{P1}</p>{linked}<p>{P2}</p>"))
    # Then it stays, a teaser list would not
    assert len(result.paragraphs) == 3


def test_body_blocks_of_a_container_are_those_a_fresh_read_gives() -> None:
    # Given a page read once (its blocks and where each element's blocks lie)
    from article_ingest.extract.html.blocks import Block, Spans, emit
    from article_ingest.extract.html.parse import parse

    table = "<table><tr><td>Line</td><td>Opens</td></tr><tr><td>A</td><td>2027</td></tr></table>"
    html = _page(
        f"<p>{P1}</p><div>Loose <b>text</b><p>{P2}</p>tail</div>{table}<ul><li>{P3}</li></ul>"
    )
    root = parse(html)
    assert root is not None
    page: list[Block] = []
    spans = Spans()
    emit(root, page, 0, spans)
    # When any element's blocks are taken from that read
    for el in root.iter():
        fresh: list[Block] = []
        emit(el, fresh)
        # Then they are the blocks reading the element alone gives
        assert [(b.text, b.link_chars, b.tag, b.el) for b in spans.blocks_of(el, page)] == [
            (b.text, b.link_chars, b.tag, b.el) for b in fresh
        ]


def test_the_servers_php_warnings_are_not_the_body() -> None:
    # Given a short post on a page whose plugin prints PHP warnings into a longer list
    warning = (
        "<li><b>Warning</b>: Use of undefined constant comments - assumed 'comments' (this "
        "will throw an Error in a future version of PHP) in <b>/htdocs/wp-content/plugins/"
        "recent-comments/recent-comments.php</b> on line <b>928</b></li>"
    )
    html = _page(f"<p>{P1}</p>", outside=f"<aside><ul>{warning * 6}</ul></aside>")
    # When extracted
    result = extract_html(html)
    # Then the post is the body, and no warning is in it
    assert result.paragraphs == [P1]
