"""Issue 13, rows 8, 10 and 11 (writes): signed list cursors, who wrote each version
and the version before it, and a retried write after a lost reply."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from article_ingest.errors import BadCursor, StorageUnavailable
from article_ingest.service import RawInput, extract, ingest
from article_ingest.store import S3DynamoStore

from ..integration.integration_support import body_of, http_event
from .support import PARAGRAPH, page


def _article(n: int, canonical: str | None = None) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return page(
        f"<article><h1>Story {n}</h1><p>{n} {PARAGRAPH}</p><p>{PARAGRAPH}</p></article>", link
    )


def _b64(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode()


@pytest.mark.parametrize(
    "cursor",
    [
        _b64({}),
        _b64({"id": {"S": "x"}}),
        _b64({"id": {"S": "x"}, "publisher_key": {"S": "p"}, "sort_at": {"S": "2025"}}),
        _b64({"id": {"S": "x"}, "list_key": {"S": "article"}, "sort_at": {"S": "2025"}}) + ".AAAA",
        "not-a-cursor",
    ],
    ids=["empty-key", "table-key-alone", "other-index-key", "well-formed-unsigned", "junk"],
)
def test_a_forged_cursor_is_400_bad_cursor(api: Any, cursor: str) -> None:
    # Given a cursor the service did not sign / When a client lists with it
    result = api(http_event("GET", "/articles", query={"cursor": cursor}))
    # Then 400 bad_cursor (it was a 503 on the local stack)
    assert result["statusCode"] == 400
    assert body_of(result)["error"]["code"] == "bad_cursor"


def test_cursors_are_signed_for_one_listing_and_one_key(store: Any, settings: Any) -> None:
    # Given three stored articles and a page of two
    for n in range(3):
        ingest(RawInput(_article(n), "text/html", "api"), settings, store)
    first = store.list(limit=2)
    assert first.next_cursor
    # Then it continues its own listing
    assert len(store.list(limit=2, cursor=first.next_cursor).items) == 1
    # And not another listing, nor under another key
    with pytest.raises(BadCursor):
        store.list(limit=2, cursor=first.next_cursor, publisher="_unknown")
    other = S3DynamoStore(
        store._s3, store._ddb, settings.model_copy(update={"cursor_secret": "k2"})
    )
    with pytest.raises(BadCursor):
        other.list(limit=2, cursor=first.next_cursor)


def test_list_and_get_answers_hide_the_internal_keys(api: Any) -> None:
    created = api(http_event("POST", "/articles", body=_article(1), content_type="text/html"))
    assert body_of(created)["source"]["raw_key"]  # the writer is told where its input is
    listed = body_of(api(http_event("GET", "/articles")))
    assert listed["items"] and all("s3_key" not in item for item in listed["items"])
    got = body_of(api(http_event("GET", f"/articles/{body_of(created)['id']}")))
    assert got["source"]["raw_key"] is None


def _item(store: Any, article_id: str) -> Any:
    return store.index.get(article_id)


def test_each_version_records_its_writer_and_the_version_before(store: Any, settings: Any) -> None:
    # Given a page written by one principal, then another page claiming its canonical URL
    url = "https://news.example/story"
    first = ingest(
        RawInput(_article(1, url), "text/html", "api", principal="iam:alice"), settings, store
    )
    second = ingest(
        RawInput(_article(2, url), "text/html", "api", principal="iam:mallory"), settings, store
    )
    # Then the claim replaced the record (the trust model: writers are trusted) ...
    assert (first.status, second.status) == ("created", "updated")
    assert first.article.id == second.article.id
    # ... and the index names who wrote it, and keeps the version before, still readable
    item = _item(store, second.article.id)
    assert item.written_by == "iam:mallory"
    assert item.previous_written_by == "iam:alice"
    assert item.previous_content_sha256 == first.article.content_sha256
    previous = store.blobs.load(item.previous_s3_key)
    assert previous.body == first.article.body


def test_keying_by_submitted_url_keeps_a_claimed_canonical_from_replacing_a_record(
    store: Any, settings: Any
) -> None:
    # Given records keyed by the URL their writer submitted
    keyed = settings.model_copy(update={"record_key": "submitted_url"})
    canonical = "https://news.example/story"
    mine = RawInput(_article(1, canonical), "text/html", "api", url=canonical)
    theirs = RawInput(_article(2, canonical), "text/html", "api", url="https://evil.example/x")
    # When another page claims the same canonical URL
    first = ingest(mine, keyed, store)
    second = ingest(theirs, keyed, store)
    # Then it is a record of its own; the first is untouched
    assert (first.status, second.status) == ("created", "created")
    assert first.article.id != second.article.id
    assert store.get(first.article.id).body == first.article.body
    # And the same page extracts to the same id whether stored or not
    assert extract(mine, keyed)[0].id == first.article.id


class _LostReply:
    """A DynamoDB client whose first PutItem is applied, then its reply lost: the SDK
    sends it again (as botocore's retry does), or raises after its retries."""

    def __init__(self, dynamodb: Any, then: str) -> None:
        self._ddb, self._then, self.lost = dynamodb, then, False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ddb, name)

    def put_item(self, **kwargs: Any) -> Any:
        result = self._ddb.put_item(**kwargs)
        if self.lost:
            return result
        self.lost = True
        if self._then == "sdk-retry":
            return self._ddb.put_item(**kwargs)  # ConditionalCheckFailed: the item is there
        raise EndpointConnectionError(endpoint_url="https://dynamodb")


def test_a_write_whose_reply_was_lost_reports_created(store: Any, settings: Any) -> None:
    # Given the reply of the first write lost, and the SDK retrying the put
    lossy = S3DynamoStore(store._s3, _LostReply(store._ddb, "sdk-retry"), settings)
    # When the article is ingested / Then it is reported as what it is: created
    result = ingest(RawInput(_article(1), "text/html", "api"), settings, lossy)
    assert result.status == "created"


def test_a_client_retry_after_a_lost_reply_reports_created(store: Any, settings: Any) -> None:
    # Given a write that landed but answered 503 (its reply lost after the SDK's retries)
    lossy = S3DynamoStore(store._s3, _LostReply(store._ddb, "raise"), settings)
    raw = RawInput(_article(1), "text/html", "api", request_token="api:alice:key-1")
    with pytest.raises(StorageUnavailable):
        ingest(raw, settings, lossy)
    # When the client retries with the same Idempotency-Key
    retried = ingest(raw, settings, store)
    # Then it hears "created", what its first request did; another request "unchanged"
    assert retried.status == "created"
    again = RawInput(_article(1), "text/html", "api", request_token="api:alice:key-2")
    assert ingest(again, settings, store).status == "unchanged"


def test_the_api_reads_the_idempotency_key_and_the_caller(api: Any) -> None:
    # Given the same POST twice with one Idempotency-Key, signed by an IAM caller
    event = http_event(
        "POST",
        "/articles",
        body=_article(3),
        content_type="text/html",
        headers={"idempotency-key": "4f1c-retry"},
    )
    event["requestContext"]["authorizer"] = {"iam": {"userArn": "arn:aws:iam::1:user/alice"}}
    # Then both answer 201 (the second is the first's retry), a third without key 200
    assert api(event)["statusCode"] == 201
    assert api(event)["statusCode"] == 201
    del event["headers"]["idempotency-key"]
    assert api(event)["statusCode"] == 200
    event["headers"]["idempotency-key"] = "bad key with spaces"
    assert api(event)["statusCode"] == 400


def test_a_put_item_refused_for_a_key_size_is_not_retried(store: Any, settings: Any) -> None:
    # Given DynamoDB refusing a key for its size
    class Refusing:
        def __getattr__(self, name: str) -> Any:
            return getattr(store._ddb, name)

        def put_item(self, **kwargs: Any) -> Any:
            error = {"Code": "ValidationException", "Message": "key size exceeded"}
            raise ClientError({"Error": error}, "PutItem")

    refusing = S3DynamoStore(store._s3, Refusing(), settings)
    # Then the error is the permanent one
    from article_ingest.errors import RecordRefused

    with pytest.raises(RecordRefused):
        ingest(RawInput(_article(1), "text/html", "api"), settings, refusing)
