"""Re-extraction starter: pages through the index and fans the ids out to the worker.

Invoked by hand (`sam remote invoke ReprocessStarterFunction --event
'{"since": "2025-01-01", "publisher": "Reuters", "dry_run": true}'`), or by its own
queue with the continuation it left itself when its deadline neared
(article_ingest/reprocess_queue.py). Answers `{"enqueued", "pages", "continued"}`,
or `{"error": {"code", "message"}}` for an event it refuses (not retried).

Handler: reprocess_starter_app.lambda_handler
"""

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import ValidationError

from article_ingest import reprocess_queue
from article_ingest.errors import BadInput
from article_ingest.observability import flush_metrics, make_tracer
from article_ingest.runtime import runtime

logger = Logger()
tracer = make_tracer()
metrics = Metrics()
processor = BatchProcessor(event_type=EventType.SQS)


def start(job: reprocess_queue.ReprocessJob, context: LambdaContext) -> dict[str, Any]:
    """Fan out from the job's cursor; hand the rest on when the deadline nears."""
    rt = runtime()
    done = reprocess_queue.fan_out(
        job, rt.store, rt.sqs, rt.settings, remaining_ms=context.get_remaining_time_in_millis
    )
    if done.continuation:
        reprocess_queue.send_continuation(rt.sqs, rt.settings, done.continuation)
    if not job.dry_run:
        metrics.add_metric(name="ArticlesEnqueued", unit=MetricUnit.Count, value=done.enqueued)
    logger.info(
        "re-extraction fanned out",
        extra={
            "enqueued": done.enqueued,
            "pages": job.pages + done.pages,
            "continued": done.continuation is not None,
            "dry_run": job.dry_run,
            "filters": job.model_dump(include={"since", "until", "publisher"}),
        },
    )
    return {"enqueued": done.enqueued, "pages": done.pages, "continued": bool(done.continuation)}


def _continuation(context: LambdaContext) -> Any:
    def record_handler(record: SQSRecord) -> None:
        start(reprocess_queue.ReprocessJob.model_validate_json(record.body), context)

    return record_handler


@logger.inject_lambda_context
@tracer.capture_lambda_handler(capture_response=False)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """A job (direct invocation) or a batch of continuations (its queue)."""
    try:
        if "Records" in event:
            return dict(
                process_partial_response(
                    event=event,
                    record_handler=_continuation(context),
                    processor=processor,
                    context=context,
                )
            )
        try:
            job = reprocess_queue.ReprocessJob.model_validate(event)
        except (ValidationError, BadInput) as exc:
            message = exc.message if isinstance(exc, BadInput) else str(exc).splitlines()[0]
            logger.warning("re-extraction job refused", extra={"error_code": "bad_request"})
            return {"error": {"code": "bad_request", "message": message}}
        return start(job, context)
    finally:
        flush_metrics(metrics)
