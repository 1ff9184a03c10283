"""Announcements on EventBridge: each article created, updated or deleted, so that
downstream systems subscribe (a rule on the bus) instead of polling the API.

Best effort, by choice: an event is sent after the store's write succeeded, and a
failed PutEvents neither fails nor undoes that write. It is logged (`event not
published`, with the article id and the error code) and counted (metric
EventsNotPublished), and the stored article stays as it is. The alternative, an
outbox the service writes with the index item and a stream that drains it, would
make every write slower and the template larger for a guarantee downstream systems
can get more simply: they read the record itself (GET /articles/{id}) and can
reconcile with GET /articles when they suspect a gap. Events can also come twice:
a retried request (the same Idempotency-Key, a redelivered upload notification)
reports, and announces, its first write again, which also announces late a write
whose first announcement was lost in a crash. `id` with `content_sha256` identifies
a version.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from botocore.exceptions import BotoCoreError, ClientError
from pydantic import BaseModel, ConfigDict

from .aws import error_code
from .models import Article, IngestStatus
from .settings import Settings

logger = Logger(child=True)

SOURCE = "article-ingest"
EVENTS_NOT_PUBLISHED = "EventsNotPublished"  # PutEvents failed; the write stands

DetailType = Literal["ArticleIngested", "ArticleUpdated", "ArticleDeleted"]
_DETAIL_TYPES: dict[IngestStatus, DetailType] = {
    "created": "ArticleIngested",
    "updated": "ArticleUpdated",
}


class ArticleEvent(BaseModel):
    """The detail of every event: which article, where its JSON is, which content.

    On ArticleDeleted the fields describe the version that was deleted; all but `id`
    are null when a retry only finished an earlier, interrupted deletion.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    url: str | None = None
    headline: str | None = None
    publisher: str | None = None
    s3_key: str | None = None
    content_sha256: str | None = None


class ArticleEvents(Protocol):
    """What the service needs to announce a change: one call per change."""

    def announce(self, detail_type: DetailType, detail: ArticleEvent) -> bool:
        """Send one event; True when EventBridge took it. Never raises."""
        ...


class NoEvents:
    """No bus configured (the CLI's embedded stack, tests): nothing is announced."""

    def announce(self, detail_type: DetailType, detail: ArticleEvent) -> bool:
        return False


NO_EVENTS = NoEvents()


class EventBridgePublisher:
    """ArticleEvents on one EventBridge bus (client injected).

    `metrics`, when given (the functions' Powertools Metrics, whose handlers flush
    it), counts the events that could not be published.
    """

    def __init__(self, client: Any, bus_name: str, metrics: Metrics | None = None) -> None:
        self._client = client
        self._bus_name = bus_name
        self._metrics = metrics

    def announce(self, detail_type: DetailType, detail: ArticleEvent) -> bool:
        entry = {
            "Source": SOURCE,
            "DetailType": detail_type,
            "Detail": detail.model_dump_json(),
            "EventBusName": self._bus_name,
        }
        try:
            response = self._client.put_events(Entries=[entry])
        except (ClientError, BotoCoreError) as exc:
            code = error_code(exc) if isinstance(exc, ClientError) else type(exc).__name__
            return self._failed(detail_type, detail, code)
        if response.get("FailedEntryCount"):
            failed = (response.get("Entries") or [{}])[0]
            return self._failed(detail_type, detail, failed.get("ErrorCode"))
        return True

    def _failed(self, detail_type: DetailType, detail: ArticleEvent, code: str | None) -> bool:
        # The article is stored: the caller's request succeeds; only the event is lost.
        logger.error(
            "event not published",
            extra={"article_id": detail.id, "detail_type": detail_type, "error_code": code},
        )
        if self._metrics is not None:
            self._metrics.add_metric(name=EVENTS_NOT_PUBLISHED, unit=MetricUnit.Count, value=1)
        return False


def publisher(settings: Settings, metrics: Metrics | None = None) -> ArticleEvents:
    """The publisher for `settings`: EventBridge when EVENT_BUS_NAME names a bus, else
    NoEvents."""
    if not settings.event_bus_name:
        return NO_EVENTS
    from .aws import client

    events_client = client("events", settings.aws_region, settings.aws_endpoint_url)
    return EventBridgePublisher(events_client, settings.event_bus_name, metrics)


def stored_event(article: Article, s3_key: str) -> ArticleEvent:
    """The detail announcing a stored version of `article` (its JSON at `s3_key`)."""
    return ArticleEvent(
        id=article.id,
        url=article.url,
        headline=article.headline,
        publisher=article.publisher,
        s3_key=s3_key,
        content_sha256=article.content_sha256,
    )


def announce_write(
    events: ArticleEvents, status: IngestStatus, article: Article, s3_key: str
) -> bool:
    """Announce a write by its status: created -> ArticleIngested, updated ->
    ArticleUpdated; an unchanged repeat announces nothing (False)."""
    detail_type = _DETAIL_TYPES.get(status)
    if detail_type is None:
        return False
    return events.announce(detail_type, stored_event(article, s3_key))
