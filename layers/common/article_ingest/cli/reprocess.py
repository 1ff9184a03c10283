"""`article-ingest reprocess`: re-extract stored articles from their raw inputs.

Prints one JSON line per article that changed (or would, with --dry-run) or failed,
then one summary line `{"summary": {"re_extracted", "changed", "unchanged",
"failed"}, "dry_run"}`. Exit status 0 when none failed, 1 when any did, 2 for usage
errors (a malformed date, no store to read).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import BadInput, IngestError
from ..settings import Settings
from .progress import Progress
from .sources import UsageError


def add_parser(sub: Any) -> None:
    """Register the `reprocess` subcommand on the CLI's subparsers."""
    p = sub.add_parser(
        "reprocess",
        help="re-extract stored articles from their raw inputs; rewrite those that changed",
    )
    p.add_argument("--since", help="published on or after (date or ISO 8601 time)")
    p.add_argument("--until", help="published on or before (date or ISO 8601 time)")
    p.add_argument("--publisher", help="one publisher's articles (any case)")
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    from . import add_store_options

    add_store_options(p)
    p.set_defaults(func=cmd_reprocess)


def _store_settings(args: argparse.Namespace, settings: Settings) -> Settings:
    """Where the stored articles are: real AWS, or an endpoint. There is no embedded
    stack here: a new one would hold nothing to re-extract."""
    from . import endpoint_settings

    if args.aws:
        return settings
    endpoint = args.endpoint_url or settings.aws_endpoint_url
    if not endpoint:
        raise UsageError(
            "reprocess reads a store: give --endpoint-url URL (a running "
            "`article-ingest serve`), set AWS_ENDPOINT_URL, or use --aws"
        )
    return endpoint_settings(settings, endpoint)


def cmd_reprocess(args: argparse.Namespace, settings: Settings) -> int:
    from ..aws import clients
    from ..events import publisher
    from ..reprocess import ReprocessFilters, ReprocessResult, reprocess_all
    from ..store import S3DynamoStore
    from ..stored_inputs import StoredInputs

    try:
        filters = ReprocessFilters(since=args.since, until=args.until, publisher=args.publisher)
    except BadInput as exc:
        raise UsageError(exc.message) from exc
    settings = _store_settings(args, settings)
    s3, dynamodb = clients(settings)
    store = S3DynamoStore(s3, dynamodb, settings)
    progress = Progress(None)

    def report(result: ReprocessResult) -> None:
        progress.step(result.id)
        if result.outcome != "unchanged":
            line = result.model_dump(mode="json", exclude={"retryable"}, exclude_none=True)
            print(json.dumps(line, ensure_ascii=False), flush=True)

    try:
        counts = reprocess_all(
            filters,
            settings,
            store,
            StoredInputs(s3, dynamodb, settings),
            dry_run=args.dry_run,
            on_result=report,
            events=publisher(settings),  # EVENT_BUS_NAME; none: nothing is announced
        )
    except IngestError as exc:  # the index could not be read: say so in one line
        progress.close()
        print(f"article-ingest: reprocess stopped: {exc.message}", file=sys.stderr)
        return 1
    progress.close()
    summary = {"summary": counts.model_dump(), "dry_run": args.dry_run}
    print(json.dumps(summary), flush=True)
    return 1 if counts.failed else 0
