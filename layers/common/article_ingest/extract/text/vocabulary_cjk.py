"""Byline vocabulary of Chinese, Japanese and Korean pages (see `signature`).

Kept apart from `vocabulary` so each module stays small; same conventions.
"""

from __future__ import annotations

import re

_HAN = "\u4e00-\u9fff"
_HANGUL = "\uac00-\ud7af"
# A person's name: two to five Han characters (Chinese, Japanese) or two to four
# Hangul syllables (Korean); a middle dot joins transliterated names.
CJK_NAME = re.compile(rf"[{_HAN}]{{2,5}}|[{_HANGUL}]{{2,4}}|[{_HAN}]{{1,6}}·[{_HAN}]{{1,6}}")
# Between several names: the ideographic comma, commas, spaces.
CJK_NAME_SPLIT = re.compile(r"\s*[、，,;；/\s]\s*")
# Role words that *precede* the names: "(责编：牛镛、岳弘彬)", "记者 张三", "文／山田太郎".
CJK_BYLINE = re.compile(
    r"^[(（【\[]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯|记者|記者|作者|撰文|文|"
    r"执笔|執筆|筆者|取材|글|취재)(?:\s*[:：/／|｜]\s*|\s+)"
    rf"(?P<names>[{_HAN}{_HANGUL}·][{_HAN}{_HANGUL}·、，,\s]*?)\s*[)）】\]]?$"
)
# Role words that *follow* the name: "배윤경 기자", "山田太郎記者", "홍길동 기자 hong@mk.co.kr".
CJK_REPORTER = re.compile(
    rf"^(?P<names>[{_HAN}{_HANGUL}][{_HAN}{_HANGUL}、，,\s]*?)\s*"
    r"(?:기자|특파원|선임기자|記者|特派員|編集委員)"  # Chinese puts 记者 first
    r"(?:\s+\S+@\S+)?\s*$"
)
# An e-mail address alone on its line (Korean bylines list one under each name).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
