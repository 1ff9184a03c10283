"""S3 uploads: the objects an S3 event notification announces, read as RawInput,
and the dead-letter record of an upload the service refused.

The upload function (functions/s3_ingest/s3_app.py) receives the notifications
through SQS; everything that touches S3 or SQS for it lives here.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from aws_lambda_powertools import Logger
from botocore.exceptions import BotoCoreError, ClientError
from pydantic import BaseModel, ValidationError

from .aws import object_missing
from .errors import BadInput, IngestError, InputTooLarge, StorageUnavailable
from .inputs import content_type_for, says_nothing
from .service import RawInput
from .settings import Settings

logger = Logger(child=True)


class ObjectMissing(IngestError):
    """The uploaded object is gone (deleted before it was processed): nothing to retry."""

    code = "object_missing"
    http_status = 404


class _Bucket(BaseModel):
    name: str


class _Object(BaseModel):
    key: str
    versionId: str | None = None
    sequencer: str | None = None


class _Identity(BaseModel):
    principalId: str | None = None


class _Entity(BaseModel):
    bucket: _Bucket
    object: _Object | None = None


class _Record(BaseModel):
    s3: _Entity
    userIdentity: _Identity | None = None


class S3Notification(BaseModel):
    """The part of an S3 event notification the upload function reads; the rest
    (identities, request ids) varies by sender and is ignored."""

    Records: list[_Record]


@dataclass(frozen=True)
class Upload:
    """One uploaded object, its key decoded."""

    bucket: str
    key: str
    version_id: str | None = None
    sequencer: str | None = None  # orders the events of one key; the same on a redelivery
    principal: str | None = None  # who put the object, as S3 reports it

    @property
    def token(self) -> str:
        """Names this upload: a redelivery of its notification has the same token."""
        return f"s3:{self.bucket}/{self.key}#{self.version_id or self.sequencer or ''}"


def parse_notification(body: str) -> list[Upload]:
    """The objects an S3 event notification announces; none for s3:TestEvent.

    Keys arrive URL-encoded (`incoming/my+file%C3%A9.html`) and are decoded here.
    Raises BadInput when the body is not an S3 event notification.
    """
    try:
        data: Any = json.loads(body)
    except ValueError as exc:
        raise BadInput("the message body is not JSON") from exc
    if isinstance(data, dict) and data.get("Event") == "s3:TestEvent":
        return []
    try:
        event = S3Notification.model_validate(data)
    except ValidationError as exc:
        raise BadInput("the message is not an S3 event notification") from exc
    return [
        Upload(
            r.s3.bucket.name,
            unquote_plus(r.s3.object.key),
            r.s3.object.versionId,
            r.s3.object.sequencer,
            f"s3:{r.userIdentity.principalId}"
            if r.userIdentity and r.userIdentity.principalId
            else None,
        )
        for r in event.Records
        if r.s3.object is not None
    ]


def read_upload(s3: Any, upload: Upload, settings: Settings) -> RawInput:
    """The uploaded object as a RawInput (via='s3', raw_key=its key, url from metadata).

    Raises InputTooLarge (checked before reading), ObjectMissing, StorageUnavailable.
    """
    kwargs: dict[str, Any] = {"Bucket": upload.bucket, "Key": upload.key}
    if upload.version_id:
        kwargs["VersionId"] = upload.version_id
    try:
        obj = s3.get_object(**kwargs)
        size = int(obj.get("ContentLength", 0))
        if size > settings.max_input_bytes:
            obj["Body"].close()
            raise InputTooLarge(f"object is {size} bytes; the limit is {settings.max_input_bytes}")
        data: bytes = obj["Body"].read()
    except ClientError as exc:
        if object_missing(exc):
            raise ObjectMissing(f"s3://{upload.bucket}/{upload.key} no longer exists") from exc
        raise StorageUnavailable(f"reading the upload failed: {type(exc).__name__}") from exc
    except BotoCoreError as exc:
        raise StorageUnavailable(f"reading the upload failed: {type(exc).__name__}") from exc
    content_type = obj.get("ContentType") or ""
    if says_nothing(content_type):  # the key's extension (`.html.gz`, `.txt`) decides
        content_type = content_type_for(Path(upload.key)) or ""
    url = (obj.get("Metadata") or {}).get("url")
    return RawInput(
        data,
        content_type or None,
        "s3",
        url=url,
        raw_key=upload.key,
        principal=upload.principal,
        request_token=upload.token,
    )


def dead_letter(
    sqs: Any, settings: Settings, upload: Upload | None, error: IngestError, message_id: str
) -> None:
    """Record a refused upload on the dead-letter queue: where it is and why.

    Raises StorageUnavailable when the queue cannot be written (the message is then
    retried, so nothing is lost).
    """
    record = {
        "bucket": upload.bucket if upload else None,
        "key": upload.key if upload else None,
        "version_id": upload.version_id if upload else None,
        "message_id": message_id,
        "error": {"code": error.code, "message": error.message},
        "failed_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    logger.warning("upload refused", extra={"key": record["key"], "error_code": error.code})
    if not settings.dead_letter_queue_url:
        raise StorageUnavailable("DEAD_LETTER_QUEUE_URL is not configured")
    try:
        sqs.send_message(QueueUrl=settings.dead_letter_queue_url, MessageBody=json.dumps(record))
    except (ClientError, BotoCoreError) as exc:
        raise StorageUnavailable(f"writing the dead-letter queue failed: {exc}") from exc
