"""Size bounds of an Article: fields capped in bytes before they are stored, and the
body cut so the Article fits a synchronous Lambda response."""

from __future__ import annotations

import json

from .models import Article, Image

# Byte caps of the Article's fields (UTF-8): every index item stays far under
# DynamoDB's 400 KB item and 2,048-byte key limits (the publisher is a partition key
# of the by_publisher index), and the Article's metadata under the response bound.
# Real values are far smaller (the longest dev headline is 243 bytes, publisher 86).
MAX_HEADLINE_BYTES = 2048
MAX_NAME_BYTES = 512  # publisher, each author, tag and ticker
MAX_TEXT_BYTES = 8192  # description, each caption and summary paragraph
MAX_SUMMARY_BYTES = 32768  # all summary paragraphs together
# An escaped character costs at most this much in a response (U+1F600: "\\ud83d\\ude00").
_MAX_CHAR_COST = 14
_HEAD_SLICE = 1 << 16
# The JSON quotes around a string, escaped once more inside the response.
_STRING_OVERHEAD = 6
_PARAGRAPH_SEPARATOR_COST = 6  # "\n\n" -> \\n\\n
_COST_SLICE = 1 << 20


def cap_bytes(text: str, limit: int) -> str:
    """`text` cut to at most `limit` UTF-8 bytes at a character boundary, and at a
    word when one ends in the last 64 characters."""
    if len(text) * 4 <= limit:
        return text
    raw = text.encode("utf-8")
    if len(raw) <= limit:
        return text
    cut = raw[:limit].decode("utf-8", "ignore")
    space = cut.rfind(" ", max(0, len(cut) - 64))
    return (cut[:space] if space > 0 else cut).rstrip()


def cap_total_bytes(values: list[str], limit: int) -> list[str]:
    """The first values whose UTF-8 sizes add up to at most `limit`."""
    kept, used = [], 0
    for value in values:
        used += len(value.encode("utf-8"))
        if used > limit:
            break
        kept.append(value)
    return kept


def response_bytes(value: object) -> int:
    """Bytes `value` takes in a synchronous Lambda response: serialised as the API
    serialises bodies (compact, ASCII-only JSON), then escaped again inside the
    response document the runtime sends."""
    body = json.dumps(value, separators=(",", ":"), ensure_ascii=True)
    return len(json.dumps(body))


def _string_cost(text: str) -> int:
    return response_bytes(text) - _STRING_OVERHEAD


def text_cost(text: str) -> int:
    """Bytes `text` adds to a response as a JSON string's content, measured in slices
    (escapes are per character) so a huge body is never copied whole."""
    if len(text) <= _COST_SLICE:
        return _string_cost(text)
    return sum(_string_cost(text[i : i + _COST_SLICE]) for i in range(0, len(text), _COST_SLICE))


def fits_response(article: Article, limit: int) -> bool:
    """Whether `article` takes at most `limit` bytes of response."""
    rest = response_bytes(article.model_copy(update={"body": ""}).model_dump(mode="json"))
    if rest + len(article.body) * _MAX_CHAR_COST <= limit:
        return True  # the usual case, without measuring the body
    return rest + text_cost(article.body) <= limit


def _head_within(text: str, budget: int) -> str:
    """The longest head of `text` whose response cost is within `budget`, ended at a
    word when one ends near: whole slices while they fit, then a binary search inside
    the slice that does not (only pages far over the bound get here)."""
    start = 0
    while start < len(text):
        cost = _string_cost(text[start : start + _HEAD_SLICE])
        if cost > budget:
            break
        budget -= cost
        start += _HEAD_SLICE
    piece = text[start : start + _HEAD_SLICE]
    low, high = 0, min(len(piece), budget)
    while low < high:
        middle = (low + high + 1) // 2
        if _string_cost(piece[:middle]) <= budget:
            low = middle
        else:
            high = middle - 1
    head = text[: start + low]
    space = head.rfind(" ", max(0, len(head) - 64))
    return (head[:space] if space > 0 else head).rstrip()


def cut_paragraphs(paragraphs: list[str], budget: int) -> tuple[list[str], bool]:
    """The paragraphs that fit `budget` bytes of response once joined by blank lines
    (the last one cut short), and whether any text was left out."""
    kept: list[str] = []
    used = 0
    for paragraph in paragraphs:
        separator = _PARAGRAPH_SEPARATOR_COST if kept else 0
        cost = separator + text_cost(paragraph)
        if used + cost <= budget:
            kept.append(paragraph)
            used += cost
            continue
        head = _head_within(paragraph, budget - used - separator)
        if head:
            kept.append(head)
        return kept, True
    return kept, False


def cut_images(images: list[Image], budget: int) -> tuple[list[Image], bool]:
    """The first images that fit `budget` bytes of response, and whether any was left out."""
    kept: list[Image] = []
    used = 0
    for image in images:
        used += response_bytes(image.model_dump(mode="json")) + 1
        if used > budget:
            return kept, True
        kept.append(image)
    return kept, False
