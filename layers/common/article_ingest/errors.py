"""The error hierarchy. Each error carries a stable code and its HTTP status;
the API maps them to responses in exactly one place (article_ingest/api/errors.py),
the CLI prints them as JSON lines, the S3 handler sends them to the DLQ."""

from __future__ import annotations


class IngestError(Exception):
    """Base of every error the service raises on purpose."""

    code = "ingest_error"
    http_status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadInput(IngestError):
    """The request or input is malformed (400)."""

    code = "bad_request"
    http_status = 400


class InputTooLarge(IngestError):
    """The input (raw or decompressed) exceeds the documented limit (413)."""

    code = "too_large"
    http_status = 413


class UnsupportedMediaType(IngestError):
    """The content type or the bytes are neither HTML nor text (415)."""

    code = "unsupported_media_type"
    http_status = 415


class BadCursor(BadInput):
    """A list cursor this service did not issue, or issued for another listing (400)."""

    code = "bad_cursor"


class NoArticleFound(IngestError):
    """The input was readable but holds no article (422)."""

    code = "no_article"
    http_status = 422


class ArticleNotFound(IngestError):
    """No stored article has this id (404)."""

    code = "not_found"
    http_status = 404


class RecordRefused(IngestError):
    """Storage refused the record for good (a size limit of DynamoDB or S3): the same
    input would fail again, so it is not retried (422)."""

    code = "record_refused"
    http_status = 422


class StorageUnavailable(IngestError):
    """S3 or DynamoDB failed after retries; the caller may retry (503)."""

    code = "storage_unavailable"
    http_status = 503


class RecordChanged(IngestError):
    """A record was written by someone else while it was re-extracted: the
    re-extraction is not published over it; running it again reads the new version
    (409, never raised by the API)."""

    code = "record_changed"
    http_status = 409


class RawInputMissing(IngestError):
    """A stored article's raw input is gone or cannot be read back, so it cannot be
    re-extracted; the article is kept as it is (404, never raised by the API)."""

    code = "raw_missing"
    http_status = 404
