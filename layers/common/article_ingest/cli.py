"""`article-ingest`: extract, ingest, serve the local stack, print the schema.

Every command writes JSON lines to stdout: an Article, or
`{"input": ..., "error": {"code", "message"}}` for an input that failed; a failed
input never stops the others. Exit status is 0 when every input succeeded, 1 when
any failed, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import BadInput, IngestError
from .settings import Settings

_CONTENT_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/plain",
}


def content_type_for(path: Path) -> str | None:
    """The media type a file's extension declares (`.html.gz` -> text/html); None sniffs."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _CONTENT_TYPES.get(suffixes[-1]) if suffixes else None


def _inputs(args: argparse.Namespace) -> Iterator[tuple[str, str | None]]:
    """(path, url) pairs from the positional files or the manifest, in order."""
    if args.manifest:
        base = Path(args.manifest).resolve().parent
        with open(args.manifest, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                    path = entry["path"]
                except (ValueError, KeyError, TypeError):
                    yield f"{args.manifest}:{n}", "!malformed"
                    continue
                full = Path(path) if Path(path).is_absolute() else base / path
                yield str(full), entry.get("url")
        return
    if args.url and len(args.files) != 1:
        raise SystemExit("article-ingest: --url applies to a single input")
    for name in args.files:
        yield name, args.url


def _read(name: str, url: str | None, via: Any) -> Any:
    from .service import RawInput

    if url == "!malformed":
        raise BadInput("manifest line is not a JSON object with a 'path'")
    path = Path(name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read {name}: {exc.strerror}") from exc
    return RawInput(data, content_type_for(path), via, url)


def _error_line(name: str, exc: IngestError) -> str:
    return json.dumps(
        {"input": name, "error": {"code": exc.code, "message": exc.message}}, ensure_ascii=False
    )


def _extract_line(job: tuple[str, str | None, Settings]) -> tuple[bool, str]:
    """(succeeded, the output line) for one input; runs in a worker with --jobs."""
    from .service import extract

    name, url, settings = job
    try:
        # A batch keeps going: a manifest's bad url loses the url, not the page.
        article, _ = extract(_read(name, url, "cli"), settings, ignore_bad_url=True)
    except IngestError as exc:
        return False, _error_line(name, exc)
    return True, article.model_dump_json()


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    jobs = ((name, url, settings) for name, url in _inputs(args))
    failed = 0
    if args.jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(args.jobs) as pool:
            # map keeps the input order; chunks amortise the inter-process hop.
            for ok, line in pool.map(_extract_line, jobs, chunksize=8):
                failed += not ok
                print(line, flush=True)
        return 1 if failed else 0
    for job in jobs:
        ok, line = _extract_line(job)
        failed += not ok
        print(line, flush=True)
    return 1 if failed else 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from .aws import clients
    from .service import ingest
    from .store import S3DynamoStore

    stack = None
    if args.aws:
        pass
    elif args.endpoint_url:
        settings = settings.model_copy(update={"aws_endpoint_url": args.endpoint_url})
    elif not settings.aws_endpoint_url:
        from .local.moto_stack import start_local_stack

        stack = start_local_stack(settings=settings)
        settings = stack.settings
        print(
            f"article-ingest: embedded local stack at {stack.endpoint_url} (in memory; "
            "run `article-ingest serve` to keep articles between commands)",
            file=sys.stderr,
        )
    s3, dynamodb = clients(settings)
    store = S3DynamoStore(s3, dynamodb, settings)
    failed = 0
    try:
        for name, url in _inputs(args):
            try:
                result = ingest(_read(name, url, "cli"), settings, store, ignore_bad_url=True)
            except IngestError as exc:
                failed += 1
                print(_error_line(name, exc), flush=True)
                continue
            line = {
                "input": name,
                "status": result.status,
                "id": result.article.id,
                "headline": result.article.headline,
            }
            print(json.dumps(line, ensure_ascii=False), flush=True)
    finally:
        if stack:
            stack.stop()
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace, settings: Settings) -> int:
    from .models import Article

    print(json.dumps(Article.model_json_schema(), indent=2))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from .local.server import serve

    serve(host=args.host, port=args.port, seeds=args.seed, settings=settings)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-ingest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add_inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("files", nargs="*", help="HTML, text or .gz files")
        p.add_argument("--manifest", help='JSON lines {"path", "url"?}; paths relative to it')
        p.add_argument("--url", help="the page's URL (single input only)")

    p_extract = sub.add_parser("extract", help="print the Article of each input; store nothing")
    add_inputs(p_extract)
    p_extract.add_argument(
        "--jobs", type=int, default=1, help="extract in N processes (output stays in input order)"
    )
    p_extract.set_defaults(func=cmd_extract)

    p_ingest = sub.add_parser("ingest", help="extract and store (embedded local stack by default)")
    add_inputs(p_ingest)
    p_ingest.add_argument("--endpoint-url", help="a running local stack's AWS endpoint")
    p_ingest.add_argument(
        "--aws",
        action="store_true",
        help="use real AWS (BUCKET_NAME and TABLE_NAME from the environment)",
    )
    p_ingest.set_defaults(func=cmd_ingest)

    p_serve = sub.add_parser("serve", help="run the local stack: moto + the HTTP API")
    p_serve.add_argument("--host", default="127.0.0.1")
    p_serve.add_argument("--port", type=int, default=3000)
    p_serve.add_argument(
        "--seed", action="append", default=[], help="file or folder to ingest at start (repeatable)"
    )
    p_serve.set_defaults(func=cmd_serve)

    p_schema = sub.add_parser("schema", help="print the Article's JSON Schema")
    p_schema.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in ("extract", "ingest") and not args.files and not args.manifest:
        print("article-ingest: give FILE... or --manifest M.jsonl", file=sys.stderr)
        return 2
    settings = Settings.from_env()
    code: int = args.func(args, settings)
    return code


if __name__ == "__main__":
    sys.exit(main())
