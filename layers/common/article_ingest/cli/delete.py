"""`article-ingest delete ID [ID...]`: takedown and privacy requests from the command
line, against the same stores as `ingest` (an embedded stack, --endpoint-url, --aws)."""

from __future__ import annotations

import argparse
import json

from ..errors import IngestError
from ..settings import Settings


def cmd_delete(args: argparse.Namespace, settings: Settings) -> int:
    """Delete each id for good; one line per id: `{"input", "status": "deleted", "id"}`
    (`id` is the record deleted: a content id names the record it links to) or the
    error line (`not_found` for an id with nothing stored)."""
    from ..aws import clients
    from ..events import publisher
    from ..service import delete
    from ..store import S3DynamoStore
    from . import _error_line, _store_settings  # shared with `ingest`

    settings, stack = _store_settings(args, settings)
    s3, dynamodb = clients(settings)
    store = S3DynamoStore(s3, dynamodb, settings)
    events = publisher(settings)  # EVENT_BUS_NAME; none: nothing is announced
    failed = 0
    try:
        for article_id in args.ids:
            try:
                deleted = delete(article_id, store, events=events)
            except IngestError as exc:
                failed += 1
                print(_error_line(article_id, exc), flush=True)
                continue
            line = {"input": article_id, "status": "deleted", "id": deleted.id}
            print(json.dumps(line, ensure_ascii=False), flush=True)
    finally:
        if stack:
            stack.stop()
    return 1 if failed else 0
