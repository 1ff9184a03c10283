"""Reading back what ingestion stored, for re-extraction: a record's index item (the
version it names and who wrote it), the Article it points at, and the input as it
was received (`source.raw_key`: `raw/<id>/...`, or the upload's `incoming/` key).

Writing stays in the store: a re-extraction is published by `S3DynamoStore.save`,
the same conditional write as ingestion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from pydantic import BaseModel, ConfigDict, ValidationError

from .aws import object_missing
from .errors import ArticleNotFound, RawInputMissing, StorageUnavailable
from .inputs import says_nothing
from .models import Via
from .service import RawInput
from .settings import Settings
from .store import ArticleIndex


class StoredSource(BaseModel):
    """The `source` of a stored Article of any schema version: what re-extraction
    needs to read its input again (the rest of the document may be older than the
    current Article model, which is why it is re-extracted)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    content_type: str
    via: Via
    raw_key: str | None = None
    received_at: str


@dataclass(frozen=True)
class StoredRecord:
    """The current version of one record."""

    id: str
    document: dict[str, Any]  # the stored Article JSON, as it was written
    # The index item's write marker (new on every write): a re-extraction is
    # published only over the item it was read from (`save(replacing=...)`).
    ingested_at: str
    written_by: str | None


class StoredInputs:
    """Reads records and their raw inputs from one bucket and table (clients injected)."""

    def __init__(self, s3: Any, dynamodb: Any, settings: Settings) -> None:
        self._s3 = s3
        self._index = ArticleIndex(dynamodb, settings)
        self._settings = settings

    def record(self, article_id: str) -> StoredRecord:
        """The record's current version (a consistent read of its index item).

        Raises ArticleNotFound (no such record, a content link, or an index item whose
        Article object is gone) and StorageUnavailable.
        """
        item = self._index.get(article_id)
        if not item or item.same_as is not None:  # links (see store) are not records
            raise ArticleNotFound(f"no article with id {article_id!r}")
        key = item.s3_key
        try:
            body = self._s3.get_object(Bucket=self._settings.bucket_name, Key=key)["Body"].read()
        except ClientError as exc:
            if object_missing(exc):
                raise ArticleNotFound(f"the Article object of {article_id!r} is gone") from exc
            raise StorageUnavailable(f"reading S3 failed: {type(exc).__name__}") from exc
        except BotoCoreError as exc:
            raise StorageUnavailable(f"reading S3 failed: {type(exc).__name__}") from exc
        try:
            document = json.loads(body)
        except ValueError:
            document = None
        if not isinstance(document, dict):
            document = {}
        return StoredRecord(
            id=article_id,
            document=document,
            ingested_at=item.ingested_at or "",
            written_by=item.written_by,
        )

    def source(self, record: StoredRecord) -> StoredSource:
        """The stored Article's `source`. Raises RawInputMissing when the document
        does not say where its input is."""
        try:
            return StoredSource.model_validate(record.document.get("source"))
        except ValidationError as exc:
            raise RawInputMissing(f"article {record.id!r} records no readable source") from exc

    def raw_input(self, record: StoredRecord) -> RawInput:
        """The record's input as it was received, ready to extract again: its bytes,
        the type it was stored with (else the one the Article records), its URL.

        Raises RawInputMissing (no raw key, or the object is gone) and
        StorageUnavailable.
        """
        source = self.source(record)
        if not source.raw_key:
            raise RawInputMissing(f"article {record.id!r} records no raw input")
        try:
            obj = self._s3.get_object(Bucket=self._settings.bucket_name, Key=source.raw_key)
            data: bytes = obj["Body"].read()
        except ClientError as exc:
            if object_missing(exc):
                raise RawInputMissing(
                    f"the raw input of article {record.id!r} ({source.raw_key}) is gone"
                ) from exc
            raise StorageUnavailable(f"reading S3 failed: {type(exc).__name__}") from exc
        except BotoCoreError as exc:
            raise StorageUnavailable(f"reading S3 failed: {type(exc).__name__}") from exc
        stored_type = obj.get("ContentType") or ""
        if says_nothing(stored_type):  # the stored Article's own type decides
            stored_type = source.content_type
        url = record.document.get("url")
        return RawInput(
            data,
            stored_type,
            source.via,
            url=url if isinstance(url, str) else None,
            raw_key=source.raw_key,
        )
