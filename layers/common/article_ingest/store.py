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
import hashlib
import hmac
import json
import random
import re
import secrets
import time
import uuid
from typing import TYPE_CHECKING, Any, Protocol

from botocore.exceptions import BotoCoreError, ClientError

from .errors import (
    ArticleNotFound,
    BadCursor,
    BadInput,
    RecordChanged,
    RecordRefused,
    StorageUnavailable,
)
from .models import Article, ArticleList, ArticleSummary, IngestStatus
from .normalize import article_id, sha256_hex
from .settings import Settings
from .timestamp import Timestamp

if TYPE_CHECKING:  # deletion.py imports this module
    from .deletion import DeletedArticle

# The partition key of the "all articles by time" index (see template.yaml).
LIST_KEY = "article"
UNKNOWN_PUBLISHER = "_unknown"
# Undated articles' time key is this prefix and their ingestion time: "!" sorts below
# every digit, so newest first lists them after every dated article, and no date
# bound (`since` >= a date, `until` from DATED_FLOOR) reaches them.
UNDATED_PREFIX = "!"
DATED_FLOOR = "0"
_INDEX_FIELDS = ("headline", "publisher", "published_at", "url", "content_sha256")


class ArticleStore(Protocol):
    """What the service needs from storage."""

    def raw_key(self, article_id: str, raw: bytes) -> str: ...

    def article_key(self, article: Article) -> str: ...

    def save(
        self,
        article: Article,
        raw: bytes | None,
        *,
        writer: str | None = None,
        token: str | None = None,
        replacing: str | None = None,
    ) -> tuple[IngestStatus, Article]: ...

    def get(self, article_id: str) -> Article: ...

    def delete(self, article_id: str) -> DeletedArticle: ...

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
    """The index's time key: publication instant in UTC when known, else the ingestion
    time behind UNDATED_PREFIX (undated articles sort after every dated one).

    ISO strings in UTC sort as times; a date-only or local time sorts as written.
    """
    value = article.published_at
    if not value:
        return UNDATED_PREFIX + ingested_at
    stamp = Timestamp.parse(value)
    return stamp.utc() if stamp and stamp.has_offset else value


def content_id(content_sha256: str) -> str:
    """The id a body without any URL is stored under."""
    return article_id(canonical_url=None, url=None, content_sha256=content_sha256)


def publisher_key(publisher: str | None) -> str:
    """The by_publisher index key: the name case-folded, white space collapsed, so
    that a filter matches "Reuters", "REUTERS" and "reuters" alike."""
    folded = " ".join(publisher.split()).casefold() if publisher else ""
    return folded or UNKNOWN_PUBLISHER


_BOUND_EXAMPLES = "2025-10-23, 2025-10-23T14:30:00Z or 2025-10-23T16:30+02:00"


def time_bound(value: str, name: str, *, upper: bool = False) -> str:
    """A `since`/`until` value as the index compares it: a date (YYYY-MM-DD, a UTC
    day) as it is, or an ISO 8601 time with any offset (none: UTC) as its UTC instant
    in whole seconds (`since` rounds up, `until` down, so both stay inclusive).

    Raises BadInput, in plain words, for anything else.
    """
    text = value.strip()
    stamp = Timestamp.parse(text)
    if stamp is None or (len(text) != 10 and not stamp.has_time) or 10 < len(text) < 16:
        # A time needs at least hours and minutes.
        raise BadInput(
            f"{name} must be an ISO 8601 date or time, such as {_BOUND_EXAMPLES}; "
            f"got {value[:64]!r}"
        )
    if not stamp.has_time:
        return stamp.iso()
    if stamp.offset is None:
        stamp = Timestamp(stamp.day, stamp.clock, 0)  # no offset: UTC
    instant = stamp.in_offset(0)
    if not upper and _FRACTION.search(text):
        # The parser drops a fraction of a second: `since` rounds up to stay inclusive.
        instant = instant.shifted(1)
    return instant.iso()


_FRACTION = re.compile(r":\d{2}[.,]\d*[1-9]")


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


# Errors that no retry can fix: DynamoDB's ValidationException (item over 400 KB, a
# key over its size limit) and S3's size refusals. They are 422s, not outages.
_PERMANENT_CODES = frozenset(
    {"ValidationException", "EntityTooLarge", "KeyTooLongError", "InvalidArgument"}
)
# The key cursors are signed with when CURSOR_SECRET is not set: this process's own.
_PROCESS_CURSOR_KEY = secrets.token_bytes(32)
_CURSOR_TAG_BYTES = 16


def _storage_error(action: str, exc: Exception) -> StorageUnavailable | RecordRefused:
    code = exc.response.get("Error", {}).get("Code") if isinstance(exc, ClientError) else None
    if code in _PERMANENT_CODES:
        return RecordRefused(f"storage refused the record while {action}: {code}")
    return StorageUnavailable(f"storage failed while {action}: {type(exc).__name__}")


def _attr(item: dict[str, Any] | None, name: str) -> str | None:
    value: str | None = (item or {}).get(name, {}).get("S")
    return value


class S3DynamoStore:
    """ArticleStore over one S3 bucket and one DynamoDB table (clients injected)."""

    def __init__(self, s3: Any, dynamodb: Any, settings: Settings) -> None:
        self._s3 = s3
        self._ddb = dynamodb
        self._settings = settings
        secret = settings.cursor_secret
        self._cursor_key = secret.encode("utf-8") if secret else _PROCESS_CURSOR_KEY

    # ------------------------------------------------------------------ keys
    def raw_key(self, article_id: str, raw: bytes) -> str:
        """Where the input as received is kept: one object per distinct input."""
        return f"{self._settings.raw_prefix}{article_id}/{sha256_hex(raw)[:20]}"

    def article_key(self, article: Article) -> str:
        return f"{self._settings.article_prefix}{article.id}/{article.content_sha256}.json"

    # ------------------------------------------------------------------ writes
    def save(
        self,
        article: Article,
        raw: bytes | None,
        *,
        writer: str | None = None,
        token: str | None = None,
        replacing: str | None = None,
    ) -> tuple[IngestStatus, Article]:
        """Store the article unless the same content is already stored.

        `writer` (the authenticated principal) is recorded on the index item with the
        previous version's key. `token` names the request (an Idempotency-Key, an
        upload's key and version): the same request again, after a reply was lost,
        gets the status its first write had instead of "unchanged".

        Content stored under another id is found by its content record (see
        `_link_content`): a body posted without a URL after it was stored with one
        answers that record, "unchanged".

        `replacing` (a re-extraction, see reprocess.py): the `ingested_at` of the index
        item the article was re-extracted from. The article is then written even when
        its body is the same (another field changed: a new S3 version of the same key),
        and published only over that very item.

        Returns ("created" | "updated" | "unchanged", the stored Article).
        Raises StorageUnavailable when S3 or DynamoDB fail after retries,
        RecordRefused when they refuse the record for good, and RecordChanged when
        `replacing` no longer names the index item (nothing is published then).
        """
        status, stored = self._save(article, raw, writer=writer, token=token, replacing=replacing)
        self._link_content(stored, writer)
        return status, stored

    def _link_content(self, stored: Article, writer: str | None) -> None:
        """Make the content record of `stored`'s body name `stored`.

        The id rule: a record is keyed by its URL when it has one (canonical, else
        submitted), else by its body (`content_id`). The content id of a body
        stored under a URL holds a link (`same_as`, the S3 key of that version) and
        is never listed, so that the same body posted without a URL finds the earlier
        record instead of being stored twice, and GET by the content id answers it.
        A record stored from the body alone first is folded into the URL record by
        the same writer only (another writer's claim on the body is kept apart); an
        existing link is kept (the earlier record wins).
        """
        content = content_id(stored.content_sha256)
        if stored.id == content:
            return
        current = self._get_item(content)
        if current and (
            "same_as" in current
            or _sha(current) != stored.content_sha256
            or _attr(current, "written_by") != writer
        ):
            return
        item: dict[str, Any] = {
            "id": {"S": content},
            "same_as": {"S": stored.id},
            "s3_key": {"S": self.article_key(stored)},
            "content_sha256": {"S": stored.content_sha256},
            "ingested_at": {"S": _now()},
        }
        if current:  # the body's own record, replaced by the link (its S3 objects stay)
            item["previous_s3_key"] = current["s3_key"]
            condition: dict[str, Any] = {
                "ConditionExpression": "content_sha256 = :seen AND attribute_not_exists(same_as)",
                "ExpressionAttributeValues": {":seen": {"S": stored.content_sha256}},
            }
        else:
            condition = {"ConditionExpression": "attribute_not_exists(id)"}
        try:
            self._ddb.put_item(TableName=self._settings.table_name, Item=item, **condition)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                return  # another writer linked or stored it first
            raise _storage_error("writing to DynamoDB", exc) from exc
        except BotoCoreError as exc:
            raise _storage_error("writing to DynamoDB", exc) from exc

    def _save(
        self,
        article: Article,
        raw: bytes | None,
        *,
        writer: str | None,
        token: str | None,
        replacing: str | None = None,
    ) -> tuple[IngestStatus, Article]:
        existing = self._get_item(article.id)
        if replacing is not None:
            if _attr(existing, "ingested_at") != replacing:
                raise RecordChanged(f"article {article.id} changed while it was re-extracted")
        elif existing and _sha(existing) == article.content_sha256:
            return self._repeat_status(existing, token), self._load(existing["s3_key"]["S"])
        key = self.article_key(article)
        self._write_objects(article, raw, key)
        write_id = uuid.uuid4().hex
        # Publish with compare-and-swap on the index item we read: a concurrent writer
        # of the same content makes ours "unchanged"; one of different content makes us
        # re-read and go again, so every status returned describes a real transition
        # (two different first versions never both report "created").
        for attempt in range(_PUBLISH_ATTEMPTS):
            status: IngestStatus = "updated" if existing else "created"
            write = {"write_id": write_id, "write_status": status, "written_by": writer}
            try:
                self._put_item(
                    article, key, existing, {**write, "write_token": token}, replacing=replacing
                )
                return status, article
            except _LostRace:
                # Growing jitter: racers spread out instead of retrying in lockstep.
                time.sleep(random.uniform(0, 0.005 * (attempt + 1)))
                existing = self._get_item(article.id)
                if _attr(existing, "write_id") == write_id:
                    # Our put landed and its reply was lost (the SDK retried it): the
                    # item is ours, as first written.
                    return status, article
                if replacing is not None:  # a re-extraction only replaces what it read
                    raise RecordChanged(
                        f"article {article.id} changed while it was re-extracted"
                    ) from None
                if existing and _sha(existing) == article.content_sha256:
                    return self._repeat_status(existing, token), self._load(existing["s3_key"]["S"])
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

    @staticmethod
    def _repeat_status(existing: dict[str, Any], token: str | None) -> IngestStatus:
        """The status of a write of content already stored: the first write's when the
        same request wrote it (a retry after a lost reply), else "unchanged"."""
        if token and _attr(existing, "write_token") == token:
            first = _attr(existing, "write_status")
            if first in ("created", "updated"):
                return first  # type: ignore[return-value]
        return "unchanged"

    def _put_item(
        self,
        article: Article,
        key: str,
        existing: dict[str, Any] | None,
        write: dict[str, str | None],
        replacing: str | None = None,
    ) -> None:
        """One conditional put: the item must still be as we read it (absent, or
        holding the content we read; for a re-extraction, the very item: its
        `ingested_at` is new on every write). It records the write (`write`: its id, status,
        writer and request token) and the version it replaces. Raises _LostRace when
        the item changed."""
        ingested_at = _now()
        item: dict[str, Any] = {
            "id": {"S": article.id},
            "s3_key": {"S": key},
            "ingested_at": {"S": ingested_at},
            "publisher_key": {"S": publisher_key(article.publisher)},
            "sort_at": {"S": sort_key(article, ingested_at)},
            "list_key": {"S": LIST_KEY},
        }
        for name in _INDEX_FIELDS:
            value = getattr(article, name)
            if value:
                item[name] = {"S": value}
        for name, value in write.items():
            if value:
                item[name] = {"S": value}
        if existing:
            item["previous_s3_key"] = existing["s3_key"]
            item["previous_content_sha256"] = existing["content_sha256"]
            if "written_by" in existing:
                item["previous_written_by"] = existing["written_by"]
        expected_sha = _sha(existing) if existing else None
        condition: dict[str, Any] = {"ConditionExpression": "attribute_not_exists(id)"}
        if expected_sha is not None:
            condition = {
                "ConditionExpression": "content_sha256 = :seen",
                "ExpressionAttributeValues": {":seen": {"S": expected_sha}},
            }
        if replacing is not None:
            condition = {
                "ConditionExpression": "ingested_at = :seen",
                "ExpressionAttributeValues": {":seen": {"S": replacing}},
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

    def delete(self, article_id: str) -> DeletedArticle:
        """Delete an article for good: index item, links, versions, raw inputs (the
        order and its reasons: deletion.py). Raises ArticleNotFound, StorageUnavailable."""
        from .deletion import ArticleEraser

        return ArticleEraser(self._s3, self._ddb, self._settings).delete(article_id)

    def list(
        self,
        *,
        publisher: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> ArticleList:
        """Articles newest first (undated ones last), optionally one publisher's (any
        case) and published within [since, until].

        `since`/`until` are dates or ISO 8601 times with any offset (see
        `time_bound`); with either, only dated articles match. Raises BadInput for a
        malformed bound or since after until, and BadCursor for a cursor this store
        did not issue for this same listing.
        """
        since = time_bound(since, "since") if since else None
        until = time_bound(until, "until", upper=True) if until else None
        if since and until and since > until + "\uffff":
            raise BadInput(f"since ({since}) is after until ({until})")
        if publisher:
            index, pk_name, pk_value = "by_publisher", "publisher_key", publisher_key(publisher)
        else:
            index, pk_name, pk_value = "by_time", "list_key", LIST_KEY
        condition = "#pk = :pk"
        values: dict[str, Any] = {":pk": {"S": pk_value}}
        if since or until:
            condition += " AND sort_at BETWEEN :since AND :until"
            values.update(
                {
                    ":since": {"S": since or DATED_FLOOR},
                    ":until": {"S": (until or "9999") + "\uffff"},
                }
            )
        kwargs: dict[str, Any] = {
            "TableName": self._settings.table_name,
            "IndexName": index,
            "KeyConditionExpression": condition,
            "ExpressionAttributeNames": {"#pk": pk_name},
            "ExpressionAttributeValues": values,
            "ScanIndexForward": False,
            "Limit": max(1, min(limit, self._settings.page_size_max)),
        }
        if since or until:
            # Items written before undated ones got UNDATED_PREFIX keep their
            # ingestion time as key: the filter keeps them out of a dated listing.
            kwargs["FilterExpression"] = "attribute_exists(published_at)"
        listing = json.dumps([index, pk_value, since, until])
        if cursor:
            start = decode_cursor(cursor, listing, self._cursor_key)
            if set(start) != {"id", "sort_at", pk_name}:
                raise BadCursor("the cursor does not belong to this listing")
            kwargs["ExclusiveStartKey"] = start
        try:
            resp = self._ddb.query(**kwargs)
        except ClientError as exc:
            if cursor and exc.response.get("Error", {}).get("Code") == "ValidationException":
                raise BadCursor("the cursor does not belong to this listing") from exc
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
        next_cursor = encode_cursor(last, listing, self._cursor_key) if last else None
        return ArticleList(items=items, next_cursor=next_cursor)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text.encode() + b"=" * (-len(text) % 4))


def _cursor_tag(payload: str, listing: str, key: bytes) -> str:
    message = f"{listing}\n{payload}".encode()
    return _b64(hmac.new(key, message, hashlib.sha256).digest()[:_CURSOR_TAG_BYTES])


def encode_cursor(start: dict[str, Any], listing: str, key: bytes) -> str:
    """An opaque, URL-safe cursor for a DynamoDB LastEvaluatedKey, signed (HMAC-SHA256
    with `key`) for the one listing it continues."""
    payload = _b64(json.dumps(start, sort_keys=True, separators=(",", ":")).encode())
    return f"{payload}.{_cursor_tag(payload, listing, key)}"


def decode_cursor(cursor: str, listing: str, key: bytes) -> dict[str, Any]:
    """The DynamoDB key inside a cursor. Raises BadCursor unless this service signed
    it for `listing` (a forged, altered or borrowed cursor)."""
    payload, _, tag = cursor.partition(".")
    if not tag or not hmac.compare_digest(tag, _cursor_tag(payload, listing, key)):
        raise BadCursor("the cursor was not issued for this listing")
    try:
        start = json.loads(_unb64(payload))
    except (ValueError, binascii.Error) as exc:
        raise BadCursor("the cursor is malformed") from exc
    valid = isinstance(start, dict) and all(
        isinstance(v, dict) and set(v) == {"S"} and isinstance(v["S"], str) for v in start.values()
    )
    if not valid:
        raise BadCursor("the cursor is malformed")
    return dict(start)
