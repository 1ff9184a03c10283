"""Bylines written apart from the header's Latin shapes (see `byline` for those).

* CJK credit lines: "(责编：牛镛、岳弘彬)", "记者 张三", "배윤경 기자" (the role
  word follows a Korean or Japanese name), several reporters on their own lines
  with their e-mail addresses between them;
* an author's signature: a lone person name on the first line under the body
  ("... the last paragraph." / "Андрей Колесников"), repeated in the author box
  just below.
"""

from __future__ import annotations

from .byline import Byline, is_person
from .lines import Kind, Line
from .vocabulary_cjk import CJK_BYLINE, CJK_NAME, CJK_NAME_SPLIT, CJK_REPORTER, EMAIL

# A CJK credit line is short (a label, two to four names, an e-mail address).
CJK_BYLINE_MAX_CHARS = 60
# Reporters listed one per line: at most this many lines (names and e-mails) in a run.
REPORTER_RUN_LINES = 12
# A signature's name is repeated in the author box within this many lines.
SIGNATURE_REPEAT_REACH = 10


def _cjk_names(text: str) -> list[str]:
    names = [n for n in CJK_NAME_SPLIT.split(text.strip()) if n]
    return names if names and all(CJK_NAME.fullmatch(n) for n in names) else []


def _cjk_line(text: str) -> list[str]:
    """The names a CJK credit line gives, or []."""
    if len(text) > CJK_BYLINE_MAX_CHARS:
        return []
    m = CJK_BYLINE.match(text) or CJK_REPORTER.match(text)
    return _cjk_names(m.group("names")) if m else []


def cjk_byline(lines: list[Line], indices: list[int]) -> Byline | None:
    """Names from the first CJK credit line among `indices`, with the reporter
    lines (and e-mail lines) that follow it."""
    for i in indices:
        names = _cjk_line(lines[i].text)
        if not names:
            continue
        used = [i]
        j = i + 1
        while j < min(len(lines), i + REPORTER_RUN_LINES):
            text = lines[j].text
            more = _cjk_line(text)
            if not more and not EMAIL.fullmatch(text):
                break
            names += more
            used.append(j)
            j += 1
        return Byline(list(dict.fromkeys(names)), None, used)
    return None


def signature(lines: list[Line], at: int) -> Byline | None:
    """The author's name signed on line `at`, the first line under the body.

    Only a short line that is nothing but a person's name counts; a sentence,
    a caption or a name with a role is not a signature.
    """
    if not 0 <= at < len(lines):
        return None
    line = lines[at]
    if line.kind is not Kind.SHORT or not is_person(line.text) or line.text.isupper():
        return None
    # The author box below repeats the name ("Follow the author: / Name"); a
    # label ("Quick Links", "Leave Comments") stands once.
    again = lines[at + 1 : at + 1 + SIGNATURE_REPEAT_REACH]
    if not any(ln.text == line.text for ln in again):
        return None
    return Byline([line.text], None, [at])
