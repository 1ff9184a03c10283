"""GET /articles/{id}, GET /articles, /openapi.json and /docs through the API handler."""

from __future__ import annotations

import base64
import gzip
import json
import re
from typing import Any

import pytest

from .integration_support import body_of, http_event, load_event


def _post_html(api: Any, *, url: str, publisher: str, published: str, title: str) -> str:
    html = f"""<html><head><title>{title}</title>
    <meta property="og:site_name" content="{publisher}">
    <meta property="article:published_time" content="{published}"></head>
    <body><article><h1>{title}</h1>
    <p>{title} is the story of the day, told at some length so the extractor keeps it.</p>
    <p>A second paragraph about {title} gives the article a body worth storing here.</p>
    </article></body></html>"""
    event = http_event("POST", "/articles", body=html, content_type="text/html", query={"url": url})
    result = api(event)
    assert result["statusCode"] == 201, result["body"]
    article_id: str = body_of(result)["id"]
    return article_id


@pytest.fixture
def library(api: Any) -> dict[str, str]:
    """Five stored articles: three from Alpha News (Oct 1-3), two from Beta Daily."""
    ids = {}
    for day, publisher in [
        (1, "Alpha News"),
        (2, "Alpha News"),
        (3, "Alpha News"),
        (4, "Beta Daily"),
        (5, "Beta Daily"),
    ]:
        ids[f"{publisher}-{day}"] = _post_html(
            api,
            url=f"https://news.example/{day}",
            publisher=publisher,
            published=f"2025-10-0{day}T12:00:00+02:00",
            title=f"Story number {day}",
        )
    return ids


def test_get_article_returns_the_stored_article(api: Any) -> None:
    created = body_of(api(load_event("api_post_html.json")))
    assert created.pop("ingest_status") == "created"
    result = api(load_event("api_get_article.json"))
    assert result["statusCode"] == 200
    # the public read hides where the service keeps the input
    assert created["source"]["raw_key"]
    assert body_of(result) == {**created, "source": {**created["source"], "raw_key": None}}


def test_get_article_unknown_id_is_404(api: Any) -> None:
    result = api(http_event("GET", "/articles/0123456789abcdef0123456789abcdef"))
    assert result["statusCode"] == 404
    assert body_of(result)["error"]["code"] == "not_found"


def test_get_article_overlong_id_is_400_not_a_storage_error(api: Any) -> None:
    result = api(http_event("GET", "/articles/" + "x" * 3000))
    assert result["statusCode"] == 400


def test_list_articles_event_filters_by_publisher(api: Any) -> None:
    api(load_event("api_post_html.json"))
    api(load_event("api_post_text.json"))
    result = api(load_event("api_list_articles.json"))
    assert result["statusCode"] == 200
    items = body_of(result)["items"]
    assert [i["publisher"] for i in items] == ["Harbour Times"]


def test_list_articles_newest_first_with_cursor_pagination(
    api: Any, library: dict[str, str]
) -> None:
    seen: list[str] = []
    cursor = None
    for _ in range(5):
        query = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        page = body_of(api(http_event("GET", "/articles", query=query)))
        assert len(page["items"]) <= 2
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    order = ["Beta Daily-5", "Beta Daily-4", "Alpha News-3", "Alpha News-2", "Alpha News-1"]
    assert seen == [library[k] for k in order]


def test_list_articles_publisher_and_date_range(api: Any, library: dict[str, str]) -> None:
    query = {"publisher": "Alpha News", "since": "2025-10-02", "until": "2025-10-02"}
    items = body_of(api(http_event("GET", "/articles", query=query)))["items"]
    assert [i["id"] for i in items] == [library["Alpha News-2"]]
    query = {"since": "2025-10-03T10:00:00Z"}
    items = body_of(api(http_event("GET", "/articles", query=query)))["items"]
    assert {i["id"] for i in items} == {
        library[k] for k in ("Alpha News-3", "Beta Daily-4", "Beta Daily-5")
    }


def _post_undated(api: Any, title: str) -> str:
    text = (
        f"{title}\n\n{title} is a pasted story with no date anywhere in it, told at some "
        "length so that the extractor keeps it as the body of an article."
    )
    result = api(http_event("POST", "/articles", body=text, content_type="text/plain"))
    assert result["statusCode"] == 201, result["body"]
    article_id: str = body_of(result)["id"]
    return article_id


def _listed(api: Any, **query: str) -> list[str]:
    result = api(http_event("GET", "/articles", query=query))
    assert result["statusCode"] == 200, result["body"]
    return [i["id"] for i in body_of(result)["items"]]


def test_list_articles_date_filters_match_dated_articles_only(
    api: Any, library: dict[str, str]
) -> None:
    # Given five dated articles and one undated one, stored last
    undated = _post_undated(api, "Undated story")
    # When listing newest first / Then the undated article comes after every dated one
    assert _listed(api)[-1] == undated
    # And no date filter returns it
    assert undated not in _listed(api, since="2025-01-01")
    assert undated not in _listed(api, until="2030-01-01")
    assert undated not in _listed(api, since="2025-01-01", until="2030-01-01")


def test_list_articles_bounds_with_offsets_compare_instants(
    api: Any, library: dict[str, str]
) -> None:
    # Given day 3 published at 12:00+02:00, the instant 10:00Z
    day3 = library["Alpha News-3"]
    # When since is that instant in another offset / Then it matches (inclusive)
    assert day3 in _listed(api, since="2025-10-03T11:00:00+01:00")
    # And a second later, written with a negative offset, it no longer does
    assert day3 not in _listed(api, since="2025-10-03T05:00:01-05:00")
    # And until is an instant too: the same moment in +09:00 still includes it
    assert day3 in _listed(api, until="2025-10-03T19:00+09:00")
    assert day3 not in _listed(api, until="2025-10-03T09:59:59Z")


def test_list_articles_bad_bound_is_a_plain_words_400(api: Any) -> None:
    # Given a since that is no date / When listing
    result = api(http_event("GET", "/articles", query={"since": "last tuesday"}))
    # Then the error says what to send, without a regular expression
    assert result["statusCode"] == 400
    message = body_of(result)["error"]["message"]
    assert "ISO 8601" in message and "2025-10-23" in message
    assert "\\d" not in message and "^" not in message


def test_list_articles_since_after_until_is_400(api: Any) -> None:
    result = api(
        http_event("GET", "/articles", query={"since": "2025-10-03", "until": "2025-10-02"})
    )
    assert result["statusCode"] == 400
    assert "after" in body_of(result)["error"]["message"]


def test_list_articles_publisher_filter_ignores_case(api: Any, library: dict[str, str]) -> None:
    # Given three articles of "Alpha News" / When filtering in another case and spacing
    ids = _listed(api, publisher="ALPHA  news")
    # Then all three match
    assert set(ids) == {library[f"Alpha News-{day}"] for day in (1, 2, 3)}


def test_list_articles_limit_over_the_maximum_is_400(api: Any, configure: Any) -> None:
    # Given the default maximum page size (100) / When asking for 500
    result = api(http_event("GET", "/articles", query={"limit": "500"}))
    # Then the request is refused instead of silently cut
    assert result["statusCode"] == 400
    assert "100" in body_of(result)["error"]["message"]
    # And a deployment that lowers the maximum refuses above its own
    configure(page_size_max=10)
    result = api(http_event("GET", "/articles", query={"limit": "11"}))
    assert result["statusCode"] == 400
    assert "at most 10" in body_of(result)["error"]["message"]


@pytest.mark.parametrize(
    "query",
    [
        {"limit": "0"},
        {"limit": "many"},
        {"since": "yesterday"},
        {"until": "2025-13"},
        {"cursor": "not-a-cursor"},
        {"cursor": base64.urlsafe_b64encode(b'{"id": 5}').decode()},
    ],
    ids=["limit-0", "limit-nan", "since-word", "until-partial", "cursor-junk", "cursor-shape"],
)
def test_list_articles_malformed_query_is_400(api: Any, query: dict[str, str]) -> None:
    result = api(http_event("GET", "/articles", query=query))
    assert result["statusCode"] == 400
    expected = "bad_cursor" if "cursor" in query else "bad_request"
    assert body_of(result)["error"]["code"] == expected


def test_unknown_route_is_404_in_the_error_format(api: Any) -> None:
    result = api(http_event("GET", "/nowhere"))
    assert result["statusCode"] == 404
    assert body_of(result)["error"]["code"] == "route_not_found"


def test_openapi_json_documents_every_route_and_error(api: Any) -> None:
    result = api(http_event("GET", "/openapi.json"))
    assert result["statusCode"] == 200
    spec = json.loads(result["body"])
    assert set(spec["paths"]) == {"/articles", "/articles/{article_id}", "/extract", "/health"}
    post = spec["paths"]["/articles"]["post"]
    assert set(post["requestBody"]["content"]) == {"text/html", "text/plain", "application/json"}
    assert {"200", "201", "400", "413", "415", "422"} <= set(post["responses"])
    assert "MAX_INPUT_BYTES" in post["responses"]["413"]["description"]
    assert "ErrorResponse" in spec["components"]["schemas"]
    # Request validation errors are 400s in our format, never Powertools' default 422
    listing = spec["paths"]["/articles"]["get"]["responses"]
    assert "400" in listing and "422" not in listing
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_docs_format_json_is_the_openapi_document(api: Any) -> None:
    result = api(http_event("GET", "/docs", query={"format": "json"}))
    assert result["statusCode"] == 200
    assert json.loads(result["body"]) == json.loads(api(http_event("GET", "/openapi.json"))["body"])


def test_docs_serves_swagger_ui_without_external_assets(api: Any) -> None:
    result = api(http_event("GET", "/docs", headers={"accept-encoding": "gzip"}))
    assert result["statusCode"] == 200
    assert result["headers"]["Content-Type"] == "text/html"
    html = gzip.decompress(base64.b64decode(result["body"])).decode()
    assert "SwaggerUIBundle" in html and '"/extract"' in html
    # Offline: no script, stylesheet or image is fetched from anywhere.
    assert not re.search(r"""(src|href)\s*=\s*['"]https?://""", html)


def test_handler_builds_its_runtime_from_the_environment(
    aws: Any, settings: Any, context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given only the environment a deployed function has (no configure())
    import api_app

    from article_ingest import aws as aws_clients
    from article_ingest import runtime

    monkeypatch.setenv("BUCKET_NAME", settings.bucket_name)
    monkeypatch.setenv("TABLE_NAME", settings.table_name)
    runtime.configure(None)
    aws_clients.client.cache_clear()  # clients made inside this test's mock_aws
    try:
        # When a request arrives / Then the settings and clients come from there
        created = api_app.lambda_handler(load_event("api_post_html.json"), context)
        assert created["statusCode"] == 201
        assert runtime.runtime().settings.bucket_name == settings.bucket_name
    finally:
        runtime.configure(None)
        aws_clients.client.cache_clear()


def _text_of(result: dict[str, Any]) -> str:
    raw = result["body"]
    if result.get("isBase64Encoded"):
        raw = base64.b64decode(raw)
        raw = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
        return str(raw.decode())
    return str(raw)


@pytest.mark.parametrize(
    ("fmt", "media", "opening"),
    [
        ("markdown", "text/markdown", "# Port of Rotterdam Tests Hydrogen Barges\n"),
        ("html", "text/html", "<article><h1>Port of Rotterdam Tests Hydrogen Barges</h1>"),
        ("text", "text/plain", "Port of Rotterdam Tests Hydrogen Barges\n\n"),
    ],
)
def test_get_article_in_another_format(api: Any, fmt: str, media: str, opening: str) -> None:
    # Given a stored article
    api(load_event("api_post_html.json"))
    event = load_event("api_get_article.json")
    # When it is asked for in a format, by parameter and by Accept header
    by_param = api({**event, "queryStringParameters": {"format": fmt}})
    by_accept = api({**event, "headers": {**event.get("headers", {}), "accept": media}})
    # Then the answer is that rendering, with its media type
    for result in (by_param, by_accept):
        assert result["statusCode"] == 200
        assert result["headers"]["Content-Type"].startswith(media)
        assert _text_of(result).startswith(opening)


def test_get_article_unknown_format_is_400(api: Any) -> None:
    api(load_event("api_post_html.json"))
    event = load_event("api_get_article.json")
    result = api({**event, "queryStringParameters": {"format": "pdf"}})
    assert result["statusCode"] == 400
    assert body_of(result)["error"]["code"] == "bad_request"


def test_post_extract_as_markdown(api: Any) -> None:
    # Given the extract event asked for Markdown
    event = load_event("api_post_extract.json")
    event["queryStringParameters"] = {
        **(event.get("queryStringParameters") or {}),
        "format": "markdown",
    }
    # When posted
    result = api(event)
    # Then the Markdown of the extraction comes back
    assert result["statusCode"] == 200
    assert _text_of(result).startswith("# Port of Rotterdam Tests Hydrogen Barges\n\n")
