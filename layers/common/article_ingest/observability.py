"""Metric names and helpers shared by the functions' Powertools objects.

Each function creates its own Logger, Tracer and Metrics once (see
`article_ingest.api.app` and `functions/s3_ingest/s3_app.py`); library modules log
through `Logger(child=True)`. Article bodies are never logged: only ids, keys,
sizes, statuses and error codes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

from aws_lambda_powertools import Metrics
from aws_lambda_powertools.metrics import MetricUnit

from .errors import IngestError
from .models import IngestStatus

ARTICLES_INGESTED = "ArticlesIngested"  # created or updated
DUPLICATES = "Duplicates"  # the same content was already stored
EXTRACTION_FAILURES = "ExtractionFailures"  # input refused: malformed, too large, no article
ARTICLES_DELETED = "ArticlesDeleted"  # DELETE /articles/{id} removed something
# The statuses of an input refused as it is (not 404s, not storage failures).
_REFUSED = frozenset({400, 413, 415, 422})


_F = TypeVar("_F", bound=Callable[..., Any])
_TRUTHY = frozenset({"1", "true", "yes", "on"})


class TracerLike(Protocol):
    """The part of Powertools' Tracer the functions use."""

    def capture_lambda_handler(self, **kwargs: Any) -> Callable[[_F], _F]: ...

    def capture_method(self, **kwargs: Any) -> Callable[[_F], _F]: ...


class PassThroughTracer:
    """Stands in for Powertools' Tracer when X-Ray SDK subsegments are switched off.

    Lambda's active tracing still records every invocation; what is skipped is the
    X-Ray SDK, whose import (it loads botocore's session machinery) costs more than
    the rest of the function's cold start together (`make bench`, cold start rows).
    """

    def capture_lambda_handler(self, **_: Any) -> Callable[[_F], _F]:
        return lambda func: func

    def capture_method(self, **_: Any) -> Callable[[_F], _F]:
        return lambda func: func


def make_tracer() -> TracerLike:
    """Powertools' Tracer, unless POWERTOOLS_TRACE_DISABLED is set (the template's
    default; its TraceSubsegments parameter turns the SDK on)."""
    if os.environ.get("POWERTOOLS_TRACE_DISABLED", "").strip().lower() in _TRUTHY:
        return PassThroughTracer()
    from aws_lambda_powertools import Tracer

    return cast(TracerLike, Tracer())


def record_ingest(metrics: Metrics, status: IngestStatus) -> None:
    """Count one successful ingestion by its outcome."""
    name = DUPLICATES if status == "unchanged" else ARTICLES_INGESTED
    metrics.add_metric(name=name, unit=MetricUnit.Count, value=1)


def record_delete(metrics: Metrics) -> None:
    """Count one article deleted."""
    metrics.add_metric(name=ARTICLES_DELETED, unit=MetricUnit.Count, value=1)


def record_failure(metrics: Metrics, error: IngestError) -> None:
    """Count one input the service refused (400, 413, 415, 422); others are not counted."""
    if error.http_status in _REFUSED:
        metrics.add_metric(name=EXTRACTION_FAILURES, unit=MetricUnit.Count, value=1)


def flush_metrics(metrics: Metrics) -> None:
    """Publish the metrics recorded in this invocation, if any.

    Used instead of `log_metrics`, which warns on every invocation without a metric
    (every GET), turning log noise into test failures under `-W error`.
    """
    if metrics.metric_set:
        metrics.flush_metrics()
