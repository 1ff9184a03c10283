"""Deletion on moto: the index item, every version, the raw inputs and the content
links go; the API answers 204, then 404; a retry after a failure half-way finishes
the job; concurrent deletes and a racing write leave nothing pointing at nothing."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from .integration_support import body_of, http_event

PARAGRAPH = (
    "The regional court ruled on Wednesday that the quarry may not expand into the "
    "protected forest, overturning a permit the county had granted two years ago."
)
URL = "https://valley.example/quarry-ruling"


def _text(extra: str = "") -> bytes:
    return f"Court stops quarry expansion\n\n{PARAGRAPH}\n\n{PARAGRAPH} {extra}".encode()


def _ingest(settings: Any, store: Any, data: bytes, **raw: Any) -> Any:
    from article_ingest.service import RawInput, ingest

    fields = {"content_type": "text/plain", "via": "api", "url": URL, "principal": "alice"}
    return ingest(RawInput(data, **{**fields, **raw}), settings, store)


def _object_versions(s3: Any, bucket: str) -> list[tuple[str, str]]:
    """Every object version and delete marker in the bucket."""
    found = []
    for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket):
        for entry in [*page.get("Versions", []), *page.get("DeleteMarkers", [])]:
            found.append((entry["Key"], entry["VersionId"]))
    return found


def _items(dynamodb: Any, table: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = dynamodb.scan(TableName=table)["Items"]
    return items


def test_delete_removes_the_record_its_versions_raw_inputs_and_links(
    aws: tuple[Any, Any], settings: Any, store: Any
) -> None:
    from article_ingest.errors import ArticleNotFound
    from article_ingest.service import delete
    from article_ingest.store import content_id

    s3, dynamodb = aws
    # Given a body stored alone, then by its writer under a URL (a link), then updated
    # (a link for each version's body)
    alone = _ingest(settings, store, _text(), url=None)
    first = _ingest(settings, store, _text())
    newer = _ingest(settings, store, _text("Updated."))
    assert (alone.status, first.status, newer.status) == ("created", "created", "updated")
    article_id = first.article.id
    assert store.get(content_id(first.article.content_sha256)).id == article_id
    # And the same bucket written twice more at one key (a versioned rewrite)
    s3.put_object(Bucket=settings.bucket_name, Key=f"raw/{article_id}/extra", Body=b"x")
    s3.delete_object(Bucket=settings.bucket_name, Key=f"raw/{article_id}/extra")
    assert len(_object_versions(s3, settings.bucket_name)) >= 7
    # When the article is deleted
    deleted = delete(article_id, store)
    # Then the index item, the link and every object version and marker are gone
    assert deleted.record is not None and deleted.record.id == article_id
    assert deleted.record.content_sha256 == newer.article.content_sha256
    versions = (first.article, newer.article)
    assert sorted(deleted.links) == sorted(content_id(a.content_sha256) for a in versions)
    assert _object_versions(s3, settings.bucket_name) == []
    assert _items(dynamodb, settings.table_name) == []
    # And the record and its content id both read 404; a second delete is a 404
    for gone in (article_id, alone.article.id):
        with pytest.raises(ArticleNotFound):
            store.get(gone)
    with pytest.raises(ArticleNotFound):
        delete(article_id, store)


def test_delete_removes_every_version_of_the_upload_it_came_from(
    aws: tuple[Any, Any], settings: Any, store: Any
) -> None:
    from article_ingest.service import delete

    s3, _ = aws
    bucket = settings.bucket_name
    # Given an upload (put twice: two versions) ingested from incoming/, and another
    for body in (b"draft", _text()):
        s3.put_object(Bucket=bucket, Key="incoming/quarry.txt", Body=body)
    s3.put_object(Bucket=bucket, Key="incoming/quarry.txt.bak", Body=b"another upload")
    stored = _ingest(settings, store, _text(), via="s3", raw_key="incoming/quarry.txt")
    # When the article is deleted
    delete(stored.article.id, store)
    # Then both versions of its upload are gone; the other upload stays
    assert [key for key, _ in _object_versions(s3, bucket)] == ["incoming/quarry.txt.bak"]


def test_delete_by_content_id_deletes_the_record_it_links_to(
    aws: tuple[Any, Any], settings: Any, store: Any
) -> None:
    from article_ingest.errors import ArticleNotFound
    from article_ingest.service import delete
    from article_ingest.store import content_id

    # Given a record stored under a URL, which its body's content id links to
    stored = _ingest(settings, store, _text())
    linked = content_id(stored.article.content_sha256)
    # When deleted by the content id
    deleted = delete(linked, store)
    # Then the URL record is the one deleted, with its link
    assert deleted.id == stored.article.id and deleted.links == [linked]
    with pytest.raises(ArticleNotFound):
        store.get(stored.article.id)
    assert _object_versions(aws[0], settings.bucket_name) == []


def test_delete_by_a_link_whose_record_is_gone_removes_the_link(
    aws: tuple[Any, Any], settings: Any, store: Any
) -> None:
    from article_ingest.errors import ArticleNotFound
    from article_ingest.service import delete

    _, dynamodb = aws
    # Given a content link naming a record that no longer exists (nothing else left)
    item = {"id": {"S": "c0ffee"}, "same_as": {"S": "gone"}, "s3_key": {"S": "articles/gone/x"}}
    dynamodb.put_item(TableName=settings.table_name, Item=item)
    # When it is deleted by its id / Then the link goes (204), and then it is a 404
    assert delete("c0ffee", store).links == ["c0ffee"]
    assert _items(dynamodb, settings.table_name) == []
    with pytest.raises(ArticleNotFound):
        delete("c0ffee", store)


def test_delete_keeps_another_writers_record_of_the_same_body(
    aws: tuple[Any, Any], settings: Any, store: Any
) -> None:
    from article_ingest.service import delete

    # Given bob's body stored alone, and alice's URL record of the same body (apart)
    bobs = _ingest(settings, store, _text(), url=None, principal="bob")
    alices = _ingest(settings, store, _text(), principal="alice")
    assert bobs.article.id != alices.article.id
    # When alice's record is deleted
    deleted = delete(alices.article.id, store)
    # Then bob's record still reads back whole
    assert deleted.links == []
    assert store.get(bobs.article.id).content_sha256 == bobs.article.content_sha256


def test_delete_after_a_failure_half_way_is_finished_by_a_retry(
    aws: tuple[Any, Any], settings: Any, store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from article_ingest.errors import ArticleNotFound, StorageUnavailable
    from article_ingest.service import delete

    s3, dynamodb = aws
    stored = _ingest(settings, store, _text())
    article_id = stored.article.id
    # Given S3 failing to delete objects once
    real = s3.delete_objects
    calls = {"n": 0}

    def failing_once(**kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise s3.exceptions.ClientError(
                {"Error": {"Code": "InternalError", "Message": "down"}}, "DeleteObjects"
            )
        return real(**kwargs)

    monkeypatch.setattr(s3, "delete_objects", failing_once)
    # When the article is deleted: 503 half-way
    with pytest.raises(StorageUnavailable):
        delete(article_id, store)
    # Then the index item went first: nothing points at the objects still there
    assert _items(dynamodb, settings.table_name) == []
    assert _object_versions(s3, settings.bucket_name) != []
    with pytest.raises(ArticleNotFound):
        store.get(article_id)
    # And the retry finishes the job (no record left to describe), then 404
    retried = delete(article_id, store)
    assert retried.record is None and retried.object_versions > 0
    assert _object_versions(s3, settings.bucket_name) == []
    with pytest.raises(ArticleNotFound):
        delete(article_id, store)


def test_delete_concurrently_one_removes_the_record_and_nothing_is_left(
    aws: tuple[Any, Any], settings: Any, store: Any
) -> None:
    from article_ingest.errors import ArticleNotFound
    from article_ingest.service import delete

    stored = _ingest(settings, store, _text())
    outcomes: list[Any] = []
    start = threading.Barrier(8)

    def one() -> None:
        start.wait()
        try:
            outcomes.append(delete(stored.article.id, store))
        except ArticleNotFound as exc:
            outcomes.append(exc)

    # Given 8 deletes of one article at once
    threads = [threading.Thread(target=one) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then exactly one removed the index item; none failed otherwise; nothing is left
    records = [o for o in outcomes if not isinstance(o, Exception) and o.record is not None]
    assert len(outcomes) == 8 and len(records) == 1
    assert _object_versions(aws[0], settings.bucket_name) == []
    assert _items(aws[1], settings.table_name) == []


def test_delete_a_write_racing_the_delete_leaves_no_item_pointing_at_nothing(
    aws: tuple[Any, Any], settings: Any, store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from article_ingest.deletion import ArticleEraser
    from article_ingest.service import delete

    stored = _ingest(settings, store, _text())
    real = ArticleEraser._delete_index_item

    def then_a_write_lands(self: Any, article_id: str) -> Any:
        removed = real(self, article_id)
        # A writer of a new version wrote its object and publishes its index item
        # just after the delete removed the old one, before the objects are listed
        assert _ingest(settings, store, _text("Racing.")).status == "created"
        return removed

    monkeypatch.setattr(ArticleEraser, "_delete_index_item", then_a_write_lands)
    # When the delete runs with that write in the middle
    delete(stored.article.id, store)
    # Then no index item is left pointing at a deleted object
    for item in _items(aws[1], settings.table_name):
        key = item["s3_key"]["S"]
        aws[0].head_object(Bucket=settings.bucket_name, Key=key)  # raises if missing
    assert _object_versions(aws[0], settings.bucket_name) == []


def test_delete_api_answers_204_then_404_in_the_error_format(api: Any) -> None:
    # Given an article POSTed through the API
    created = api(http_event("POST", "/articles", body=_text(), content_type="text/plain"))
    article_id = body_of(created)["id"]
    # When it is deleted
    deleted = api(http_event("DELETE", f"/articles/{article_id}"))
    # Then 204 without a body
    assert deleted["statusCode"] == 204 and not deleted.get("body")
    # And a second DELETE and a GET answer 404 in the JSON error format
    for method in ("DELETE", "GET"):
        again = api(http_event(method, f"/articles/{article_id}"))
        assert again["statusCode"] == 404
        assert body_of(again)["error"]["code"] == "not_found"


def test_delete_api_unknown_or_overlong_id(api: Any) -> None:
    # Given ids never stored / Then 404, and an id over the bound 400 (never a 503)
    unknown = api(http_event("DELETE", "/articles/never-stored"))
    assert unknown["statusCode"] == 404 and body_of(unknown)["error"]["code"] == "not_found"
    overlong = api(http_event("DELETE", "/articles/" + "x" * 300))
    assert overlong["statusCode"] == 400 and body_of(overlong)["error"]["code"] == "bad_request"


def test_delete_api_sample_event_deletes_the_sample_article(api: Any) -> None:
    from .integration_support import load_event

    # Given the article events/api_get_article.json reads, stored by its POST event
    created = api(load_event("api_post_html.json"))
    event = load_event("api_delete_article.json")
    assert event["rawPath"] == f"/articles/{body_of(created)['id']}"
    # When events/api_delete_article.json is invoked / Then 204, then 404
    assert api(event)["statusCode"] == 204
    assert api(load_event("api_get_article.json"))["statusCode"] == 404
