"""Re-extraction worker: each SQS message names ids to re-extract from their stored
raw inputs (article_ingest/reprocess.py).

An article that cannot be re-extracted for good (raw input gone, input refused) is
recorded on the dead-letter queue with its id and reason, and the rest of its
message goes on. A failure that may pass (a storage outage, a record rewritten
meanwhile) fails the message (partial batch response): SQS delivers it again, its
other ids come back unchanged, and after maxReceiveCount it is moved to the same
dead-letter queue.

Handler: reprocess_worker_app.lambda_handler
"""

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import ValidationError

from article_ingest import reprocess_queue
from article_ingest.errors import StorageUnavailable
from article_ingest.models import ErrorDetail
from article_ingest.observability import flush_metrics, make_tracer
from article_ingest.reprocess import ReprocessCounts, ReprocessResult, reextract
from article_ingest.runtime import runtime
from article_ingest.stored_inputs import StoredInputs

logger = Logger()
tracer = make_tracer()
metrics = Metrics()
processor = BatchProcessor(event_type=EventType.SQS)
# Metric name of each count (a dry run only logs its counts).
_METRICS = {
    "re_extracted": "ArticlesReextracted",
    "changed": "ArticlesChanged",
    "unchanged": "ArticlesUnchanged",
    "failed": "ReextractionFailures",
}


@tracer.capture_method(capture_response=False)
def record_handler(record: SQSRecord) -> None:
    """Re-extract every id one message names."""
    logger.set_correlation_id(record.message_id)
    rt = runtime()
    try:
        message = reprocess_queue.WorkMessage.model_validate_json(record.body)
    except ValidationError:
        refused = ReprocessResult(
            id="",
            outcome="failed",
            error=ErrorDetail(code="bad_request", message="not a re-extraction message"),
        )
        reprocess_queue.dead_letter(rt.sqs, rt.settings, refused, record.message_id)
        return
    inputs = StoredInputs(rt.s3, rt.dynamodb, rt.settings)
    counts, retry = ReprocessCounts(), []
    for article_id in message.ids:
        result = reextract(
            article_id, rt.settings, rt.store, inputs, dry_run=message.dry_run, events=rt.events
        )
        counts.add(result)
        if result.retryable:
            retry.append(article_id)
        elif result.error:
            logger.warning(
                "re-extraction failed",
                extra={"article_id": article_id, "error_code": result.error.code},
            )
            if not message.dry_run:
                reprocess_queue.dead_letter(rt.sqs, rt.settings, result, record.message_id)
    if not message.dry_run:
        for name, value in counts.model_dump().items():
            metrics.add_metric(name=_METRICS[name], unit=MetricUnit.Count, value=value)
    logger.info("re-extracted", extra={**counts.model_dump(), "dry_run": message.dry_run})
    if retry:
        logger.error("re-extraction will be retried", extra={"article_ids": retry})
        raise StorageUnavailable(f"{len(retry)} articles failed for now: {retry[0]}, ...")


@logger.inject_lambda_context
@tracer.capture_lambda_handler(capture_response=False)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    """The worker's entry point: an SQS batch in, its partial failures out."""
    try:
        return process_partial_response(
            event=event, record_handler=record_handler, processor=processor, context=context
        )
    finally:
        flush_metrics(metrics)
