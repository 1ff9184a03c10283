"""Extraction: HTML and pasted text in, an ExtractedArticle out.

The two extractors share nothing but the result model and the date parser;
each keeps its vocabulary (selectors, phrases, regexes) in its own module.
"""

from __future__ import annotations

from ..models import ExtractedArticle

EXTRACTOR_VERSION = "0.2.0"  # schema 2: declared headline, credited authors, body safety net


def extract_html(html: str, *, url: str | None = None) -> ExtractedArticle:
    """Extract an article from an HTML document (str, already decoded)."""
    from .html import extract

    return extract(html, url=url)


def extract_text(text: str, *, url: str | None = None) -> ExtractedArticle:
    """Extract an article from plain text copied from a rendered page."""
    from .text import extract

    return extract(text, url=url)
