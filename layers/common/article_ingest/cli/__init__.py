"""`article-ingest`: extract, ingest, delete, serve the local stack, print the schema.

Every command writes JSON lines to stdout, each carrying the `input` it came from:
an Article, or `{"input": ..., "error": {"code", "message"}}` for an input that
failed; a failed input never stops the others. Inputs are files, directories (their
files), `-` (stdin) or a manifest of `{"path", "url"?}` lines. Exit status is 0 when
every input succeeded, 1 when any failed, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import IngestError
from ..inputs import content_type_for
from ..render import Format
from ..settings import Settings
from .delete import cmd_delete
from .progress import Progress
from .sources import Source, UsageError, raw_input, sources

__all__ = ["build_parser", "content_type_for", "main"]

# Credentials moto accepts: a local endpoint needs some, never real ones.
_LOCAL_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


def _error_line(name: str, exc: IngestError) -> str:
    return json.dumps(
        {"input": name, "error": {"code": exc.code, "message": exc.message}}, ensure_ascii=False
    )


def _extract_line(job: tuple[Source, Settings, Format]) -> tuple[bool, str]:
    """(succeeded, the output) for one input; runs in a worker with --jobs."""
    from ..render import render
    from ..service import extract

    source, settings, fmt = job
    try:
        # A batch keeps going: a manifest's bad url loses the url, not the page.
        article, _ = extract(raw_input(source), settings, ignore_bad_url=True)
    except IngestError as exc:
        return False, _error_line(source.name, exc)
    if fmt == "markdown" or fmt == "html":
        # One document per input, each named in a comment before it.
        return True, f"<!-- input: {source.name} -->\n{render(article, fmt)}"
    if fmt == "text":
        return True, f"== {source.name}\n{render(article, fmt)}"
    line = {"input": source.name, **article.model_dump(mode="json")}
    return True, json.dumps(line, ensure_ascii=False)


def cmd_extract(args: argparse.Namespace, settings: Settings, inputs: list[Source]) -> int:
    jobs = [(source, settings, args.format) for source in inputs]
    progress = Progress(len(jobs))
    failed = 0
    try:
        if args.jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(args.jobs) as pool:
                # map keeps the input order; chunks amortise the inter-process hop.
                results = pool.map(_extract_line, jobs, chunksize=8)
                for (source, _, _), (ok, line) in zip(jobs, results, strict=True):
                    failed += not ok
                    print(line, flush=True)
                    progress.step(source.name)
        else:
            for job in jobs:
                ok, line = _extract_line(job)
                failed += not ok
                print(line, flush=True)
                progress.step(job[0].name)
    finally:
        progress.close()
    return 1 if failed else 0


def _local_endpoint(url: str) -> bool:
    from urllib.parse import urlsplit

    return (urlsplit(url).hostname or "") in ("127.0.0.1", "localhost", "::1", "0.0.0.0")


def _require_local_extra(otherwise: str = "") -> None:
    """Stop in one line when the local stack's packages are not installed.

    moto and PyYAML are the `local` extra, not runtime dependencies (the Lambda layer
    never needs them); `pip install article-ingest` alone can still extract, and
    ingest against an endpoint or AWS."""
    from importlib.util import find_spec

    missing = [name for name in ("moto", "yaml") if find_spec(name) is None]
    if missing:
        raise UsageError(
            f"the local stack needs the `local` extra ({', '.join(missing)} missing): "
            f"pip install 'article-ingest[local]'{otherwise}"
        )


def endpoint_settings(settings: Settings, endpoint: str) -> Settings:
    """`settings` pointed at a running endpoint; a local one (moto) takes any
    credentials and a fresh machine has none, so moto's dummy ones are set."""
    import os

    if _local_endpoint(endpoint) and not os.environ.get("AWS_ACCESS_KEY_ID"):
        os.environ.update(_LOCAL_CREDENTIALS)
    return settings.model_copy(update={"aws_endpoint_url": endpoint})


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """--endpoint-url and --aws: where a command that reads or writes the store goes."""
    parser.add_argument("--endpoint-url", help="a running local stack's AWS endpoint")
    parser.add_argument(
        "--aws",
        action="store_true",
        help="use real AWS (BUCKET_NAME and TABLE_NAME from the environment)",
    )


def _store_settings(args: argparse.Namespace, settings: Settings) -> tuple[Settings, Any]:
    """The settings to store with, and the embedded stack when one had to be started."""
    if args.aws:
        return settings, None
    endpoint = args.endpoint_url or settings.aws_endpoint_url
    if endpoint:
        return endpoint_settings(settings, endpoint), None
    _require_local_extra(", or give --endpoint-url URL or --aws")
    from ..local.moto_stack import start_local_stack

    stack = start_local_stack(settings=settings)
    print(
        f"article-ingest: embedded local stack at {stack.endpoint_url} (in memory; "
        "run `article-ingest serve` to keep articles between commands)",
        file=sys.stderr,
    )
    return stack.settings, stack


def cmd_ingest(args: argparse.Namespace, settings: Settings, inputs: list[Source]) -> int:
    from ..aws import clients
    from ..events import publisher
    from ..service import ingest
    from ..store import S3DynamoStore

    settings, stack = _store_settings(args, settings)
    s3, dynamodb = clients(settings)
    store = S3DynamoStore(s3, dynamodb, settings)
    events = publisher(settings)  # EVENT_BUS_NAME; none: nothing is announced
    progress = Progress(len(inputs))
    failed = 0
    try:
        for source in inputs:
            progress.step(source.name)
            try:
                result = ingest(
                    raw_input(source), settings, store, ignore_bad_url=True, events=events
                )
            except IngestError as exc:
                failed += 1
                print(_error_line(source.name, exc), flush=True)
                continue
            line = {
                "input": source.name,
                "status": result.status,
                "id": result.article.id,
                "headline": result.article.headline,
            }
            print(json.dumps(line, ensure_ascii=False), flush=True)
    finally:
        progress.close()
        if stack:
            stack.stop()
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace, settings: Settings) -> int:
    from ..models import Article

    print(json.dumps(Article.model_json_schema(), indent=2))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    _require_local_extra()
    from ..local.cors import Cors
    from ..local.moto_stack import EndpointPortTaken
    from ..local.server import serve

    try:
        serve(
            host=args.host,
            port=args.port,
            moto_port=args.moto_port,
            seeds=args.seed,
            settings=settings,
            cors=Cors.of(args.cors_origin),
        )
    except EndpointPortTaken as exc:
        raise UsageError(
            f"{exc.strerror}: give another --moto-port (make run: MOTO_PORT=)"
        ) from exc
    except OSError as exc:  # the port is taken, or the host is not ours
        raise UsageError(f"cannot serve on {args.host}:{args.port}: {exc.strerror}") from exc
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    from ..extract import EXTRACTOR_VERSION
    from ..models import SCHEMA_VERSION

    try:
        package = version("article-ingest")
    except PackageNotFoundError:  # run from a checkout without installing
        package = "unknown"
    return (
        f"article-ingest {package} (extractor {EXTRACTOR_VERSION}, Article schema {SCHEMA_VERSION})"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-ingest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True)

    def add_inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("files", nargs="*", help="HTML, text or .gz files; directories; - (stdin)")
        p.add_argument("--manifest", help='JSON lines {"path", "url"?}; paths relative to it')
        p.add_argument("--url", help="the page's URL (single input only)")

    p_extract = sub.add_parser("extract", help="print the Article of each input; store nothing")
    add_inputs(p_extract)
    p_extract.add_argument(
        "--jobs", type=int, default=1, help="extract in N processes (output stays in input order)"
    )
    p_extract.add_argument(
        "--format",
        choices=["json", "markdown", "html", "text"],
        default="json",
        help="JSON lines (default), or each article as Markdown, escaped HTML or text",
    )
    p_extract.set_defaults(func=cmd_extract)

    p_ingest = sub.add_parser("ingest", help="extract and store (embedded local stack by default)")
    add_inputs(p_ingest)
    add_store_options(p_ingest)
    p_ingest.set_defaults(func=cmd_ingest)

    p_delete = sub.add_parser(
        "delete",
        help="delete articles for good: index item, versions, raw inputs, links "
        "(embedded local stack by default)",
    )
    p_delete.add_argument("ids", nargs="+", metavar="ID", help="article ids")
    add_store_options(p_delete)
    p_delete.set_defaults(func=cmd_delete)  # cli/delete.py

    p_serve = sub.add_parser("serve", help="run the local stack: moto + the HTTP API")
    p_serve.add_argument("--host", default="127.0.0.1")
    p_serve.add_argument("--port", type=int, default=3000)
    p_serve.add_argument(
        "--moto-port",
        type=int,
        default=0,
        help="port of the embedded S3/DynamoDB/SQS endpoint, for `ingest --endpoint-url` "
        "and boto3 (default: a free one; make run: 3001)",
    )
    p_serve.add_argument(
        "--seed", action="append", default=[], help="file or folder to ingest at start (repeatable)"
    )
    p_serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        help="an origin browsers may call the API from, or * (repeatable; the "
        "template's CorsAllowOrigins); none by default",
    )
    p_serve.set_defaults(func=cmd_serve)

    p_schema = sub.add_parser("schema", help="print the Article's JSON Schema")
    p_schema.set_defaults(func=cmd_schema)

    # `reprocess`: re-extract stored articles (cli/reprocess.py).
    from .reprocess import add_parser as add_reprocess_parser

    add_reprocess_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command in ("extract", "ingest"):
            if getattr(args, "jobs", 1) < 1:
                raise UsageError("--jobs takes a number of processes, 1 or more")
            if not args.files and not args.manifest:
                raise UsageError("give FILE..., a directory, - (stdin) or --manifest M.jsonl")
            inputs = sources(args.files, args.manifest, args.url)
            code: int = args.func(args, Settings.from_env(), inputs)
            return code
        code = args.func(args, Settings.from_env())
        return code
    except UsageError as exc:
        print(f"article-ingest: {exc}", file=sys.stderr)
        return 2
