"""Request examples for the OpenAPI document, so that Swagger UI's "Try it out"
sends a real article instead of the schema's placeholder "string" (which holds no
article and would be answered 422). They are the opening of seeds/' sample article
(the seeds folder is not part of the Lambda layer, hence a copy): pasted text as a
reader copies it from the page, the same article as HTML, and as JSON."""

from __future__ import annotations

from typing import Any

SEED_URL = "https://stocktwits.com/news-articles/markets/equity/china-confirms-trade-talks"

HEADLINE = (
    "China Confirms High-Level Trade Talks With US In Malaysia Amid Lingering Trade Frictions"
)

_PARAGRAPHS = (
    "A significant headwind that has tempered market optimism in recent sessions may soon "
    "be resolved, with the Chinese Commerce Ministry reportedly confirming that bilateral "
    "talks will be held between both sides in Malaysia from Oct. 24 to 27.",
    "Chinese Vice-Premier He Lifeng, who is the country’s top trade negotiator, will lead a "
    "delegation to Malaysia to hold economic and trade consultations with the U.S. side, the "
    "Chinadaily.com reported, citing a spokesperson of the ministry. The two sides will "
    "discuss key economic and trade issues within the purview of the critical consensus "
    "reached between U.S. President Donald Trump and his Chinese counterpart, Xi Jinping, "
    "during their phone calls held earlier this year.",
)

# As pasted from the page: photo caption, share widgets and all (the service strips them).
TEXT = (
    f"{HEADLINE}\n\n"
    "In this photo illustration portraits of US President Donald Trump and Chinese President "
    "Xi Jinping are displayed on computer screen as US flag is seen in Ankara, Turkiye on "
    "April 10, 2025. (Photo by Dilara Irem Sancar/Anadolu via Getty Images)\n"
    "Profile Image\n"
    "Shanthi M·Stocktwits\n"
    "Published Oct 23, 2025   |   5:40 AM GMT-04\n"
    "Share\n"
    "·\n"
    f"{_PARAGRAPHS[0]}\n\n"
    "The Two Meet Again\n\n"
    f"{_PARAGRAPHS[1]}\n"
)

HTML = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    f"<title>{HEADLINE} | Stocktwits</title>"
    '<meta name="author" content="Shanthi M">'
    '<meta property="article:published_time" content="2025-10-23T05:40:00-04:00">'
    '</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
    f"<article><h1>{HEADLINE}</h1>"
    '<p class="byline">By Shanthi M · Oct 23, 2025</p>'
    f"<p>{_PARAGRAPHS[0]}</p><h2>The Two Meet Again</h2><p>{_PARAGRAPHS[1]}</p>"
    '</article><aside class="newsletter">Sign up for our newsletter</aside></body></html>'
)

JSON: dict[str, Any] = {"text": TEXT, "url": SEED_URL}


def examples(summary: str, value: Any) -> dict[str, Any]:
    """An OpenAPI media type's `examples`, with the one example Swagger UI preselects."""
    return {"examples": {"seed": {"summary": summary, "value": value}}}
