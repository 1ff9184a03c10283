"""`article-ingest serve`: the local stack.

An embedded moto server stands in for S3 and DynamoDB; the seed files are ingested;
then the API Lambda's own handler is served over HTTP, each request converted to an
HTTP API payload v2 event the way API Gateway does it (see apigw.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Protocol

from ..inputs import content_type_for
from ..settings import Settings
from .apigw import LambdaContext, http_event, http_response
from .cors import Cors
from .moto_stack import LocalStack, start_local_stack
from .provision import UploadQueues, function_handler, provision, provision_uploads
from .uploads import UploadPoller

# API Gateway HTTP APIs refuse request bodies over 10 MB before the Lambda runs.
MAX_REQUEST_BYTES = 10 * 1024 * 1024
# Powertools reads these when the handler module is imported.
_POWERTOOLS_ENV = {
    "POWERTOOLS_SERVICE_NAME": "article-ingest",
    "POWERTOOLS_METRICS_NAMESPACE": "ArticleIngest",
}

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]
_LENGTH_RE = re.compile(r"[0-9]{1,19}")
_CHUNK_SIZE_RE = re.compile(rb"([0-9A-Fa-f]{1,16})[ \t]*(?:;[^\r\n]*)?\r?\n")
# Only POST routes take a body: a PUT or DELETE without one reaches the function,
# which answers 405 (an HTTP/1.1 request without a length has an empty body).
_BODY_METHODS = frozenset({"POST"})
_MAX_LINE = 8192
# After refusing a body: what is read and dropped before the connection is closed.
_LINGER_BYTES = 2 * 1024 * 1024
_LINGER_SECONDS = 1.0  # a chunk-size line or trailer line read at most


class _Stream(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


class BodyError(Exception):
    """A request body the local server refuses: its status, code and message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def read_body(headers: Any, stream: _Stream, limit: int, method: str = "POST") -> bytes:
    """The request body, read within `limit` bytes as API Gateway would take it:
    Content-Length (one valid number) or chunked transfer coding.

    Raises BodyError: 400 for a malformed length or chunk, 411 for a POST body of
    neither kind, 413 for a body over `limit` (before reading it).
    """
    codings = [
        c.strip().lower()
        for c in ",".join(headers.get_all("transfer-encoding") or []).split(",")
        if c.strip()
    ]
    lengths = {v.strip() for v in headers.get_all("content-length") or []}
    if codings:
        if codings != ["chunked"] or lengths:
            raise BodyError(
                400,
                "bad_request",
                "only 'Transfer-Encoding: chunked' is taken, without Content-Length",
            )
        return _read_chunked(stream, limit)
    if not lengths:
        if method in _BODY_METHODS:
            raise BodyError(411, "length_required", "send Content-Length or a chunked body")
        return b""
    if len(lengths) > 1 or not _LENGTH_RE.fullmatch(next(iter(lengths))):
        raise BodyError(400, "bad_request", "Content-Length must be one non-negative number")
    length = int(next(iter(lengths)))
    if length > limit:
        raise BodyError(413, "too_large", f"the body is {length} bytes; the limit is {limit}")
    body = stream.read(length) if length else b""
    if len(body) < length:
        raise BodyError(400, "bad_request", "the body ended before Content-Length bytes")
    return body


def _read_chunked(stream: _Stream, limit: int) -> bytes:
    body = bytearray()
    while True:
        line = stream.readline(_MAX_LINE)
        match = _CHUNK_SIZE_RE.fullmatch(line)
        if not match:
            raise BodyError(400, "bad_request", "malformed chunk size line")
        size = int(match.group(1), 16)
        if len(body) + size > limit:
            raise BodyError(413, "too_large", f"the chunked body exceeds {limit} bytes")
        if size == 0:
            break
        chunk = stream.read(size)
        if len(chunk) < size or stream.readline(3) not in (b"\r\n", b"\n"):
            raise BodyError(400, "bad_request", "malformed or truncated chunk")
        body += chunk
    for _ in range(64):  # trailer fields, up to the blank line
        if stream.readline(_MAX_LINE) in (b"\r\n", b"\n", b""):
            return bytes(body)
    raise BodyError(400, "bad_request", "too many trailer lines")


def seed_files(seeds: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the article files (HTML, text, .gz) inside the folders named."""

    for seed in seeds:
        path = Path(seed)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                known = content_type_for(child) or child.suffix.lower() == ".gz"
                if child.is_file() and known and not child.name.lower().startswith("readme"):
                    yield child
        else:
            yield path


def ingest_seeds(seeds: Iterable[str | Path], settings: Settings) -> int:
    """Ingest each seed file (via='cli'), one line per file on stderr; returns failures."""
    from ..errors import IngestError
    from ..runtime import runtime
    from ..service import RawInput, ingest

    failed = 0
    for path in seed_files(seeds):
        try:
            raw = RawInput(path.read_bytes(), content_type_for(path), "cli")
            result = ingest(raw, settings, runtime().store)
            note = f"{result.status} {result.article.id} {result.article.headline[:60]!r}"
        except (IngestError, OSError) as exc:
            failed += 1
            note = f"failed: {getattr(exc, 'message', exc)}"
        print(f"article-ingest: seed {path}: {note}", file=sys.stderr)
    return failed


# What the stdlib's own refusals (a bad request line, oversized headers, an unknown
# method) are called in the API's error format.
_HTTP_ERROR_CODES = {
    400: "bad_request",
    404: "route_not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "too_large",
    414: "uri_too_long",
    431: "headers_too_large",
    500: "internal_error",
    501: "method_not_allowed",
    505: "http_version_not_supported",
}


def _request_handler(handler: Handler, cors: Cors | None = None) -> type[BaseHTTPRequestHandler]:
    # Powertools' resolver keeps the current event on the app object: one at a time.
    lock = threading.Lock()
    edge = cors or Cors()

    class LambdaProxy(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _fail(self, status: int, code: str, message: str, *, linger: bool = True) -> None:
            """An error in the API's JSON format; the connection is closed, since the
            rest of the request (an unread body) cannot be trusted."""
            payload = json.dumps({"error": {"code": code, "message": message}}).encode()
            self.close_connection = True
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("Connection", "close")
            self.end_headers()
            if getattr(self, "command", None) != "HEAD":
                self.wfile.write(payload)
            if linger:
                self._linger()

        def send_error(
            self, code: int, message: str | None = None, explain: str | None = None
        ) -> None:
            """The stdlib's refusals (malformed request line, headers too large, an
            unsupported method) in the API's JSON error format, not an HTML page."""
            text = message or self.responses.get(code, ("error",))[0]
            # An unreadable request line leaves HTTP/0.9, which would drop the status
            # line and headers: answer as HTTP/1.1, as clients expect today.
            self.request_version = self.protocol_version
            self._fail(code, _HTTP_ERROR_CODES.get(code, "bad_request"), text.lower(), linger=False)

        def handle_expect_100(self) -> bool:
            """Refuse a body over the limit before the client sends it (curl asks with
            `Expect: 100-continue` for bodies over 1 MB)."""
            length = (self.headers.get("Content-Length") or "").strip()
            if _LENGTH_RE.fullmatch(length) and int(length) > MAX_REQUEST_BYTES:
                message = f"the body is {length} bytes; the limit is {MAX_REQUEST_BYTES}"
                self._fail(413, "too_large", message, linger=False)
                return False
            return super().handle_expect_100()

        def _preflight(self) -> None:
            """A CORS preflight, answered at the edge as API Gateway does."""
            self.send_response(204)
            for name, value in edge.preflight_headers(self.headers.get("Origin")):
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _linger(self) -> None:
            """Close as servers do after refusing a body: stop writing, then read and
            drop what the client is still sending, at most _LINGER_BYTES for
            _LINGER_SECONDS, so the close does not reset the connection (a reset can
            destroy the error response before the client reads it)."""
            with contextlib.suppress(OSError):
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_WR)
                self.connection.settimeout(_LINGER_SECONDS)
                drained = 0
                while drained < _LINGER_BYTES and (chunk := self.connection.recv(65536)):
                    drained += len(chunk)

        def _proxy(self) -> None:
            try:
                body = read_body(self.headers, self.rfile, MAX_REQUEST_BYTES, self.command)
            except BodyError as exc:
                self._fail(exc.status, exc.code, exc.message)
                return
            if edge.is_preflight(self.command, dict(self.headers.items())):
                self._preflight()
                return
            event = http_event(
                self.command,
                self.path,
                list(self.headers.items()),
                body,
                source_ip=self.client_address[0],
            )
            context = LambdaContext(aws_request_id=event["requestContext"]["requestId"])
            try:
                with lock:
                    result = handler(event, context)
            except Exception as exc:  # the function crashed: API Gateway answers 500
                sys.stderr.write(f"article-ingest: the function failed: {exc!r}\n")
                self._fail(500, "internal_error", "internal server error", linger=False)
                return
            status, headers, payload = http_response(result)
            self.send_response(status)
            for name, value in [*headers, *edge.response_headers(self.headers.get("Origin"))]:
                if name.lower() not in ("content-length", "connection"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _proxy

        def __getattr__(self, name: str) -> Any:
            # Any other method (TRACE, PROPFIND ...) reaches the function as well,
            # which answers 405 with Allow, as API Gateway's $default route does.
            if name.startswith("do_") and name[3:].isalpha():
                return self._proxy
            raise AttributeError(name)

        def log_message(self, format: str, *args: Any) -> None:
            sys.stderr.write(f"article-ingest: {format % args}\n")

    return LambdaProxy


class _HTTPServer(ThreadingHTTPServer):
    # The stdlib's backlog of 5 resets connections when a burst of clients arrives.
    request_queue_size = 128
    daemon_threads = True


@dataclass
class LocalServer:
    """The running local stack: moto, and the HTTP API in a background thread."""

    stack: LocalStack | None  # None: an AWS endpoint that was already running
    httpd: ThreadingHTTPServer
    thread: threading.Thread
    host: str
    endpoint_url: str
    queues: UploadQueues | None = None
    uploads: UploadPoller | None = None  # None: the upload function is not at hand

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.httpd.server_port}"

    def stop(self) -> None:
        if self.uploads:
            self.uploads.stop()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
        if self.stack:
            self.stack.stop()


def start(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    seeds: Iterable[str | Path] = (),
    settings: Settings | None = None,
    cors: Cors | None = None,
    moto_port: int = 0,
) -> LocalServer:
    """Start moto (on `moto_port`, 0: a free port), ingest the seeds, and serve the
    API on host:port (0: a free port).

    When `settings.aws_endpoint_url` is set (AWS_ENDPOINT_URL), that running endpoint
    (a standalone `moto_server`, say, shared with `sam local`) is provisioned and used
    instead of an embedded moto.
    """
    for key, value in _POWERTOOLS_ENV.items():
        os.environ.setdefault(key, value)
    from .. import runtime
    from ..api.app import lambda_handler

    settings = settings or Settings.from_env()
    stack: LocalStack | None = None
    if settings.aws_endpoint_url:
        current = runtime.Runtime.build(settings)
        provision(
            current.s3, current.dynamodb, bucket=settings.bucket_name, table=settings.table_name
        )
    else:
        stack = start_local_stack(host=host, port=moto_port or None, settings=settings)
        current = runtime.Runtime.build(stack.settings)
    queues = provision_uploads(
        current.s3,
        current.sqs,
        bucket=current.settings.bucket_name,
        prefix=current.settings.incoming_prefix,
    )
    upload_settings = {"dead_letter_queue_url": queues.dead_letter_url}
    current = runtime.Runtime.build(
        current.settings.model_copy(update=upload_settings), current.s3, current.dynamodb
    )
    runtime.configure(current)
    ingest_seeds(seeds, current.settings)
    uploads = _upload_poller(current, queues)
    httpd = _HTTPServer((host, port), _request_handler(lambda_handler, cors))
    thread = threading.Thread(target=httpd.serve_forever, name="local-api", daemon=True)
    thread.start()
    endpoint = current.settings.aws_endpoint_url or ""
    return LocalServer(stack, httpd, thread, host, endpoint, queues, uploads)


def _upload_poller(current: Any, queues: UploadQueues) -> UploadPoller | None:
    """The upload function (template.yaml's UploadFunction) fed from the queue; None,
    with a note, where the function's folder is not at hand (an installed package)."""
    try:
        handler = function_handler("UploadFunction")
    except (FileNotFoundError, ImportError, KeyError) as exc:
        print(f"article-ingest: uploads are not delivered ({exc})", file=sys.stderr)
        return None
    return UploadPoller(
        current.sqs,
        queues.queue_url,
        queues.queue_arn,
        handler,
        region=current.settings.aws_region,
    ).start()


def server_settings() -> Settings:
    """The settings the running local stack serves with."""
    from ..runtime import runtime

    return runtime().settings


def serve(
    *,
    host: str,
    port: int,
    seeds: Iterable[str | Path],
    settings: Settings | None = None,
    cors: Cors | None = None,
    moto_port: int = 0,
) -> None:
    """Run the local stack until interrupted; prints the API's URL."""
    server = start(
        host=host, port=port, seeds=seeds, settings=settings, cors=cors, moto_port=moto_port
    )
    uploads = (
        f"; files put under s3://{server_settings().bucket_name}/"
        f"{server_settings().incoming_prefix} are ingested"
        if server.uploads
        else ""
    )
    print(
        f"article-ingest: API at {server.url} (Swagger UI at {server.url}/docs); "
        f"S3/DynamoDB/SQS (moto) at {server.endpoint_url}{uploads}. Ctrl-C stops.",
        flush=True,
    )
    try:
        server.thread.join()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
