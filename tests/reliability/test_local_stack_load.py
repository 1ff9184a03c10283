"""Concurrent POSTs to the local stack over HTTP: nothing lost, nothing duplicated."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import quote

from .support import PARAGRAPH

DUPLICATES = 50
DISTINCT = 200


def _article(publisher: str, n: int) -> bytes:
    """Article n of a run: its own headline, body and URL; the run's publisher."""
    return (
        f'<!DOCTYPE html><html><head><meta property="og:site_name" content="{publisher}">'
        f'<link rel="canonical" href="https://load.example/{publisher}/{n}"></head><body>'
        f"<article><h1>Story number {n} of the load run</h1><p>Story {n}: {PARAGRAPH}</p>"
        f"<p>Follow-up {n}: {PARAGRAPH}</p></article></body></html>"
    ).encode()


def _post(base: str, body: bytes) -> tuple[int, str]:
    request = urllib.request.Request(
        f"{base}/articles", data=body, method="POST", headers={"Content-Type": "text/html"}
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.load(response)["id"]
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _listed(base: str, publisher: str) -> list[str]:
    """Every id the index lists for `publisher`, following the cursor."""
    ids: list[str] = []
    cursor = ""
    while True:
        url = f"{base}/articles?publisher={quote(publisher)}&limit=100" + (
            f"&cursor={quote(cursor)}" if cursor else ""
        )
        with urllib.request.urlopen(url, timeout=30) as response:
            page = json.load(response)
        ids += [item["id"] for item in page["items"]]
        cursor = page.get("next_cursor") or ""
        if not cursor:
            return ids


def test_local_stack_50_concurrent_duplicates_leave_one_record(local_stack: Any) -> None:
    # Given one article and 50 clients
    publisher = f"Dup-{uuid.uuid4().hex[:8]}"
    body = _article(publisher, 0)
    # When they all POST it at once over HTTP
    with ThreadPoolExecutor(DUPLICATES) as pool:
        results = list(pool.map(lambda _: _post(local_stack.url, body), range(DUPLICATES)))
    # Then one 201, 49 200s, one id, and the index lists exactly one record
    assert Counter(status for status, _ in results) == {201: 1, 200: DUPLICATES - 1}
    assert len({article_id for _, article_id in results}) == 1
    assert _listed(local_stack.url, publisher) == [results[0][1]]


def test_local_stack_200_concurrent_distinct_articles_are_all_stored(local_stack: Any) -> None:
    # Given 200 different articles
    publisher = f"Load-{uuid.uuid4().hex[:8]}"
    bodies = [_article(publisher, n) for n in range(DISTINCT)]
    # When 50 clients POST them concurrently over HTTP
    with ThreadPoolExecutor(50) as pool:
        results = list(pool.map(lambda b: _post(local_stack.url, b), bodies))
    # Then every one was created once, and the index lists 200 distinct records
    assert Counter(status for status, _ in results) == {201: DISTINCT}
    ids = {article_id for _, article_id in results}
    listed = _listed(local_stack.url, publisher)
    assert len(ids) == DISTINCT
    assert len(listed) == DISTINCT and set(listed) == ids
