"""The API's edges: wrong methods (405 with Allow), GET /health, CORS (template and
local stack alike), and every refusal of the local server in the JSON error format."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from .integration_support import body_of, http_event


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/articles", "GET, POST"),
        ("PUT", "/articles/abc", "DELETE, GET"),
        ("GET", "/extract", "POST"),
        ("POST", "/health", "GET"),
    ],
)
def test_wrong_method_is_405_with_allow(api: Any, method: str, path: str, allow: str) -> None:
    # Given a path the API serves / When called with a method it does not take
    result = api(http_event(method, path))
    # Then the answer is 405, says which methods it takes, in the error format
    assert result["statusCode"] == 405
    assert result["headers"]["Allow"] == allow
    assert body_of(result)["error"]["code"] == "method_not_allowed"


def test_unknown_path_is_still_404(api: Any) -> None:
    result = api(http_event("PUT", "/nowhere"))
    assert result["statusCode"] == 404
    assert "Allow" not in result["headers"]


def test_health_answers_without_storage(api: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from article_ingest.runtime import runtime

    # Given storage that would fail every call
    monkeypatch.setattr(runtime().store, "list", None)
    # When asking for health / Then the API answers with its versions
    result = api(http_event("GET", "/health"))
    assert result["statusCode"] == 200
    body = body_of(result)
    assert body["status"] == "ok" and body["schema_version"] == 2


def test_template_cors_is_a_parameter_and_matches_the_local_stack(
    template: dict[str, Any],
) -> None:
    from article_ingest.local import cors

    # Given the template's CORS setting of the HTTP API
    body = template["Resources"]["HttpApi"]["Properties"]["DefinitionBody"]
    condition, config, off = body["x-amazon-apigateway-cors"]["Fn::If"]
    # Then it is on only when CorsAllowOrigins names an origin (none by default)
    assert condition == "AllowCors"
    assert template["Parameters"]["CorsAllowOrigins"]["Default"] == ""
    assert config["allowOrigins"] == {"Ref": "CorsAllowOrigins"}
    assert off == {"Ref": "AWS::NoValue"}
    # And the local stack answers with the same methods, headers and max age
    assert tuple(config["allowMethods"]) == cors.ALLOW_METHODS
    assert tuple(config["allowHeaders"]) == cors.ALLOW_HEADERS
    assert tuple(config["exposeHeaders"]) == cors.EXPOSE_HEADERS
    assert config["maxAge"] == cors.MAX_AGE


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    from article_ingest.local.provision import load_template

    from .integration_support import REPO

    return load_template(REPO / "template.yaml")


def _echo_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """A stand-in function: answers what it was asked."""
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json", "X-Ingest-Status": "created"},
        "body": json.dumps({"method": event["requestContext"]["http"]["method"]}),
    }


@pytest.fixture
def edge() -> Iterator[Any]:
    """The local server's HTTP front over a stand-in function, CORS on for one origin."""
    from article_ingest.local.cors import Cors
    from article_ingest.local.server import _HTTPServer, _request_handler

    httpd = _HTTPServer(
        ("127.0.0.1", 0), _request_handler(_echo_handler, Cors.of(["https://app.example"]))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _request(
    httpd: Any, method: str, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", httpd.server_port, timeout=10)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_local_cors_preflight_is_answered_at_the_edge(edge: Any) -> None:
    # Given CORS on for https://app.example / When a browser sends a preflight
    status, headers, body = _request(
        edge,
        "OPTIONS",
        "/articles",
        {"Origin": "https://app.example", "Access-Control-Request-Method": "POST"},
    )
    # Then the edge answers it with the allowed methods and headers
    assert status == 204 and body == b""
    assert headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "content-type" in headers["Access-Control-Allow-Headers"]


def test_local_cors_headers_only_for_allowed_origins(edge: Any) -> None:
    # Given a request from the allowed origin / Then its answer carries the CORS headers
    _, headers, _ = _request(edge, "GET", "/articles", {"Origin": "https://app.example"})
    assert headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert "x-ingest-status" in headers["Access-Control-Expose-Headers"]
    # And one from another origin does not
    _, headers, _ = _request(edge, "GET", "/articles", {"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in headers


def test_local_server_without_cors_passes_options_to_the_function(local_server: Any) -> None:
    # Given the local stack without --cors-origin / When a preflight arrives
    conn = http.client.HTTPConnection("127.0.0.1", local_server.httpd.server_port, timeout=10)
    conn.request(
        "OPTIONS",
        "/articles",
        headers={"Origin": "https://app.example", "Access-Control-Request-Method": "POST"},
    )
    response = conn.getresponse()
    # Then the function answers 405 with Allow, and no origin is allowed
    assert response.status == 405 and response.getheader("Allow") == "GET, POST"
    assert response.getheader("Access-Control-Allow-Origin") is None
    conn.close()


def _raw(port: int, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _json_error(raw: bytes) -> tuple[int, dict[str, Any]]:
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    assert b"application/json" in head
    return status, json.loads(body)


@pytest.mark.parametrize(
    ("request_bytes", "status", "code"),
    [
        (b"GARBAGE\r\n\r\n", 400, "bad_request"),
        (b"GET /health HTTP/2.0\r\n\r\n", 505, "http_version_not_supported"),
        (b"GET /health HTTP/1.1\r\nX: " + b"a" * 70000 + b"\r\n\r\n", 431, "headers_too_large"),
        (
            b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Length: 12000000\r\n"
            b"Expect: 100-continue\r\n\r\n",
            413,
            "too_large",
        ),
    ],
    ids=["request-line", "http-version", "header-size", "12-MB-body"],
)
def test_local_server_refusals_are_json(
    edge: Any, request_bytes: bytes, status: int, code: str
) -> None:
    # Given a request the local server refuses before any function runs
    got, body = _json_error(_raw(edge.server_port, request_bytes))
    # Then the refusal is in the API's JSON error format, not an HTML page
    assert got == status
    assert body["error"]["code"] == code


def test_local_server_12_mb_body_is_a_json_413(local_server: Any) -> None:
    # Given a 12 MB body sent to the local stack as a client sends it
    conn = http.client.HTTPConnection("127.0.0.1", local_server.httpd.server_port, timeout=30)
    conn.putrequest("POST", "/articles")
    conn.putheader("Content-Type", "text/plain")
    conn.putheader("Content-Length", str(12 * 1024 * 1024))
    conn.endheaders()
    response = conn.getresponse()
    # Then it is refused before it is read, in the JSON error format
    assert response.status == 413
    assert json.loads(response.read())["error"]["code"] == "too_large"
    conn.close()
