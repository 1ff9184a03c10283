"""The DynamoDB index item as a model: what a record (or a content link) holds, read
and written through boto3's type (de)serializer instead of hand-built {"S": ...}."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..models import ArticleSummary


@lru_cache(maxsize=1)
def _codecs() -> tuple[Any, Any]:
    """boto3's (serializer, deserializer), imported on first use: importing boto3
    costs ~130 ms that a function's cold start need not pay before its first storage
    call (aws.py makes its clients the same way)."""
    from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

    return TypeSerializer(), TypeDeserializer()


class IndexItem(BaseModel):
    """One item of the articles table: a record, or a content link (`same_as`).

    A record points at its Article JSON (`s3_key`) and carries the listing's keys
    and summary fields, the write that made it (id, status, writer, request token)
    and the version it replaced. A link, at a body's content id, names the record
    that body is stored under and that version's S3 key; it is never listed (it has
    no listing keys).
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    s3_key: str
    content_sha256: str | None = None
    ingested_at: str | None = None
    # The listing: its index keys and the summary it shows.
    list_key: str | None = None
    publisher_key: str | None = None
    sort_at: str | None = None
    headline: str | None = None
    publisher: str | None = None
    published_at: str | None = None
    url: str | None = None
    # The write that made this item, and the version it replaced.
    write_id: str | None = None
    write_status: str | None = None
    written_by: str | None = None
    write_token: str | None = None
    previous_s3_key: str | None = None
    previous_content_sha256: str | None = None
    previous_written_by: str | None = None
    # A content link: the id of the record this body is stored under.
    same_as: str | None = None

    @classmethod
    def from_dynamo(cls, item: dict[str, Any]) -> IndexItem:
        """The model of a DynamoDB item as GetItem / Query return it."""
        deserializer = _codecs()[1]
        return cls.model_validate({k: deserializer.deserialize(v) for k, v in item.items()})

    def to_dynamo(self) -> dict[str, Any]:
        """The DynamoDB item: every attribute that has a value (empty ones are left
        out, as DynamoDB's secondary indexes refuse empty key strings)."""
        serializer = _codecs()[0]
        return {k: serializer.serialize(v) for k, v in self.model_dump().items() if v}

    def summary(self) -> ArticleSummary:
        """The record as the listing shows it."""
        return ArticleSummary(
            id=self.id,
            headline=self.headline or "",
            publisher=self.publisher,
            published_at=self.published_at,
            url=self.url,
            content_sha256=self.content_sha256 or "",
            s3_key=self.s3_key,
            ingested_at=self.ingested_at or "",
        )
