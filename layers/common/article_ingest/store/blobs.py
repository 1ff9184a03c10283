"""The S3 side of the store: the input as received and each Article version's JSON,
under keys that name their content, so a retry rewrites the same objects."""

from __future__ import annotations

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from ..models import Article
from ..normalize import sha256_hex
from ..settings import Settings
from .errors import storage_error


class ArticleBlobs:
    """The bucket's raw inputs and Article JSON (an S3 client injected)."""

    def __init__(self, s3: Any, settings: Settings) -> None:
        self._s3 = s3
        self._settings = settings

    def raw_key(self, article_id: str, raw: bytes) -> str:
        """Where the input as received is kept: one object per distinct input."""
        return f"{self._settings.raw_prefix}{article_id}/{sha256_hex(raw)[:20]}"

    def article_key(self, article: Article) -> str:
        """Where this version of the Article is kept: its id and its body's hash."""
        return f"{self._settings.article_prefix}{article.id}/{article.content_sha256}.json"

    def write(self, article: Article, raw: bytes | None, key: str) -> None:
        """Write the raw input (when given and the Article names its key), then the
        Article JSON under `key`."""
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
            raise storage_error("writing to S3", exc) from exc

    def load(self, key: str) -> Article:
        """The Article JSON stored under `key`."""
        try:
            obj = self._s3.get_object(Bucket=self._settings.bucket_name, Key=key)
            return Article.model_validate_json(obj["Body"].read())
        except (ClientError, BotoCoreError) as exc:
            raise storage_error("reading S3", exc) from exc
