"""Deleting an article for good (takedown, privacy): its index item, the content
links that name it, every stored version of its Article JSON and its raw inputs. The
bucket is versioned, so object *versions* are deleted (and delete markers with
them): the bytes are gone, not hidden behind a marker.

Order, so that a failure half-way never leaves a pointer to missing objects:

1. the index item, by a conditional delete (it must exist and be a record, not a
   link): from then on GET answers 404 and the listing drops it;
2. the content links naming the record (conditional on naming it), which point at
   its objects too;
3. the object versions, found by prefix (`articles/<id>/`, `raw/<id>/`, and those
   of a body record folded into it) and by the upload keys its versions name.

Steps 1 and 2 remove pointers; step 3 removes what nothing points at any more. A
failure after step 1 leaves unreferenced objects, and a retry finds them by prefix
and finishes the job (204). Concurrent deletes of one id are safe: one wins the
conditional delete of step 1, and deleting an object version twice is not an error.
A write of the same id racing a delete either lands whole after it, or its index
item is found pointing at a deleted object at the end and is removed as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from pydantic import ValidationError

from .aws import error_code
from .errors import ArticleNotFound, StorageUnavailable
from .events import ArticleEvent
from .models import Article
from .settings import Settings
from .store import ArticleIndex, content_id

_DELETE_BATCH = 1000  # S3 DeleteObjects takes at most 1000 keys a call


@dataclass
class DeletedArticle:
    """What a delete removed. `record` is the index item's fields (id, url,
    headline, publisher, s3_key, content_sha256) when this call removed it; None
    when a retry only finished an earlier, interrupted delete."""

    id: str
    record: ArticleEvent | None = None
    links: list[str] = field(default_factory=list)
    object_versions: int = 0

    def event(self) -> ArticleEvent:
        """The ArticleDeleted detail: the record removed, else just its id."""
        return self.record or ArticleEvent(id=self.id)


def _unavailable(action: str, exc: Exception) -> StorageUnavailable:
    return StorageUnavailable(f"storage failed while {action}: {type(exc).__name__}")


class ArticleEraser:
    """Deletes articles from one bucket and table (clients injected)."""

    def __init__(self, s3: Any, dynamodb: Any, settings: Settings) -> None:
        self._s3 = s3
        self._index = ArticleIndex(dynamodb, settings)
        self._settings = settings

    def delete(self, article_id: str) -> DeletedArticle:
        """Delete the article `article_id` names (a content id names the record it
        links to), its versions, raw inputs and links.

        Raises ArticleNotFound when there was nothing to delete, and
        StorageUnavailable when S3 or DynamoDB fail (a retry finishes the job).
        """
        item = self._index.get(article_id)
        links: set[str] = set()
        if item and item.same_as is not None:  # GET by a content id answers the record
            links.add(article_id)  # the link asked for goes even if the record is gone
            article_id = item.same_as
        deleted = DeletedArticle(id=article_id, record=self._delete_index_item(article_id))
        article_versions = self._versions(self._article_prefix(article_id))
        prefixes = [self._raw_prefix(article_id)]
        shas = {sha for key, _ in article_versions if (sha := self._sha_of(key))}
        links |= {content_id(sha) for sha in shas} - {article_id}
        for linked in sorted(links):
            if self._delete_link(linked, article_id):
                deleted.links.append(linked)
            if self._index.get(linked) is None:
                # The body's own record was folded into this one (its link just
                # deleted, or by an earlier attempt): its objects are this article's.
                article_versions += self._versions(self._article_prefix(linked))
                prefixes.append(self._raw_prefix(linked))
        doomed = list(article_versions)
        for key in self._upload_keys(article_versions):
            doomed += [v for v in self._versions(key) if v[0] == key]
        for prefix in prefixes:
            doomed += self._versions(prefix)
        deleted.object_versions = self._delete_versions(doomed)
        self._drop_racing_write(article_id)
        if deleted.record is None and not deleted.links and not deleted.object_versions:
            raise ArticleNotFound(f"no article with id {article_id!r}")
        return deleted

    # ------------------------------------------------------------------ keys
    def _article_prefix(self, article_id: str) -> str:
        return f"{self._settings.article_prefix}{article_id}/"

    def _raw_prefix(self, article_id: str) -> str:
        return f"{self._settings.raw_prefix}{article_id}/"

    def _sha_of(self, key: str) -> str | None:
        """The content hash an Article key names (`articles/<id>/<sha>.json`)."""
        name = key.rsplit("/", 1)[-1]
        return name.removesuffix(".json") if name.endswith(".json") else None

    # ------------------------------------------------------------------ DynamoDB
    def _delete_index_item(self, article_id: str) -> ArticleEvent | None:
        old = self._index.delete_if(
            article_id, "attribute_exists(id) AND attribute_not_exists(same_as)"
        )
        if old is None:
            return None
        return ArticleEvent(
            id=article_id,
            url=old.url,
            headline=old.headline,
            publisher=old.publisher,
            s3_key=old.s3_key,
            content_sha256=old.content_sha256,
        )

    def _delete_link(self, linked: str, article_id: str) -> bool:
        """Delete the content link at `linked` if it names `article_id`."""
        return (
            self._index.delete_if(linked, "same_as = :record", {":record": article_id}) is not None
        )

    def _drop_racing_write(self, article_id: str) -> None:
        """An index item written while this delete ran, whose object was among the
        versions deleted (its writer wrote the object before the delete listed it):
        removed too, so that no index item points at nothing."""
        item = self._index.get(article_id)
        if not item or item.same_as is not None or self._exists(item.s3_key):
            return
        self._index.delete_if(article_id, "s3_key = :key", {":key": item.s3_key})

    # ------------------------------------------------------------------ S3
    def _versions(self, prefix: str) -> list[tuple[str, str]]:
        """(key, version id) of every object version and delete marker under prefix."""
        found: list[tuple[str, str]] = []
        try:
            pages = self._s3.get_paginator("list_object_versions").paginate(
                Bucket=self._settings.bucket_name, Prefix=prefix
            )
            for page in pages:
                for entry in [*page.get("Versions", []), *page.get("DeleteMarkers", [])]:
                    found.append((entry["Key"], entry["VersionId"]))
        except (ClientError, BotoCoreError) as exc:
            raise _unavailable("listing S3", exc) from exc
        return found

    def _upload_keys(self, article_versions: list[tuple[str, str]]) -> set[str]:
        """The upload keys (outside raw/) the stored versions name as their input."""
        keys: set[str] = set()
        for key, version in article_versions:
            try:
                body = self._s3.get_object(
                    Bucket=self._settings.bucket_name, Key=key, VersionId=version
                )["Body"].read()
                raw_key = Article.model_validate_json(body).source.raw_key
            except ClientError as exc:
                # A delete marker has no body (405); a version already gone, none (404).
                if error_code(exc) in ("MethodNotAllowed", "NoSuchVersion", "NoSuchKey"):
                    continue
                raise _unavailable("reading S3", exc) from exc
            except BotoCoreError as exc:
                raise _unavailable("reading S3", exc) from exc
            except ValidationError:
                continue  # not an Article this service wrote: it names no input
            if raw_key and not raw_key.startswith(self._settings.raw_prefix):
                keys.add(raw_key)
        return keys

    def _delete_versions(self, versions: list[tuple[str, str]]) -> int:
        unique = sorted(set(versions))
        for start in range(0, len(unique), _DELETE_BATCH):
            batch = unique[start : start + _DELETE_BATCH]
            objects = [{"Key": key, "VersionId": version} for key, version in batch]
            try:
                response = self._s3.delete_objects(
                    Bucket=self._settings.bucket_name,
                    Delete={"Objects": objects, "Quiet": True},
                )
            except (ClientError, BotoCoreError) as exc:
                raise _unavailable("deleting from S3", exc) from exc
            errors = [e for e in response.get("Errors", []) if e.get("Code") != "NoSuchVersion"]
            if errors:
                raise StorageUnavailable(
                    f"storage failed while deleting from S3: {errors[0].get('Code')}"
                )
        return len(unique)

    def _exists(self, key: str) -> bool:
        """Whether `key` has a current version. Listed rather than HEADed: the role
        may list versions under the prefix, and S3 answers a HEAD of a missing key
        with 403, not 404, to a role that may not ListBucket."""
        try:
            page = self._s3.list_object_versions(
                Bucket=self._settings.bucket_name, Prefix=key, MaxKeys=10
            )
        except (ClientError, BotoCoreError) as exc:
            raise _unavailable("listing S3", exc) from exc
        return any(v["Key"] == key and v.get("IsLatest") for v in page.get("Versions", []))
