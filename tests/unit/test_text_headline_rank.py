"""The headline ranker: rule terms with hand weights plus fitted furniture terms."""

from __future__ import annotations

from article_ingest.extract.text import extract
from article_ingest.extract.text.headline_rank import FEATURES, PRIOR, features, find_headline
from article_ingest.extract.text.headline_weights import WEIGHTS
from article_ingest.extract.text.lines import split_lines

PARA = (
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "a project that officials say will take five years and cost about 400 million euros."
)


def test_weights_match_features_and_keep_rule_weights() -> None:
    # Given the shipped weights
    # Then there is one per feature, and the rules' terms keep their hand weights
    assert len(WEIGHTS) == len(FEATURES)
    for name, weight in PRIOR.items():
        assert WEIGHTS[FEATURES.index(name)] == weight


def test_find_headline_takes_one_word_title_above_the_body() -> None:
    # Given a page whose title is a single word above its first paragraph
    lines = split_lines("Home\nContact\n\nmaudlin\n\n" + f"{PARA}\n\n" * 3)
    # When the headline is looked for above the body run (line 3)
    # Then the one-word title is taken, not a menu entry
    assert find_headline(lines, 3, 0, 4, "") == 2


def test_features_mark_glued_menu_words_share_buttons_and_prompts() -> None:
    # Given a glued link row, a share bar and a newsletter prompt above a body
    lines = split_lines(
        "Weather TodayNews TeamCareers Sport\nFacebook Twitter Flipboard Send Email\n"
        "Sign up for our newsletter\n\n" + f"{PARA}\n\n" * 2
    )
    # When their features are read
    shaped = dict.fromkeys(range(3), True)
    rows = [features(lines, i, (3, 0), shaped, {}, "", frozenset()) for i in range(3)]
    glued, social, prompt = (FEATURES.index(n) for n in ("glued_words", "social", "prompt"))
    # Then each is marked as what it is, and only that
    assert [row[glued] for row in rows] == [1.0, 0.0, 0.0]
    assert [row[social] for row in rows] == [0.0, 1.0, 0.0]
    assert [row[prompt] for row in rows] == [0.0, 0.0, 1.0]


def test_fitted_weights_count_against_furniture() -> None:
    # Given the fitted weights of the furniture terms
    # Then each lowers a candidate's score
    for name in ("glued_words", "social", "prompt", "breadcrumb"):
        assert WEIGHTS[FEATURES.index(name)] < 0


def test_find_headline_skips_paragraph_inside_body_run() -> None:
    # Given a body run whose second line is a sentence
    lines = split_lines("Menu\n\n" + PARA + "\n\nIt will open in 2029.\n\n" + f"{PARA}\n\n" * 2)
    # When the headline is looked for a few lines into the run
    found = find_headline(lines, 1, 0, 4, "")
    # Then no paragraph inside the run is the headline
    assert found in (0, 1)


def test_extract_uses_ranker_for_headline() -> None:
    # Given a paste with a one-word title
    article = extract("Menu\n\nPickwickian\n\n" + f"{PARA}\n\n" * 3)
    # When it is extracted
    # Then the title is the headline
    assert article.headline == "Pickwickian"


def test_features_mark_breadcrumb_trails() -> None:
    # Given a breadcrumb trail ending with the title, and the title itself
    lines = split_lines(
        "Home » Desserts » Peanut Butter Truffles\nPeanut Butter Truffles\n\n" + f"{PARA}\n\n" * 2
    )
    shaped = dict.fromkeys(range(2), True)
    rows = [features(lines, i, (2, 0), shaped, {}, "", frozenset()) for i in range(2)]
    crumb = FEATURES.index("breadcrumb")
    # When their features are read
    # Then only the trail is marked
    assert [row[crumb] for row in rows] == [1.0, 0.0]
