"""Main content detection: score containers by their paragraphs, merge siblings, filter blocks.

The scoring follows Readability's proven shape (paragraph score propagated to
ancestors, scaled by link density, plus class/id evidence) and adds the
article-body vocabulary of modern CMSs as a strong bonus.
"""

from __future__ import annotations

from lxml import etree

from . import vocabulary as v
from .blocks import Block, Spans, emit
from .parse import attr, class_id, collapse, tag_of, text_of

# A block shorter than this never votes for a container (Readability uses 25).
MIN_VOTE_CHARS = 25
# Ancestor levels a paragraph's score reaches, and the share each level gets.
VOTE_LEVELS = 5
# Candidates whose link density is computed exactly (the rest are far behind).
TOP_CANDIDATES = 10
# Class/id evidence, in paragraph-score units (one long paragraph ≈ 4).
BODY_TOKEN_BONUS = 50.0
WEAK_TOKEN_PENALTY = 25.0
# A container named the article body inside another one so named, with fewer voting
# blocks than this, is a component of the page (a "recent posts" shortcode whose
# teaser sits in "post-content" like the article around it): no bonus.
MIN_NESTED_NAMED_VOTES = 2
# Siblings join the top candidate when their score reaches this share of it.
SIBLING_SHARE = 0.2
# JSON-LD articleBody as evidence: only a real body (not a teaser) counts; a block
# whose first characters occur in it votes double, others half (44 of the 306
# dev pages state one; it picks the article among teaser lists of equal length).
MIN_HINT_CHARS = 500
HINT_PROBE_CHARS = 60
HINT_MATCH_WEIGHT = 2.0
HINT_MISS_WEIGHT = 0.5


# Climbing: prose blocks are this long and nearly unlinked; an ancestor must hold this
# many times the candidate's prose.
CLIMB_PROSE_CHARS = 100
CLIMB_LINK_DENSITY = 0.25
CLIMB_RATIO = 1.5
CLIMB_LEVELS = 3
# A heading mostly made of a link is a teaser's title; the block under it its summary.
MAX_LINK_DENSITY_PROSE = 0.5
# Page builders (WPBakery, tagDiv) nest each text box five or more levels under the
# container the theme names the article body ("td-post-content"), out of the votes'
# reach. That named container, up to this many levels above the chosen box, is the
# article when it holds this much more prose and is not a link list.
NAMED_BODY_LEVELS = 8
NAMED_BODY_RATIO = 1.15
NAMED_BODY_LINK_DENSITY = 0.2
# Repeated boxes (a thread's posts, a grid of text boxes): levels above the chosen
# text where its box may sit, and the link share above which a box is a teaser.
REPEAT_LEVELS = 8
REPEAT_MAX_LINKS = 0.5


def _vote(block: Block) -> float:
    if block.is_heading or len(block.text) < MIN_VOTE_CHARS or block.link_density > 0.5:
        return 0.0
    return 1.0 + len(v.COMMA.findall(block.text)) + min(len(block.text) / 100.0, 3.0)


def _tag_weight(el: etree._Element) -> float:
    tag = tag_of(el)
    if tag in ("div", "article", "section", "main"):
        return 5.0
    if tag in ("pre", "td", "blockquote"):
        return 3.0
    if tag in ("address", "ol", "ul", "dl", "dd", "dt", "li", "form"):
        return -3.0
    if tag in v.HEADING_TAGS or tag == "th":
        return -5.0
    return 0.0


def _class_weight(el: etree._Element) -> float:
    tokens = class_id(el)
    weight = 0.0
    if _is_named_body(el, tokens):
        weight += BODY_TOKEN_BONUS
    elif tokens and v.BOILERPLATE_WEAK.search(tokens) and not v.CONTENT_TOKEN.search(tokens):
        weight -= WEAK_TOKEN_PENALTY
    return weight


def _link_density(el: etree._Element) -> float:
    total = len(text_of(el))
    links = sum(len(text_of(a)) for a in el.iter("a"))
    return links / max(total, 1)


def score_candidates(blocks: list[Block], hint: str = "") -> dict[etree._Element, float]:
    """Readability-style scores of the ancestors of every voting block.

    Args:
        blocks: the page's blocks.
        hint: the article text the page states elsewhere (JSON-LD articleBody);
            blocks found in it vote louder, the others softer.
    """
    scores: dict[etree._Element, float] = {}
    voters: dict[etree._Element, int] = {}
    hint = collapse(hint) if len(hint) >= MIN_HINT_CHARS else ""
    for block in blocks:
        vote = _vote(block)
        if not vote:
            continue
        if hint:
            vote *= HINT_MATCH_WEIGHT if block.text[:HINT_PROBE_CHARS] in hint else HINT_MISS_WEIGHT
        node = block.el.getparent() if block.tag in v.LEAF_BLOCK_TAGS else block.el
        level = 0
        while node is not None and level < VOTE_LEVELS:
            if node not in scores:
                scores[node] = _tag_weight(node) + _class_weight(node)
            scores[node] += vote if level == 0 else vote / 2 if level == 1 else vote / (level * 3)
            voters[node] = voters.get(node, 0) + 1
            node = node.getparent()
            level += 1
    for node, count in voters.items():
        if count < MIN_NESTED_NAMED_VOTES and _nested_named_body(node):
            scores[node] -= BODY_TOKEN_BONUS
    return scores


def _nested_named_body(el: etree._Element) -> bool:
    """Named the article body inside an ancestor named so too."""
    return _is_named_body(el) and any(map(_is_named_body, el.iterancestors()))


def _top(scores: dict[etree._Element, float]) -> tuple[etree._Element | None, float]:
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:TOP_CANDIDATES]
    best, best_score = None, 0.0
    for el, score in ranked:
        final = score * (1.0 - _link_density(el))
        scores[el] = final
        if final > best_score:
            best, best_score = el, final
    return best, best_score


def _siblings(
    top: etree._Element, top_score: float, scores: dict[etree._Element, float]
) -> list[etree._Element]:
    parent = top.getparent()
    if parent is None or tag_of(top) == "body":
        return [top]
    threshold = max(10.0, top_score * SIBLING_SHARE)
    top_class = attr(top, "class")
    chosen: list[etree._Element] = []
    for sib in parent:
        if sib is top:
            chosen.append(sib)
            continue
        bonus = top_score * 0.2 if top_class and attr(sib, "class") == top_class else 0.0
        if scores.get(sib, 0.0) + bonus >= threshold:
            chosen.append(sib)
        elif tag_of(sib) == "p":
            text = text_of(sib)
            density = _link_density(sib)
            if (len(text) > 80 and density < 0.25) or (
                0 < len(text) <= 80 and density == 0 and v.SENTENCE_END.search(text)
            ):
                chosen.append(sib)
    return chosen


def densest_prose(root: etree._Element, hint: str = "") -> etree._Element | None:
    """The best-scoring container of the (uncleaned) page: what clean-up must keep."""
    body = root.find("body")
    blocks: list[Block] = []
    emit(body if body is not None else root, blocks)
    top, _ = _top(score_candidates(blocks, hint))
    return top


def find_content(
    root: etree._Element,
    hint: str = "",
    blocks: list[Block] | None = None,
    spans: Spans | None = None,
) -> list[etree._Element]:
    """The element(s) holding the article text, in document order (empty when none).

    Args:
        root: the cleaned tree.
        hint: the article text as the page's JSON-LD states it, when it does.
        blocks: filled with the page's blocks, when given.
        spans: filled with where each element's blocks lie in `blocks`.
    """
    body = root.find("body")
    if body is None:
        body = root
    if blocks is None:
        blocks = []
    emit(body, blocks, 0, spans)
    scores = score_candidates(blocks, hint)
    top, top_score = _top(scores)
    if top is None:
        return []
    # Several strong candidates under one ancestor: the article is split; take the ancestor.
    ancestors = list(top.iterancestors())
    alternatives = [el for el, s in scores.items() if el is not top and s >= 0.75 * top_score]
    if len(alternatives) >= 2:
        for anc in ancestors[:VOTE_LEVELS]:
            if sum(1 for alt in alternatives if anc in set(alt.iterancestors())) >= 2:
                top, top_score = anc, max(top_score, scores.get(anc, 0.0))
                break
    while (parent := top.getparent()) is not None and tag_of(parent) != "body" and len(parent) == 1:
        top = parent
    top = _climb(top, blocks, spans if spans is not None else Spans())
    chosen = _siblings(top, top_score, scores)
    return chosen if len(chosen) > 1 else _repeated_boxes(top) or chosen


def _same_kind(a: etree._Element, b: etree._Element) -> bool:
    """Same tag, and the same classes or the same first class ("message is-first")."""
    if tag_of(a) != tag_of(b):
        return False
    ca, cb = attr(a, "class"), attr(b, "class")
    return ca == cb or ca.split()[:1] == cb.split()[:1]


def _repeated_boxes(top: etree._Element) -> list[etree._Element]:
    """The article's text when it is split into repeated boxes, or [].

    A forum thread's posts, a page's grid of text boxes: `top` is the text of one
    box, and the box (up to REPEAT_LEVELS above) has siblings of its kind, each
    holding an element of top's kind. Those elements, in document order, are the
    text; one that is mostly links is a teaser, not a post.
    """
    if not attr(top, "class"):
        return []  # an unnamed <div> or <p> has too many look-alikes
    node = top
    for _ in range(REPEAT_LEVELS):
        node = node.getparent()
        parent = None if node is None else node.getparent()
        if parent is None or tag_of(node) == "body":
            return []
        if not attr(node, "class"):
            continue
        found: list[etree._Element] = []
        for box in parent:
            if box is node:
                found.append(top)
            elif _same_kind(box, node):
                text = next((d for d in box.iter(tag_of(top)) if _same_kind(d, top)), None)
                if text is not None and text_of(text) and _link_density(text) < REPEAT_MAX_LINKS:
                    found.append(text)
        if len(found) >= 2:
            return found
    return []


def _prose_chars(el: etree._Element, blocks: list[Block], spans: Spans) -> int:
    """Characters of article-like prose under `el`: long, nearly unlinked blocks that
    are not teasers (a linked list item, or the summary under a linked heading)."""
    total, teaser = 0, False
    for b in spans.blocks_of(el, blocks):
        if b.is_heading and len(b.text) < CLIMB_PROSE_CHARS:  # a long one is a paragraph
            teaser = b.link_density > MAX_LINK_DENSITY_PROSE
            continue
        if (
            not teaser
            and len(b.text) >= CLIMB_PROSE_CHARS
            and b.link_density < CLIMB_LINK_DENSITY
            and not (b.tag == "li" and b.link_chars)
        ):
            total += len(b.text)
        teaser = False
    return total


def _climb(top: etree._Element, blocks: list[Block], spans: Spans) -> etree._Element:
    """The ancestor holding the article when the top candidate is one section of it.

    Guides, FAQs and product tests split their text into many boxes of similar
    weight; the best box is a fraction of the article. An ancestor (up to
    CLIMB_LEVELS above) whose prose is CLIMB_RATIO times the candidate's holds more
    of the same article; the walk goes on from there.
    """
    own = _prose_chars(top, blocks, spans)
    node, levels = top, 0
    while (node := node.getparent()) is not None and tag_of(node) != "body":
        levels += 1
        if levels > CLIMB_LEVELS or own == 0:
            break
        more = _prose_chars(node, blocks, spans)
        if more >= own * CLIMB_RATIO:
            top, own, levels = node, more, 0
    return _named_body_above(top, own, blocks, spans)


def _is_named_body(el: etree._Element, tokens: str | None = None) -> bool:
    """Named the article body by its itemprop or class/id (`tokens`, when known)."""
    if attr(el, "itemprop") == "articleBody":
        return True
    return bool(v.ARTICLE_BODY_TOKEN.search(class_id(el) if tokens is None else tokens))


def _named_body_above(
    top: etree._Element, own: int, blocks: list[Block], spans: Spans
) -> etree._Element:
    """The nearest ancestor named the article body, when it holds more of its prose."""
    if _is_named_body(top):
        return top
    node = top
    for _ in range(NAMED_BODY_LEVELS):
        node = node.getparent()
        if node is None or tag_of(node) == "body":
            break
        if _is_named_body(node):
            more = _prose_chars(node, blocks, spans) >= own * NAMED_BODY_RATIO
            return node if more and _link_density(node) < NAMED_BODY_LINK_DENSITY else top
    return top
