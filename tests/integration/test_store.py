"""The S3 + DynamoDB store on moto, with resources built from template.yaml."""

from __future__ import annotations

from typing import Any

import pytest

from article_ingest.errors import ArticleNotFound, BadInput
from article_ingest.service import RawInput, ingest
from article_ingest.settings import Settings

from ..conftest import RECORDS_ONLY

BODY = (
    "Officials confirmed on Monday that the bridge will reopen next spring after a "
    "two-year renovation that replaced its deck, its cables and both of its towers."
)


def page(headline: str, publisher: str, published: str, url: str, body: str = BODY) -> bytes:
    return f"""<!DOCTYPE html><html><head>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{headline}",
"datePublished": "{published}", "publisher": {{"@type": "Organization", "name": "{publisher}"}}}}
</script><link rel="canonical" href="{url}"></head><body><article><h1>{headline}</h1>
<p>{body}</p><p>{body}</p></article></body></html>""".encode()


def objects(s3: Any, bucket: str, prefix: str) -> list[str]:
    resp = s3.list_objects_v2(Bucket=bucket, Prefix=prefix)
    return [o["Key"] for o in resp.get("Contents", [])]


def test_ingest_twice_leaves_one_article_object_and_one_item(
    aws: tuple[Any, Any], store: Any, settings: Settings
) -> None:
    # Given the seed ingested once
    s3, dynamodb = aws
    raw = RawInput(
        page(
            "Bridge reopens", "Daily", "2025-01-02T10:00:00+01:00", "https://daily.example/bridge"
        ),
        "text/html",
        "cli",
    )
    first = ingest(raw, settings, store)
    # When it is ingested again
    second = ingest(raw, settings, store)
    # Then one S3 article object, one raw object and one DynamoDB item exist
    assert (first.status, second.status) == ("created", "unchanged")
    assert len(objects(s3, settings.bucket_name, settings.article_prefix)) == 1
    assert len(objects(s3, settings.bucket_name, settings.raw_prefix)) == 1
    assert dynamodb.scan(TableName=settings.table_name, FilterExpression=RECORDS_ONLY)["Count"] == 1
    assert store.get(first.article.id) == first.article


def test_ingest_changed_content_at_the_same_url_updates_the_record(
    aws: tuple[Any, Any], store: Any, settings: Settings
) -> None:
    _, dynamodb = aws
    url = "https://daily.example/bridge"
    first = ingest(
        RawInput(page("Bridge", "Daily", "2025-01-02", url), "text/html", "api"), settings, store
    )
    second = ingest(
        RawInput(
            page("Bridge", "Daily", "2025-01-02", url, BODY + " Updated."), "text/html", "api"
        ),
        settings,
        store,
    )
    assert second.status == "updated"
    assert second.article.id == first.article.id
    assert store.get(first.article.id).body.endswith("Updated.")
    assert dynamodb.scan(TableName=settings.table_name, FilterExpression=RECORDS_ONLY)["Count"] == 1


def test_get_unknown_id_is_not_found(store: Any) -> None:
    with pytest.raises(ArticleNotFound):
        store.get("nope")


def test_list_filters_by_publisher_and_date_and_paginates(
    aws: tuple[Any, Any], store: Any, settings: Settings
) -> None:
    # Given five articles of two publishers on different days
    for day in range(1, 6):
        publisher = "Daily" if day % 2 else "Weekly"
        ingest(
            RawInput(
                page(
                    f"Story {day}",
                    publisher,
                    f"2025-03-0{day}T08:00:00Z",
                    f"https://x.example/{day}",
                    f"{BODY} Day {day}.",
                ),
                "text/html",
                "api",
            ),
            settings,
            store,
        )
    # When listing everything two at a time
    first = store.list(limit=2)
    second = store.list(limit=2, cursor=first.next_cursor)
    third = store.list(limit=2, cursor=second.next_cursor)
    # Then pages are newest first and cover all five
    days = [i.published_at for page_ in (first, second, third) for i in page_.items]
    assert days == sorted(days, reverse=True) and len(days) == 5
    # And the filters narrow the listing
    assert len(store.list(publisher="Daily").items) == 3
    ranged = store.list(since="2025-03-02", until="2025-03-04")
    assert sorted(i.headline for i in ranged.items) == ["Story 2", "Story 3", "Story 4"]
    assert len(store.list(publisher="Weekly", since="2025-03-03").items) == 1


def test_list_refuses_a_forged_cursor(store: Any) -> None:
    with pytest.raises(BadInput):
        store.list(cursor="not-a-cursor")
