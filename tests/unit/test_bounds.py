"""Size bounds: byte caps of fields and the response cost of an Article's body."""

from __future__ import annotations

import json

import pytest

from article_ingest.bounds import (
    cap_bytes,
    cap_total_bytes,
    cut_paragraphs,
    response_bytes,
    text_cost,
)


def test_cap_bytes_cuts_at_a_character_boundary_and_a_near_word() -> None:
    # Given text over the cap in multi-byte characters / When capped
    capped = cap_bytes("Très long titre " * 100, 50)
    # Then it is within the cap, valid text, ended at a word
    assert len(capped.encode()) <= 50 and capped == "Très long titre Très long titre Très long"
    assert cap_bytes("中" * 100, 10) == "中" * 3
    assert cap_bytes("short", 10) == "short"


def test_cap_total_bytes_keeps_the_first_values_that_fit() -> None:
    assert cap_total_bytes(["aaaa", "bbbb", "cc"], 9) == ["aaaa", "bbbb"]


@pytest.mark.parametrize("text", ["plain words", 'quotes " and \\ backslashes', "é中😀\n\n"])
def test_response_bytes_is_what_the_runtime_sends(text: str) -> None:
    # Given a value as the API serialises it, and the runtime wraps it again
    body = json.dumps({"body": text}, separators=(",", ":"))
    # Then its response cost is that string's size inside the response JSON
    assert response_bytes({"body": text}) == len(json.dumps(body))
    assert text_cost(text * 3) == 3 * text_cost(text)


def test_cut_paragraphs_keeps_whole_paragraphs_then_a_head() -> None:
    # Given three paragraphs and room for one and a half
    paragraphs = ["alpha " * 20, "beta " * 20, "gamma " * 20]
    budget = text_cost(paragraphs[0]) + 6 + 60
    # When cut
    kept, cut = cut_paragraphs(paragraphs, budget)
    # Then the first is whole, the second cut at a word, the third gone
    assert cut and kept[0] == paragraphs[0] and len(kept) == 2
    assert kept[1].startswith("beta") and kept[1].endswith("beta")
    assert text_cost("\n\n".join(kept)) <= budget


def test_cut_paragraphs_leaves_what_fits() -> None:
    assert cut_paragraphs(["a", "b"], 1000) == (["a", "b"], False)
