"""Bylines apart from the header: CJK credit lines and signatures under the body."""

from __future__ import annotations

import pytest

from article_ingest.extract.text.author_lines import cjk_byline, signature
from article_ingest.extract.text.lines import split_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(责编：牛镛、岳弘彬)", ["牛镛", "岳弘彬"]),
        ("记者 张三", ["张三"]),
        ("文／山田太郎", ["山田太郎"]),
        ("山田太郎記者", ["山田太郎"]),
        ("홍길동 기자 hong@example.co.kr", ["홍길동"]),
    ],
)
def test_cjk_byline_reads_credit_line(text: str, expected: list[str]) -> None:
    # Given a CJK credit line
    lines = split_lines(text)
    # When it is read as a byline
    found = cjk_byline(lines, [0])
    # Then the names it credits are the authors
    assert found is not None and found.authors == expected


@pytest.mark.parametrize(
    "text", ["新华社记者", "글자크기 설정", "서울 강남구 기자회견장에서 열린 행사"]
)
def test_cjk_byline_rejects_organisations_and_words_starting_with_role(text: str) -> None:
    # Given an agency credit without a name, or a word that merely starts with a role word
    lines = split_lines(text)
    # When it is read as a byline
    # Then no author is found
    assert cjk_byline(lines, [0]) is None


def test_cjk_byline_collects_reporters_listed_with_emails() -> None:
    # Given reporters one per line, each followed by an e-mail address
    lines = split_lines("배윤경 기자\nbykj@mk.co.kr\n이상현 기자\nlee@mk.co.kr\n입력 : 2025-06-04")
    # When the first credit line is read
    found = cjk_byline(lines, [0])
    # Then every reporter is an author and all their lines belong to the byline
    assert found is not None
    assert found.authors == ["배윤경", "이상현"]
    assert found.line_indices == [0, 1, 2, 3]


def test_signature_reads_name_repeated_in_author_box() -> None:
    # Given a person's name under the body, repeated in the author box below
    lines = split_lines(
        "Last paragraph.\n\nAndrei Kolesnikov\nFollow the author:\nAndrei Kolesnikov"
    )
    # When the first line under the body is read as a signature
    found = signature(lines, 1)
    # Then the name is the author
    assert found is not None and found.authors == ["Andrei Kolesnikov"]


@pytest.mark.parametrize(
    "text", ["Quick Links\nAbout\nContact", "Leave Comments\nName\nEmail", "Jane Doe\nMore"]
)
def test_signature_rejects_labels_and_unrepeated_names(text: str) -> None:
    # Given a capitalised label (or a name the page does not repeat) under the body
    lines = split_lines(text)
    # When it is read as a signature
    # Then it is no author
    assert signature(lines, 0) is None
