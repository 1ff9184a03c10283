"""The same article posted 50 times at once leaves one record; versions racing stay whole."""

from __future__ import annotations

import json
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..conftest import RECORDS_ONLY
from .integration_support import load_event

THREADS = 50
HTML_EVENT = load_event("api_post_html.json")


def test_ingest_50_concurrent_duplicates_store_one_record(
    store: Any, settings: Any, aws: Any
) -> None:
    # Given one article / When 50 threads ingest it at the same moment
    from article_ingest.service import RawInput, ingest

    raw = RawInput(
        HTML_EVENT["body"].encode(), "text/html", "api", HTML_EVENT["queryStringParameters"]["url"]
    )
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(lambda _: ingest(raw, settings, store), range(THREADS)))
    # Then exactly one call created it, the rest found it unchanged, and one item exists
    assert Counter(r.status for r in results) == {"created": 1, "unchanged": THREADS - 1}
    assert len({r.article.id for r in results}) == 1
    assert aws[1].scan(TableName=settings.table_name, FilterExpression=RECORDS_ONLY)["Count"] == 1
    keys = aws[0].list_objects_v2(Bucket=settings.bucket_name, Prefix="articles/")["KeyCount"]
    assert keys == 1


def test_ingest_concurrent_versions_one_created_and_the_index_names_a_stored_version(
    store: Any, settings: Any, aws: Any
) -> None:
    # Given 8 different versions of one article (same URL, one sentence differs)
    from article_ingest.service import RawInput, ingest

    body = HTML_EVENT["body"]
    url = HTML_EVENT["queryStringParameters"]["url"]
    marker = "the port authority said"
    assert marker in body
    versions = [
        RawInput(
            body.replace(marker, f"the port authority said in release {i}", 1).encode(),
            "text/html",
            "api",
            url,
        )
        for i in range(8)
    ]
    # When they are ingested at the same moment
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda raw: ingest(raw, settings, store), versions))
    # Then one call created the record and every other reports an update of it
    assert Counter(r.status for r in results) == {"created": 1, "updated": 7}
    # And the one index item points at a stored version whose hash it carries
    items = aws[1].scan(TableName=settings.table_name, FilterExpression=RECORDS_ONLY)["Items"]
    assert len(items) == 1
    stored = store.get(results[0].article.id)
    assert stored.content_sha256 == items[0]["content_sha256"]["S"]
    assert stored.content_sha256 in {r.article.content_sha256 for r in results}


def test_local_api_50_concurrent_posts_one_201(local_server: Any) -> None:
    # Given the local stack / When 50 clients POST the same page at once
    url = f"{local_server.url}/articles?url={HTML_EVENT['queryStringParameters']['url']}"

    def post(_: int) -> int:
        request = urllib.request.Request(
            url,
            data=HTML_EVENT["body"].encode(),
            method="POST",
            headers={"Content-Type": "text/html"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            status: int = response.status
            return status

    with ThreadPoolExecutor(THREADS) as pool:
        statuses = Counter(pool.map(post, range(THREADS)))
    # Then one is created and 49 see it unchanged
    assert statuses == {201: 1, 200: THREADS - 1}
    with urllib.request.urlopen(f"{local_server.url}/articles", timeout=30) as response:
        items = json.load(response)["items"]
    assert [i["publisher"] for i in items].count("Harbour Times") == 1
