"""Upload Lambda: S3 `incoming/` notifications, delivered through SQS in batches.

Each object is ingested on its own. An input the service refuses (a 4xx error:
malformed, too large, no article) is recorded on the dead-letter queue with its key
and reason, and not retried. A storage failure fails only its own message (partial
batch response): SQS retries it, then moves it to the same queue after
maxReceiveCount attempts.

Handler: s3_app.lambda_handler
"""

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from article_ingest import service, uploads
from article_ingest.errors import IngestError
from article_ingest.observability import flush_metrics, make_tracer, record_failure, record_ingest
from article_ingest.runtime import runtime

logger = Logger()
tracer = make_tracer()
metrics = Metrics()
processor = BatchProcessor(event_type=EventType.SQS)


def _refuse(upload: uploads.Upload | None, error: IngestError, message_id: str) -> None:
    if error.http_status >= 500:
        # Transient: fail this message so SQS retries it (then redrives it to the DLQ).
        logger.error(
            "upload failed, will be retried",
            extra={"key": upload and upload.key, "error_code": error.code},
        )
        raise error
    record_failure(metrics, error)
    rt = runtime()
    uploads.dead_letter(rt.sqs, rt.settings, upload, error, message_id)


@tracer.capture_method(capture_response=False)
def record_handler(record: SQSRecord) -> None:
    """Ingest every object one SQS message announces."""
    logger.set_correlation_id(record.message_id)
    rt = runtime()
    try:
        announced = uploads.parse_notification(record.body)
    except IngestError as exc:
        return _refuse(None, exc, record.message_id)
    for upload in announced:
        if not upload.key.startswith(rt.settings.incoming_prefix) or upload.key.endswith("/"):
            # Outside incoming/ (never notified by the template), or a console "folder".
            logger.warning("ignored upload key", extra={"key": upload.key})
            continue
        try:
            result = service.ingest(
                uploads.read_upload(rt.s3, upload, rt.settings),
                rt.settings,
                rt.store,
                events=rt.events,
            )
        except IngestError as exc:
            _refuse(upload, exc, record.message_id)
            continue
        except Exception:
            logger.exception(
                "upload failed unexpectedly, will be retried", extra={"key": upload.key}
            )
            raise
        record_ingest(metrics, result.status)
        logger.info(
            "upload ingested",
            extra={"key": upload.key, "article_id": result.article.id, "status": result.status},
        )
    return None


@logger.inject_lambda_context
@tracer.capture_lambda_handler(capture_response=False)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    """The upload function's entry point: an SQS batch in, its partial failures out."""
    try:
        return process_partial_response(
            event=event, record_handler=record_handler, processor=processor, context=context
        )
    finally:
        flush_metrics(metrics)
