"""The one place errors become HTTP responses: `{"error": {"code", "message"}}`."""

from __future__ import annotations

from http import HTTPStatus

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError

from ..errors import BadInput, IngestError
from ..models import ErrorDetail, ErrorResponse
from ..observability import record_failure

logger = Logger(child=True)

# Documented on every route that can answer them (see app.py).
ERROR_RESPONSES = {
    400: "Malformed request: bad JSON, parameters or cursor (bad_cursor)",
    404: "No such article",
    413: "Input over MAX_INPUT_BYTES (4.5 MB by default), raw or inflated, or of too many "
    "tags or lines",
    415: "Unsupported media type: send text/html, text/plain or application/json",
    422: "The input was readable but holds no article, or storage refused its record for its size",
    500: "A bug (internal_error); the details are in the log, not the response",
    503: "Storage (S3, DynamoDB) failed after retries (storage_unavailable): retry later",
}


def error_response(status: int, code: str, message: str) -> Response[str]:
    """A JSON error response in the API's one error format."""
    body = ErrorResponse(error=ErrorDetail(code=code, message=message))
    return Response(
        status_code=status,
        content_type=content_types.APPLICATION_JSON,
        body=body.model_dump_json(),
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg', err.get('type', 'invalid'))}")
    return "invalid request: " + "; ".join(parts)


def allowed_methods(app: APIGatewayHttpResolver, path: str) -> list[str]:
    """The methods the app serves on `path`, sorted; none for a path it does not know."""
    routes = [*app._static_routes, *app._dynamic_routes]
    return sorted({route.method for route in routes if route.rule.match(path)})


def register(app: APIGatewayHttpResolver, metrics: Metrics) -> None:
    """Install the exception handlers on `app`; refused POSTed inputs are counted."""

    def handle_ingest_error(exc: IngestError) -> Response[str]:
        log = logger.warning if exc.http_status < 500 else logger.error
        log("request failed", extra={"error_code": exc.code, "http_status": exc.http_status})
        if app.current_event.http_method == "POST":
            record_failure(metrics, exc)
        return error_response(exc.http_status, exc.code, exc.message)

    def handle_validation(exc: RequestValidationError) -> Response[str]:
        # Query, path and body schema errors are malformed requests, in our format.
        return error_response(HTTPStatus.BAD_REQUEST, BadInput.code, _validation_message(exc))

    def handle_not_found(exc: NotFoundError) -> Response[str]:
        allowed = allowed_methods(app, app.current_event.path)
        if not allowed:
            return error_response(HTTPStatus.NOT_FOUND, "route_not_found", "no such route")
        method = app.current_event.http_method.upper()
        response = error_response(
            HTTPStatus.METHOD_NOT_ALLOWED,
            "method_not_allowed",
            f"{method} is not allowed here; use {', '.join(allowed)}",
        )
        response.headers["Allow"] = ", ".join(allowed)
        return response

    def handle_unexpected(exc: Exception) -> Response[str]:
        # A bug, not bad input: keep the traceback in the log, not in the response.
        logger.exception("unhandled error")
        return error_response(
            HTTPStatus.INTERNAL_SERVER_ERROR, "internal_error", "internal server error"
        )

    # The most specific class wins: Powertools walks the raised error's MRO.
    app.exception_handler(IngestError)(handle_ingest_error)
    app.exception_handler(RequestValidationError)(handle_validation)
    app.exception_handler(NotFoundError)(handle_not_found)
    app.exception_handler(Exception)(handle_unexpected)
