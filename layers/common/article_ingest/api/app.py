"""The HTTP API: routes -> service -> models. Served by the API Lambda
(`functions/api/api_app.py` re-exports `lambda_handler`) and by the local stack.

POST bodies are read raw (text/html, text/plain or JSON {html|text, url?}): a route
that declared a body model would refuse anything but JSON with a 415.

No `from __future__ import annotations` here: Powertools reads the route
signatures' annotations at runtime to validate and to build the OpenAPI document.
"""

from functools import lru_cache
from typing import Annotated, Any, Literal

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel, Field

from .. import render, service
from ..errors import BadInput
from ..models import Article, IngestStatus, PublicArticleList, PublicArticleSummary
from ..observability import flush_metrics, make_tracer, record_ingest
from ..runtime import runtime
from ..settings import Settings
from . import errors
from .body import raw_input
from .docs import swagger_page
from .openapi import (
    ARTICLES,
    EXTRACTION,
    OPENAPI_INFO,
    RAW_BODY,
    SERVICE,
    clean_document,
    responses,
)

logger = Logger()
tracer = make_tracer()
metrics = Metrics()
app = APIGatewayHttpResolver(enable_validation=True)
errors.register(app, metrics)

UrlParam = Annotated[
    str | None, Query(max_length=2048, description="The page's URL (raw HTML/text bodies)")
]
DateBound = Annotated[
    str | None,
    Query(
        max_length=64,
        description="Published on/after (since) or on/before (until), both inclusive: "
        "a date (2025-10-23, a UTC day) or an ISO 8601 time with any offset "
        "(2025-10-23T16:30:00+02:00; none means UTC), compared as instants. "
        "Only dated articles match a date filter.",
        examples=["2025-10-23", "2025-10-23T16:30:00+02:00"],
    ),
]
# Settings.page_size_max: a larger limit is refused (400), never silently cut.
_PAGE_SIZE_MAX: int = Settings.model_fields["page_size_max"].default


FormatParam = Annotated[
    Literal["json", "markdown", "html", "text"] | None,
    Query(
        description="The answer's format: the Article as JSON (default), or its headline "
        "and body as Markdown, escaped HTML or plain text; also chosen by the Accept header"
    ),
]
# Accept header media types -> format, for clients that negotiate instead.
_ACCEPTED: dict[str, render.Format] = {
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/html": "html",
    "text/plain": "text",
}


def _format(requested: str | None) -> render.Format:
    for fmt in render.FORMATS:
        if requested == fmt:
            return fmt
    accept = app.current_event.headers.get("accept") or ""
    for media in (part.split(";")[0].strip().lower() for part in accept.split(",")):
        if media in _ACCEPTED:
            return _ACCEPTED[media]
        if media in ("application/json", "*/*", ""):
            break
    return "json"


def _answer(article: Article, fmt: render.Format, **response: Any) -> Response[Any]:
    """The Article as JSON, or rendered in the requested format."""
    if fmt == "json":
        return Response(content_type=content_types.APPLICATION_JSON, body=article, **response)
    return Response(
        content_type=render.MEDIA_TYPES[fmt], body=render.render(article, fmt), **response
    )


class IngestedArticle(Article):
    """POST /articles: the stored Article and what the request did to it."""

    ingest_status: IngestStatus = Field(
        description="created (a new record), updated (new content for a stored id) or "
        "unchanged (this content was already stored); also the X-Ingest-Status header"
    )


# The header that says what POST /articles did, for clients that read no body.
INGEST_STATUS_HEADER = "X-Ingest-Status"


def _read_input(url: str | None) -> service.RawInput:
    return raw_input(app.current_event, max_bytes=runtime().settings.max_input_bytes, url=url)


@app.post(
    "/articles",
    summary="Extract and store an article",
    operation_id="ingestArticle",
    tags=ARTICLES,
    openapi_extensions=RAW_BODY,
    responses=responses(
        {
            201: "Stored (new): ingest_status created",
            200: "Stored before: ingest_status updated (new content) or unchanged",
        },
        IngestedArticle,
        400,
        413,
        415,
        422,
        503,
        headers={
            INGEST_STATUS_HEADER: "created, updated or unchanged (as ingest_status)",
            "Location": "The stored article: /articles/{id}",
        },
    ),
)
def post_article(url: UrlParam = None) -> Response[IngestedArticle]:
    rt = runtime()
    raw = _read_input(url)
    result = service.ingest(raw, rt.settings, rt.store)
    record_ingest(metrics, result.status)
    article = result.article
    logger.info(
        "article ingested",
        extra={"article_id": article.id, "status": result.status, "bytes": len(raw.data)},
    )
    return Response(
        status_code=201 if result.status == "created" else 200,
        content_type=content_types.APPLICATION_JSON,
        body=IngestedArticle(**dict(article), ingest_status=result.status),
        headers={"Location": f"/articles/{article.id}", INGEST_STATUS_HEADER: result.status},
    )


@app.post(
    "/extract",
    summary="Extract an article without storing it",
    operation_id="extractArticle",
    tags=EXTRACTION,
    openapi_extensions=RAW_BODY,
    responses=responses({200: "Extracted"}, Article, 400, 413, 415, 422),
)
def post_extract(url: UrlParam = None, format: FormatParam = None) -> Response[Any]:
    article, _ = service.extract(_read_input(url), runtime().settings)
    return _answer(article, _format(format), status_code=200)


@app.get(
    "/articles/<article_id>",
    summary="One stored article",
    operation_id="getArticle",
    tags=ARTICLES,
    responses=responses({200: "The article"}, Article, 400, 404, 503),
)
def get_article(
    article_id: Annotated[str, Path(max_length=256)], format: FormatParam = None
) -> Response[Any]:
    # The bound keeps DynamoDB's 2048-byte key limit from turning bad input into a 503.
    article = runtime().store.get(article_id)
    # Reads are public: the S3 key the input is kept under is not shown.
    public = article.model_copy(
        update={"source": article.source.model_copy(update={"raw_key": None})}
    )
    return _answer(public, _format(format), status_code=200)


@app.get(
    "/articles",
    summary="List stored articles, newest first (undated ones last)",
    operation_id="listArticles",
    tags=ARTICLES,
    responses=responses({200: "One page of articles"}, PublicArticleList, 400, 503),
)
def list_articles(
    publisher: Annotated[
        str | None,
        Query(max_length=512, description="One publisher's articles; the case does not matter"),
    ] = None,
    since: DateBound = None,
    until: DateBound = None,
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=_PAGE_SIZE_MAX,
            description=f"Page size, 1 to {_PAGE_SIZE_MAX}; a larger one is a 400",
        ),
    ] = 20,
    cursor: Annotated[str | None, Query(max_length=4096)] = None,
) -> PublicArticleList:
    most = runtime().settings.page_size_max
    if limit > most:  # a deployment may lower the maximum (PAGE_SIZE_MAX)
        raise BadInput(f"limit must be at most {most}")
    page = runtime().store.list(
        publisher=publisher, since=since, until=until, limit=limit, cursor=cursor
    )
    return PublicArticleList(
        items=[
            PublicArticleSummary.model_validate(item.model_dump(exclude={"s3_key"}))
            for item in page.items
        ],
        next_cursor=page.next_cursor,
    )


class Health(BaseModel):
    """GET /health: the function answers, and which code it runs."""

    status: Literal["ok"] = "ok"
    extractor_version: str
    schema_version: int


@app.get(
    "/health",
    summary="Liveness: the API answers (no storage call)",
    operation_id="health",
    tags=SERVICE,
    responses=responses({200: "The API answers"}, Health),
)
def health() -> Health:
    from ..extract import EXTRACTOR_VERSION
    from ..models import SCHEMA_VERSION

    return Health(extractor_version=EXTRACTOR_VERSION, schema_version=SCHEMA_VERSION)


def openapi_document() -> str:
    """The API's OpenAPI document, with the deployment's write security."""
    return _openapi_document(runtime().settings.write_auth)


@lru_cache(maxsize=4)
def _openapi_document(write_auth: str) -> str:
    # Static for the life of the process once the scheme is known.
    return clean_document(app.get_openapi_json_schema(**OPENAPI_INFO), write_auth)


@app.get("/openapi.json", include_in_schema=False)
def openapi_json() -> Response[str]:
    return Response(200, content_types.APPLICATION_JSON, openapi_document())


@app.get("/docs", include_in_schema=False, compress=True)
def swagger_ui(format: Annotated[str | None, Query()] = None) -> Response[str]:
    if format == "json":  # the link Swagger UI shows under the title
        return Response(200, content_types.APPLICATION_JSON, openapi_document())
    return Response(200, content_types.TEXT_HTML, swagger_page(openapi_document()))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler(capture_response=False)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """The API Lambda's entry point (HTTP API payload v2)."""
    try:
        return app.resolve(event, context)
    finally:
        flush_metrics(metrics)
