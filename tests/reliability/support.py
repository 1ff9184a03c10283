"""Helpers of the reliability tests: an article paragraph and a bounded extract()."""

from __future__ import annotations

import time

from article_ingest.errors import IngestError
from article_ingest.models import Article
from article_ingest.service import RawInput, extract
from article_ingest.settings import Settings

SETTINGS = Settings()
PARAGRAPH = (
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "a project that officials say will take five years and cost about 400 million euros."
)
# Generous bound for pathological inputs: a real page takes milliseconds.
BOUND_SECONDS = 10.0


def page(body: str, head: str = "") -> bytes:
    """A small HTML page around `body` (UTF-8)."""
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def run(data: bytes, content_type: str | None = None, url: str | None = None) -> Article | str:
    """extract() within BOUND_SECONDS of CPU time: the Article, or the error code it raised."""
    start = time.process_time()
    try:
        article, _ = extract(RawInput(data, content_type, "api", url), SETTINGS)
        outcome: Article | str = article
    except IngestError as exc:
        outcome = exc.code
    assert time.process_time() - start < BOUND_SECONDS
    return outcome
