"""Re-extraction: stored articles extracted again from their raw inputs with the
current extractor, and rewritten only when the output changed.

An article whose output is the same is left alone ("unchanged": no write at all).
One whose output changed is published by the store's own save path (a new version
and its index item, by the same conditional write as ingestion), over exactly the
index item it was read from. An article whose raw input is gone or refused is
"failed" with the reason, and kept as it is: never deleted, never blanked.

`article-ingest reprocess` pages through the index and calls `reextract` for each
id; in AWS the starter function pages and the worker function calls it
(functions/reprocess_*, reprocess_queue.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from . import service
from .errors import IngestError, RecordChanged, StorageUnavailable
from .events import NO_EVENTS, ArticleEvents, announce_write
from .models import Article, ErrorDetail, Source
from .settings import Settings
from .store import ArticleStore, time_bound
from .stored_inputs import StoredInputs, StoredRecord

Outcome = Literal["changed", "unchanged", "failed"]
# A record rewritten by someone else between our read and our write is read again
# and re-extracted once more before it counts as failed (retryable).
_READ_AGAIN = 2


class ReprocessFilters(BaseModel):
    """Which stored articles to re-extract: the filters of GET /articles."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    since: str | None = None
    until: str | None = None
    publisher: str | None = Field(default=None, min_length=1)

    @field_validator("since", "until")
    @classmethod
    def _iso_bound(cls, value: str | None, info: ValidationInfo) -> str | None:
        # Checked as the index will compare it: BadInput (pydantic lets it through).
        if value is not None:
            time_bound(value, info.field_name or "since/until")
        return value


class ReprocessResult(BaseModel):
    """What re-extracting one article did."""

    id: str
    outcome: Outcome
    error: ErrorDetail | None = None
    # A failure that may pass on a later attempt (storage outage, concurrent write).
    retryable: bool = False


class ReprocessCounts(BaseModel):
    """The counts a run reports: re_extracted = changed + unchanged."""

    re_extracted: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0

    def add(self, result: ReprocessResult) -> None:
        """Count one article's outcome."""
        if result.outcome == "failed":
            self.failed += 1
            return
        self.re_extracted += 1
        if result.outcome == "changed":
            self.changed += 1
        else:
            self.unchanged += 1


def revised_article(record: StoredRecord, inputs: StoredInputs, settings: Settings) -> Article:
    """The record's Article as the current extractor makes it from the stored input.

    The record keeps its id (a record never moves, even when the page now names
    another canonical URL) and where its input came from and when; the rest is the
    extractor's. Raises the errors of `service.extract`, RawInputMissing and
    StorageUnavailable.
    """
    stored_source = inputs.source(record)
    raw = inputs.raw_input(record)
    fresh, _ = service.extract(raw, settings, ignore_bad_url=True)
    source = Source(
        kind=fresh.source.kind,
        content_type=fresh.source.content_type,
        bytes=len(raw.data),
        via=stored_source.via,
        raw_key=stored_source.raw_key,
        received_at=stored_source.received_at,
    )
    return fresh.model_copy(update={"id": record.id, "source": source})


def _reextract_once(
    article_id: str,
    settings: Settings,
    store: ArticleStore,
    inputs: StoredInputs,
    dry_run: bool,
    events: ArticleEvents,
) -> Outcome:
    record = inputs.record(article_id)
    fresh = revised_article(record, inputs, settings)
    if fresh.model_dump(mode="json") == record.document:
        return "unchanged"
    if not dry_run:
        # The original writer stays the writer: the version is made from their input.
        status, stored = store.save(
            fresh, None, writer=record.written_by, replacing=record.ingested_at
        )
        # Subscribers hear of a re-extracted version as of any update (best effort).
        announce_write(events, status, stored, store.article_key(stored))
    return "changed"


def reextract(
    article_id: str,
    settings: Settings,
    store: ArticleStore,
    inputs: StoredInputs,
    *,
    dry_run: bool = False,
    events: ArticleEvents = NO_EVENTS,
) -> ReprocessResult:
    """Re-extract one stored article; rewrite it when its output changed (not in a
    dry run), and announce the new version on `events` as an ArticleUpdated. Never
    raises an IngestError: a failure is the result's `error`."""
    failure: IngestError = RecordChanged(f"article {article_id} keeps changing")
    for _ in range(_READ_AGAIN):
        try:
            outcome = _reextract_once(article_id, settings, store, inputs, dry_run, events)
        except RecordChanged as exc:
            failure = exc
            continue
        except IngestError as exc:
            failure = exc
            break
        return ReprocessResult(id=article_id, outcome=outcome)
    return ReprocessResult(
        id=article_id,
        outcome="failed",
        error=ErrorDetail(code=failure.code, message=failure.message),
        retryable=isinstance(failure, StorageUnavailable | RecordChanged),
    )


def reprocess_all(
    filters: ReprocessFilters,
    settings: Settings,
    store: ArticleStore,
    inputs: StoredInputs,
    *,
    dry_run: bool = False,
    on_result: Callable[[ReprocessResult], None] | None = None,
    events: ArticleEvents = NO_EVENTS,
) -> ReprocessCounts:
    """Re-extract every article the index lists for `filters`, page by page.

    Raises StorageUnavailable when the index cannot be read (the articles done so
    far stay done: running it again finds them unchanged).
    """
    counts = ReprocessCounts()
    cursor: str | None = None
    while True:
        page = store.list(
            publisher=filters.publisher,
            since=filters.since,
            until=filters.until,
            limit=settings.page_size_max,
            cursor=cursor,
        )
        for item in page.items:
            result = reextract(item.id, settings, store, inputs, dry_run=dry_run, events=events)
            counts.add(result)
            if on_result:
                on_result(result)
        cursor = page.next_cursor
        if not cursor:
            return counts
