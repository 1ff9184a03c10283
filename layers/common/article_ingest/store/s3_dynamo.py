"""The ArticleStore the service uses: the S3 blobs and the DynamoDB index together.

Write order makes every visible record whole: the S3 objects are written first under
keys that name the content (`articles/<id>/<sha>.json`), then one conditional
DynamoDB put publishes them. A crash in between leaves at most an unreferenced S3
object, never an index item pointing at nothing; a retry rewrites the same keys.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
import uuid
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ArticleNotFound, BadCursor, BadInput, RecordChanged, StorageUnavailable
from ..models import Article, ArticleList, IngestStatus
from ..settings import Settings
from .blobs import ArticleBlobs
from .cursors import PROCESS_CURSOR_KEY, decode_cursor, encode_cursor
from .index import ArticleIndex
from .items import IndexItem
from .keys import (
    DATED_FLOOR,
    LIST_KEY,
    content_id,
    publisher_key,
    sort_key,
    time_bound,
)

if TYPE_CHECKING:  # deletion.py imports the store package
    from ..deletion import DeletedArticle

# Conditional puts lost to concurrent writers of other content before giving up (503).
# Every round of a race has a winner, so k concurrent versions need at most k rounds.
_PUBLISH_ATTEMPTS = 32


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


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class S3DynamoStore:
    """ArticleStore over one S3 bucket (`blobs`) and one DynamoDB table (`index`)."""

    def __init__(self, s3: Any, dynamodb: Any, settings: Settings) -> None:
        self._s3 = s3
        self._ddb = dynamodb
        self._settings = settings
        self.blobs = ArticleBlobs(s3, settings)
        self.index = ArticleIndex(dynamodb, settings)
        secret = settings.cursor_secret
        self._cursor_key = secret.encode("utf-8") if secret else PROCESS_CURSOR_KEY

    # ------------------------------------------------------------------ keys
    def raw_key(self, article_id: str, raw: bytes) -> str:
        """Where the input as received is kept: one object per distinct input."""
        return self.blobs.raw_key(article_id, raw)

    def article_key(self, article: Article) -> str:
        return self.blobs.article_key(article)

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
        current = self.index.get(content)
        if current and (
            current.same_as is not None
            or current.content_sha256 != stored.content_sha256
            or current.written_by != writer
        ):
            return
        link = IndexItem(
            id=content,
            same_as=stored.id,
            s3_key=self.article_key(stored),
            content_sha256=stored.content_sha256,
            ingested_at=_now(),
            # The body's own record, replaced by the link (its S3 objects stay).
            previous_s3_key=current.s3_key if current else None,
        )
        if current:
            condition = "content_sha256 = :seen AND attribute_not_exists(same_as)"
            self.index.put_if(link, condition, stored.content_sha256)
        else:
            self.index.put_if(link, "attribute_not_exists(id)")
        # A failed condition: another writer linked or stored it first.

    def _save(
        self,
        article: Article,
        raw: bytes | None,
        *,
        writer: str | None,
        token: str | None,
        replacing: str | None = None,
    ) -> tuple[IngestStatus, Article]:
        existing = self.index.get(article.id)
        if replacing is not None:
            if (existing.ingested_at if existing else None) != replacing:
                raise RecordChanged(f"article {article.id} changed while it was re-extracted")
        elif existing and existing.content_sha256 == article.content_sha256:
            return self._repeat_status(existing, token), self.blobs.load(existing.s3_key)
        key = self.article_key(article)
        self.blobs.write(article, raw, key)
        write_id = uuid.uuid4().hex
        # Publish with compare-and-swap on the index item we read: a concurrent writer
        # of the same content makes ours "unchanged"; one of different content makes us
        # re-read and go again, so every status returned describes a real transition
        # (two different first versions never both report "created").
        for attempt in range(_PUBLISH_ATTEMPTS):
            status: IngestStatus = "updated" if existing else "created"
            record = self._record(article, key, existing, write_id, status, writer, token)
            if self._publish(record, existing, replacing):
                return status, article
            # Growing jitter: racers spread out instead of retrying in lockstep.
            time.sleep(random.uniform(0, 0.005 * (attempt + 1)))
            existing = self.index.get(article.id)
            if existing and existing.write_id == write_id:
                # Our put landed and its reply was lost (the SDK retried it): the
                # item is ours, as first written.
                return status, article
            if replacing is not None:  # a re-extraction only replaces what it read
                raise RecordChanged(f"article {article.id} changed while it was re-extracted")
            if existing and existing.content_sha256 == article.content_sha256:
                return self._repeat_status(existing, token), self.blobs.load(existing.s3_key)
        raise StorageUnavailable(
            f"article {article.id} changed {_PUBLISH_ATTEMPTS} times while being stored; retry"
        )

    @staticmethod
    def _repeat_status(existing: IndexItem, token: str | None) -> IngestStatus:
        """The status of a write of content already stored: the first write's when the
        same request wrote it (a retry after a lost reply), else "unchanged"."""
        if token and existing.write_token == token:
            if existing.write_status == "created":
                return "created"
            if existing.write_status == "updated":
                return "updated"
        return "unchanged"

    @staticmethod
    def _record(
        article: Article,
        key: str,
        existing: IndexItem | None,
        write_id: str,
        status: IngestStatus,
        writer: str | None,
        token: str | None,
    ) -> IndexItem:
        """The index item publishing `article` at `key`: the listing's keys and
        summary, the write (its id, status, writer, request token) and the version
        it replaces."""
        ingested_at = _now()
        return IndexItem(
            id=article.id,
            s3_key=key,
            ingested_at=ingested_at,
            publisher_key=publisher_key(article.publisher),
            sort_at=sort_key(article, ingested_at),
            list_key=LIST_KEY,
            headline=article.headline,
            publisher=article.publisher,
            published_at=article.published_at,
            url=article.url,
            content_sha256=article.content_sha256,
            write_id=write_id,
            write_status=status,
            written_by=writer,
            write_token=token,
            previous_s3_key=existing.s3_key if existing else None,
            previous_content_sha256=existing.content_sha256 if existing else None,
            previous_written_by=existing.written_by if existing else None,
        )

    def _publish(
        self, record: IndexItem, existing: IndexItem | None, replacing: str | None
    ) -> bool:
        """One conditional put: the item must still be as we read it (absent, or
        holding the content we read; for a re-extraction, the very item: its
        `ingested_at` is new on every write). False when the item changed."""
        if replacing is not None:
            return self.index.put_if(record, "ingested_at = :seen", replacing)
        if existing is not None and existing.content_sha256 is not None:
            return self.index.put_if(record, "content_sha256 = :seen", existing.content_sha256)
        return self.index.put_if(record, "attribute_not_exists(id)")

    # ------------------------------------------------------------------ reads
    def get(self, article_id: str) -> Article:
        """The stored Article. Raises ArticleNotFound."""
        item = self.index.get(article_id)
        if not item:
            raise ArticleNotFound(f"no article with id {article_id!r}")
        return self.blobs.load(item.s3_key)

    def delete(self, article_id: str) -> DeletedArticle:
        """Delete an article for good: index item, links, versions, raw inputs (the
        order and its reasons: deletion.py). Raises ArticleNotFound, StorageUnavailable."""
        from ..deletion import ArticleEraser

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
        request: dict[str, Any] = {
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
            request["FilterExpression"] = "attribute_exists(published_at)"
        listing = json.dumps([index, pk_value, since, until])
        if cursor:
            start = decode_cursor(cursor, listing, self._cursor_key)
            if set(start) != {"id", "sort_at", pk_name}:
                raise BadCursor("the cursor does not belong to this listing")
            request["ExclusiveStartKey"] = start
        items, last = self.index.query(request, resumed=bool(cursor))
        next_cursor = encode_cursor(last, listing, self._cursor_key) if last else None
        return ArticleList(items=[item.summary() for item in items], next_cursor=next_cursor)
