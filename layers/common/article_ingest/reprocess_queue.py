"""Re-extraction at scale: the starter pages through the index and fans the ids out
over SQS to the worker (functions/reprocess_starter, functions/reprocess_worker).

The starter sends the ids in messages of IDS_PER_MESSAGE, page by page, and when
its invocation nears its deadline it hands its cursor on as a continuation
message (on its own queue, which invokes it again), so a listing of millions of
articles is never cut by a timeout. The worker re-extracts each id of a message with
`reprocess.reextract`; what it cannot do for good is recorded on the dead-letter
queue with the id and the reason.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from aws_lambda_powertools import Logger
from botocore.exceptions import BotoCoreError, ClientError
from pydantic import BaseModel, ConfigDict, Field

from .errors import StorageUnavailable
from .reprocess import ReprocessFilters, ReprocessResult
from .settings import Settings
from .store import ArticleStore

logger = Logger(child=True)

# Ids per work message. A re-extraction costs ~10-100 ms of CPU and a few storage
# calls (README, "Re-extraction"), so a message is a few seconds of the worker, and a
# retried message repeats little work.
IDS_PER_MESSAGE = 10
_ENTRIES_PER_SEND = 10  # SendMessageBatch takes at most 10 messages
# Stop paging this long before the invocation's deadline: a page is one query and a
# few batch sends, each retried by botocore (5 attempts, read timeout 30 s).
STOP_MARGIN_MS = 60_000


class ReprocessJob(ReprocessFilters):
    """The starter's input (direct invocation: `{"since"?, "until"?, "publisher"?,
    "dry_run"?}`), and the continuation it hands on (with `cursor` and `pages`)."""

    dry_run: bool = False
    cursor: str | None = None
    pages: int = Field(default=0, ge=0)  # index pages fanned out before this invocation


class WorkMessage(BaseModel):
    """One message of the work queue: ids to re-extract."""

    model_config = ConfigDict(extra="forbid")

    ids: list[str] = Field(min_length=1, max_length=IDS_PER_MESSAGE)
    dry_run: bool = False


@dataclass(frozen=True)
class FanOut:
    """What one starter invocation did."""

    enqueued: int
    pages: int
    continuation: ReprocessJob | None  # where the next invocation starts; None: done


def _chunks(values: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _send_batch(sqs: Any, queue_url: str, bodies: list[str]) -> None:
    entries = [{"Id": str(n), "MessageBody": body} for n, body in enumerate(bodies)]
    try:
        failed = sqs.send_message_batch(QueueUrl=queue_url, Entries=entries).get("Failed", [])
        if failed:  # throttled or refused entries: send them once more, then give up
            again = [e for e in entries if e["Id"] in {f["Id"] for f in failed}]
            failed = sqs.send_message_batch(QueueUrl=queue_url, Entries=again).get("Failed", [])
    except (ClientError, BotoCoreError) as exc:
        raise StorageUnavailable(f"sending to SQS failed: {type(exc).__name__}") from exc
    if failed:
        raise StorageUnavailable(f"SQS refused {len(failed)} messages: {failed[0].get('Code')}")


def send_ids(sqs: Any, queue_url: str, ids: list[str], *, dry_run: bool) -> int:
    """Send `ids` to the work queue, IDS_PER_MESSAGE a message. Returns the number of
    messages. Raises StorageUnavailable."""
    bodies = [
        WorkMessage(ids=chunk, dry_run=dry_run).model_dump_json()
        for chunk in _chunks(ids, IDS_PER_MESSAGE)
    ]
    for batch in _chunks(bodies, _ENTRIES_PER_SEND):
        _send_batch(sqs, queue_url, batch)
    return len(bodies)


def fan_out(
    job: ReprocessJob,
    store: ArticleStore,
    sqs: Any,
    settings: Settings,
    *,
    remaining_ms: Callable[[], int],
) -> FanOut:
    """Page through the index from `job.cursor` and send every id to the work queue,
    until the listing ends or fewer than STOP_MARGIN_MS are left (`remaining_ms`,
    the Lambda context's clock): then the result carries the continuation.

    Raises StorageUnavailable (the index or the queue failed: the invocation is
    retried; ids sent twice are re-extracted twice, which changes nothing).
    """
    queue_url = _required(settings.reprocess_queue_url, "REPROCESS_QUEUE_URL")
    cursor, pages, enqueued = job.cursor, 0, 0
    while True:
        page = store.list(
            publisher=job.publisher,
            since=job.since,
            until=job.until,
            limit=settings.page_size_max,
            cursor=cursor,
        )
        ids = [item.id for item in page.items]
        send_ids(sqs, queue_url, ids, dry_run=job.dry_run)
        enqueued, pages, cursor = enqueued + len(ids), pages + 1, page.next_cursor
        if not cursor:
            return FanOut(enqueued, pages, None)
        if remaining_ms() < STOP_MARGIN_MS:
            update = {"cursor": cursor, "pages": job.pages + pages}
            return FanOut(enqueued, pages, job.model_copy(update=update))


def send_continuation(sqs: Any, settings: Settings, job: ReprocessJob) -> None:
    """Hand the rest of the listing to the next starter invocation (its own queue).
    Raises StorageUnavailable."""
    queue_url = _required(settings.reprocess_start_queue_url, "REPROCESS_START_QUEUE_URL")
    _send_batch(sqs, queue_url, [job.model_dump_json(exclude_none=True)])


def dead_letter(sqs: Any, settings: Settings, result: ReprocessResult, message_id: str) -> None:
    """Record an article that cannot be re-extracted (raw input gone, input refused,
    record refused) on the dead-letter queue: its id and why. Raises
    StorageUnavailable (the message is then retried, so nothing is lost)."""
    queue_url = _required(
        settings.reprocess_dead_letter_queue_url, "REPROCESS_DEAD_LETTER_QUEUE_URL"
    )
    record = {
        "id": result.id,
        "message_id": message_id,
        "error": result.error.model_dump() if result.error else None,
        "failed_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    _send_batch(sqs, queue_url, [json.dumps(record)])


def _required(value: str | None, name: str) -> str:
    if not value:
        raise StorageUnavailable(f"{name} is not configured")
    return value
