"""Persistence: the input and the Article JSON in S3, an index item in DynamoDB.

Write order makes every visible record whole: the S3 objects are written first under
keys that name the content (`articles/<id>/<sha>.json`), then one conditional
DynamoDB put publishes them. A crash in between leaves at most an unreferenced S3
object, never an index item pointing at nothing; a retry rewrites the same keys.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import random
import time
from typing import Any, Protocol

from botocore.exceptions import BotoCoreError, ClientError

from .errors import ArticleNotFound, BadInput, StorageUnavailable
from .models import Article, ArticleList, ArticleSummary, IngestStatus
from .normalize import sha256_hex
from .settings import Settings

# The partition key of the "all articles by time" index (see template.yaml).
LIST_KEY = "article"
UNKNOWN_PUBLISHER = "_unknown"
_INDEX_FIELDS = ("headline", "publisher", "published_at", "url", "content_sha256")


class ArticleStore(Protocol):
    """What the service needs from storage."""

    def raw_key(self, article_id: str, raw: bytes) -> str: ...

    def save(self, article: Article, raw: bytes | None) -> tuple[IngestStatus, Article]: ...

    def get(self, article_id: str) -> Article: ...

    def list(
        self,
        *,
        publisher: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> ArticleList: ...


def sort_key(article: Article, ingested_at: str) -> str:
    """The index's time key: publication instant in UTC when known, else ingestion time.

    ISO strings in UTC sort as times; a date-only or local time sorts as written.
    """
    value = article.published_at
    if value and len(value) > 10:
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
        if parsed.tzinfo is not None:
            return parsed.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return value
    return value or ingested_at


# Conditional puts lost to concurrent writers of other content before giving up (503).
# Every round of a race has a winner, so k concurrent versions need at most k rounds.
_PUBLISH_ATTEMPTS = 32


class _LostRace(Exception):
    """The index item changed between our read and our conditional put."""


def _sha(item: dict[str, Any]) -> str | None:
    value: str | None = item.get("content_sha256", {}).get("S")
    return value


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _storage_error(action: str, exc: Exception) -> StorageUnavailable:
    return StorageUnavailable(f"storage failed while {action}: {type(exc).__name__}")


class S3DynamoStore:
    """ArticleStore over one S3 bucket and one DynamoDB table (clients injected)."""

    def __init__(self, s3: Any, dynamodb: Any, settings: Settings) -> None:
        self._s3 = s3
        self._ddb = dynamodb
        self._settings = settings

    # ------------------------------------------------------------------ keys
    def raw_key(self, article_id: str, raw: bytes) -> str:
        """Where the input as received is kept: one object per distinct input."""
        return f"{self._settings.raw_prefix}{article_id}/{sha256_hex(raw)[:20]}"

    def article_key(self, article: Article) -> str:
        return f"{self._settings.article_prefix}{article.id}/{article.content_sha256}.json"

    # ------------------------------------------------------------------ writes
    def save(self, article: Article, raw: bytes | None) -> tuple[IngestStatus, Article]:
        """Store the article unless the same content is already stored.

        Returns ("created" | "updated" | "unchanged", the stored Article).
        Raises StorageUnavailable when S3 or DynamoDB fail after retries.
        """
        existing = self._get_item(article.id)
        if existing and _sha(existing) == article.content_sha256:
            return "unchanged", self._load(existing["s3_key"]["S"])
        key = self.article_key(article)
        self._write_objects(article, raw, key)
        # Publish with compare-and-swap on the index item we read: a concurrent writer
        # of the same content makes ours "unchanged"; one of different content makes us
        # re-read and go again, so every status returned describes a real transition
        # (two different first versions never both report "created").
        for attempt in range(_PUBLISH_ATTEMPTS):
            try:
                self._put_item(article, key, expected_sha=_sha(existing) if existing else None)
                return ("updated" if existing else "created"), article
            except _LostRace:
                # Growing jitter: racers spread out instead of retrying in lockstep.
                time.sleep(random.uniform(0, 0.005 * (attempt + 1)))
                existing = self._get_item(article.id)
                if existing and _sha(existing) == article.content_sha256:
                    return "unchanged", self._load(existing["s3_key"]["S"])
        raise StorageUnavailable(
            f"article {article.id} changed {_PUBLISH_ATTEMPTS} times while being stored; retry"
        )

    def _write_objects(self, article: Article, raw: bytes | None, key: str) -> None:
        bucket = self._settings.bucket_name
        try:
            if raw is not None and article.source.raw_key:
                self._s3.put_object(
                    Bucket=bucket,
                    Key=article.source.raw_key,
                    Body=raw,
                    ContentType=article.source.content_type,
                )
            self._s3.put_object(
                Bucket=bucket,
                Key=key,
                Body=article.model_dump_json().encode("utf-8"),
                ContentType="application/json",
            )
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error("writing to S3", exc) from exc

    def _put_item(self, article: Article, key: str, *, expected_sha: str | None) -> None:
        """One conditional put: the item must still be as we read it (absent, or
        holding `expected_sha`). Raises _LostRace when it is not."""
        ingested_at = _now()
        item: dict[str, Any] = {
            "id": {"S": article.id},
            "s3_key": {"S": key},
            "ingested_at": {"S": ingested_at},
            "publisher_key": {"S": article.publisher or UNKNOWN_PUBLISHER},
            "sort_at": {"S": sort_key(article, ingested_at)},
            "list_key": {"S": LIST_KEY},
        }
        for name in _INDEX_FIELDS:
            value = getattr(article, name)
            if value:
                item[name] = {"S": value}
        condition: dict[str, Any] = {"ConditionExpression": "attribute_not_exists(id)"}
        if expected_sha is not None:
            condition = {
                "ConditionExpression": "content_sha256 = :seen",
                "ExpressionAttributeValues": {":seen": {"S": expected_sha}},
            }
        try:
            self._ddb.put_item(TableName=self._settings.table_name, Item=item, **condition)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                raise _LostRace from exc
            raise _storage_error("writing to DynamoDB", exc) from exc
        except BotoCoreError as exc:
            raise _storage_error("writing to DynamoDB", exc) from exc

    # ------------------------------------------------------------------ reads
    def _get_item(self, article_id: str) -> dict[str, Any] | None:
        try:
            resp = self._ddb.get_item(
                TableName=self._settings.table_name,
                Key={"id": {"S": article_id}},
                ConsistentRead=True,
            )
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error("reading DynamoDB", exc) from exc
        item: dict[str, Any] | None = resp.get("Item")
        return item

    def _load(self, key: str) -> Article:
        try:
            obj = self._s3.get_object(Bucket=self._settings.bucket_name, Key=key)
            return Article.model_validate_json(obj["Body"].read())
        except (ClientError, BotoCoreError) as exc:
            raise _storage_error("reading S3", exc) from exc

    def get(self, article_id: str) -> Article:
        """The stored Article. Raises ArticleNotFound."""
        item = self._get_item(article_id)
        if not item:
            raise ArticleNotFound(f"no article with id {article_id!r}")
        return self._load(item["s3_key"]["S"])

    def list(
        self,
        *,
        publisher: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> ArticleList:
        """Articles newest first, optionally one publisher's and within [since, until].

        `since`/`until` compare with the index's time key (UTC ISO strings), so a
        date (`2025-10-23`) or a full timestamp both work. Raises BadInput for a
        malformed cursor.
        """
        if publisher:
            index, pk_name, pk_value = "by_publisher", "publisher_key", publisher
        else:
            index, pk_name, pk_value = "by_time", "list_key", LIST_KEY
        condition = "#pk = :pk"
        values: dict[str, Any] = {":pk": {"S": pk_value}}
        if since and until:
            condition += " AND sort_at BETWEEN :since AND :until"
            values.update({":since": {"S": since}, ":until": {"S": until + "\uffff"}})
        elif since:
            condition += " AND sort_at >= :since"
            values[":since"] = {"S": since}
        elif until:
            condition += " AND sort_at <= :until"
            values[":until"] = {"S": until + "\uffff"}
        kwargs: dict[str, Any] = {
            "TableName": self._settings.table_name,
            "IndexName": index,
            "KeyConditionExpression": condition,
            "ExpressionAttributeNames": {"#pk": pk_name},
            "ExpressionAttributeValues": values,
            "ScanIndexForward": False,
            "Limit": max(1, min(limit, self._settings.page_size_max)),
        }
        if cursor:
            kwargs["ExclusiveStartKey"] = decode_cursor(cursor)
        try:
            resp = self._ddb.query(**kwargs)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "ValidationException":
                raise BadInput("the cursor does not belong to this listing") from exc
            raise _storage_error("querying DynamoDB", exc) from exc
        except BotoCoreError as exc:
            raise _storage_error("querying DynamoDB", exc) from exc
        items = [
            ArticleSummary(
                id=i["id"]["S"],
                headline=i.get("headline", {}).get("S", ""),
                publisher=i.get("publisher", {}).get("S"),
                published_at=i.get("published_at", {}).get("S"),
                url=i.get("url", {}).get("S"),
                content_sha256=i["content_sha256"]["S"],
                s3_key=i["s3_key"]["S"],
                ingested_at=i["ingested_at"]["S"],
            )
            for i in resp.get("Items", [])
        ]
        last = resp.get("LastEvaluatedKey")
        return ArticleList(items=items, next_cursor=encode_cursor(last) if last else None)


def encode_cursor(key: dict[str, Any]) -> str:
    """An opaque, URL-safe cursor for a DynamoDB LastEvaluatedKey."""
    return base64.urlsafe_b64encode(json.dumps(key, sort_keys=True).encode()).decode()


def decode_cursor(cursor: str) -> dict[str, Any]:
    """The DynamoDB key inside a cursor. Raises BadInput when it is not one of ours."""
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode() + b"=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error) as exc:
        raise BadInput("the cursor is malformed") from exc
    valid = isinstance(key, dict) and all(
        isinstance(v, dict) and set(v) == {"S"} and isinstance(v["S"], str) for v in key.values()
    )
    if not valid:
        raise BadInput("the cursor is malformed")
    return dict(key)
