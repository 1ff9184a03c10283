"""The served OpenAPI document as a Swagger UI user meets it: stable operation ids
and tags, request examples that work as sent, documented 5xx, and the security
scheme of the deployment on the writes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .integration_support import body_of, http_event

OPERATIONS = {
    ("/articles", "post"): "ingestArticle",
    ("/articles", "get"): "listArticles",
    ("/articles/{article_id}", "get"): "getArticle",
    ("/extract", "post"): "extractArticle",
    ("/health", "get"): "health",
}


def _spec(api: Any) -> dict[str, Any]:
    result = api(http_event("GET", "/openapi.json"))
    assert result["statusCode"] == 200
    spec: dict[str, Any] = json.loads(result["body"])
    return spec


def test_every_operation_has_a_stable_id_and_a_declared_tag(api: Any) -> None:
    # Given the served document
    spec = _spec(api)
    declared = {tag["name"] for tag in spec["tags"]}
    # Then each operation has the id clients generate code from, and one declared tag
    found = {
        (path, method): operation["operationId"]
        for path, item in spec["paths"].items()
        for method, operation in item.items()
    }
    assert found == OPERATIONS
    for item in spec["paths"].values():
        for operation in item.values():
            assert len(operation["tags"]) == 1 and operation["tags"][0] in declared


@pytest.mark.parametrize("path", ["/extract", "/articles"])
@pytest.mark.parametrize("media", ["text/plain", "text/html", "application/json"])
def test_each_request_example_works_as_swagger_ui_sends_it(api: Any, path: str, media: str) -> None:
    # Given the example Swagger UI preselects for this route and media type
    content = _spec(api)["paths"][path]["post"]["requestBody"]["content"][media]
    value = content["examples"]["seed"]["value"]
    body = value if isinstance(value, str) else json.dumps(value)
    # When it is sent as is
    result = api(http_event("POST", path, body=body, content_type=media))
    # Then the sample article comes back whole: headline, author, time with its zone
    assert result["statusCode"] in (200, 201), body_of(result)
    article = body_of(result)
    assert article["headline"].startswith("China Confirms High-Level Trade Talks")
    assert article["authors"] == ["Shanthi M"]
    assert article["published_at"] == "2025-10-23T05:40:00-04:00"
    assert "Chinese Vice-Premier He Lifeng" in article["body"]


def test_5xx_are_documented_in_the_error_format(api: Any) -> None:
    # Given the served document
    spec = _spec(api)
    # Then every operation documents 500, and those that touch storage 503
    for (path, method), _ in OPERATIONS.items():
        responses = spec["paths"][path][method]["responses"]
        assert "500" in responses
        assert ("503" in responses) == (path != "/extract" and path != "/health")
        error = responses["500"]["content"]["application/json"]["schema"]["$ref"]
        assert error.endswith("/ErrorResponse")


def test_the_local_stack_declares_no_security(api: Any) -> None:
    spec = _spec(api)
    assert "securitySchemes" not in spec.get("components", {})
    assert all("security" not in op for item in spec["paths"].values() for op in item.values())


@pytest.mark.parametrize("write_auth", ["IAM", "JWT"])
def test_the_deployments_write_scheme_is_on_the_writes_only(
    api: Any, configure: Any, write_auth: str
) -> None:
    # Given a deployment whose writes are authenticated by `write_auth` (WRITE_AUTH)
    configure(write_auth=write_auth)
    # When its document is read
    spec = _spec(api)
    # Then that scheme is declared and on the POSTs, with their 401; reads stay open
    assert set(spec["components"]["securitySchemes"]) == {write_auth}
    for (path, method), _ in OPERATIONS.items():
        operation = spec["paths"][path][method]
        if method == "post":
            assert operation["security"] == [{write_auth: []}]
            assert "401" in operation["responses"]
        else:
            assert "security" not in operation


def test_the_template_tells_the_functions_the_write_scheme() -> None:
    # Given template.yaml / Then the functions' WRITE_AUTH is the WriteAuth parameter
    from .integration_support import REPO

    text = (REPO / "template.yaml").read_text(encoding="utf-8")
    assert "WRITE_AUTH: !Ref WriteAuth" in text
