"""POST /articles and POST /extract through the API function's handler, on moto."""

from __future__ import annotations

import gzip
import io
import json
from typing import Any

import pytest

from ..conftest import RECORDS_ONLY
from .integration_support import REPO, body_of, http_event, load_event

SEED_TEXT = (REPO / "seeds" / "stocktwits-us-china-trade-talks.txt").read_text(encoding="utf-8")
HTML_EVENT = "api_post_html.json"


def _stored_ids(aws: tuple[Any, Any], settings: Any) -> list[str]:
    items = aws[1].scan(TableName=settings.table_name, FilterExpression=RECORDS_ONLY)["Items"]
    return sorted(i["id"]["S"] for i in items)


@pytest.mark.parametrize(
    ("event_name", "kind"),
    [
        ("api_post_text.json", "text"),
        ("api_post_html.json", "html"),
        ("api_post_json.json", "text"),
    ],
)
def test_post_articles_new_input_is_201_with_location(
    api: Any, aws: Any, settings: Any, event_name: str, kind: str
) -> None:
    # Given an input the service has never seen / When it is POSTed
    result = api(load_event(event_name))
    # Then it is stored and the response points at it
    assert result["statusCode"] == 201
    article = body_of(result)
    assert result["headers"]["Location"] == f"/articles/{article['id']}"
    assert article["source"]["kind"] == kind
    assert article["source"]["via"] == "api"
    assert _stored_ids(aws, settings) == [article["id"]]


def test_post_articles_same_input_again_is_200_unchanged(api: Any, aws: Any, settings: Any) -> None:
    first = api(load_event(HTML_EVENT))
    again = api(load_event(HTML_EVENT))
    assert (first["statusCode"], again["statusCode"]) == (201, 200)
    assert body_of(again)["id"] == body_of(first)["id"]
    assert again["headers"]["Location"] == first["headers"]["Location"]
    assert len(_stored_ids(aws, settings)) == 1


def test_post_articles_changed_content_same_url_is_200_updated(api: Any) -> None:
    event = load_event(HTML_EVENT)
    first = api(event)
    event["body"] = event["body"].replace("forty tonnes", "fifty tonnes")
    second = api(event)
    assert (first["statusCode"], second["statusCode"]) == (201, 200)
    assert body_of(second)["id"] == body_of(first)["id"]
    assert "fifty tonnes" in body_of(second)["body"]


def test_post_articles_says_created_updated_or_unchanged(api: Any) -> None:
    # Given an HTML page POSTed three times: new, again as it was, then with new content
    event = load_event(HTML_EVENT)
    first = api(event)
    again = api(event)
    event["body"] = event["body"].replace("forty tonnes", "fifty tonnes")
    changed = api(event)
    # Then each answer says what the request did, in the body and in a header
    answers = [first, again, changed]
    assert [a["headers"]["X-Ingest-Status"] for a in answers] == [
        "created",
        "unchanged",
        "updated",
    ]
    assert [body_of(a)["ingest_status"] for a in answers] == ["created", "unchanged", "updated"]
    # And the rest of the body is the Article, as GET /articles/{id} answers it
    from article_ingest.models import Article

    article = {k: v for k, v in body_of(changed).items() if k != "ingest_status"}
    assert Article.model_validate(article).id == body_of(first)["id"]


def test_openapi_documents_the_ingest_status(api: Any) -> None:
    # Given the OpenAPI document / Then POST /articles answers IngestedArticle with the header
    spec = body_of(api(http_event("GET", "/openapi.json")))
    created = spec["paths"]["/articles"]["post"]["responses"]["201"]
    assert "X-Ingest-Status" in created["headers"]
    schema = spec["components"]["schemas"]["IngestedArticle"]
    assert "ingest_status" in schema["required"]
    assert "Article" in spec["components"]["schemas"]


def test_post_articles_url_query_parameter_sets_the_url(api: Any) -> None:
    result = api(load_event(HTML_EVENT))
    assert body_of(result)["url"] == load_event(HTML_EVENT)["queryStringParameters"]["url"]


def test_post_articles_base64_gzip_body_is_decoded(api: Any) -> None:
    # HTTP APIs base64-encode bodies that are not text: a gzip upload arrives that way.
    event = http_event(
        "POST", "/articles", body=gzip.compress(SEED_TEXT.encode()), content_type="application/gzip"
    )
    result = api(event)
    assert result["statusCode"] == 201
    assert body_of(result)["headline"].startswith("China Confirms")


def test_post_articles_json_url_wins_over_query(api: Any) -> None:
    body = json.dumps({"text": SEED_TEXT, "url": "https://example.com/json"})
    event = http_event(
        "POST",
        "/articles",
        body=body,
        content_type="application/json",
        query={"url": "https://example.com/query"},
    )
    assert body_of(api(event))["url"] == "https://example.com/json"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{not json", "application/json"),
        (json.dumps({"html": "<p>a</p>", "text": "a"}), "application/json"),
        (json.dumps({"text": "a", "extra": 1}), "application/json"),
        (json.dumps({"text": 5}), "application/json"),
        (json.dumps(["text"]), "application/json"),
        ("   ", "text/plain"),
    ],
    ids=[
        "malformed-json",
        "both-html-and-text",
        "extra-field",
        "wrong-type",
        "not-object",
        "empty",
    ],
)
def test_post_articles_malformed_input_is_400(api: Any, body: str, content_type: str) -> None:
    result = api(http_event("POST", "/articles", body=body, content_type=content_type))
    assert result["statusCode"] == 400
    assert body_of(result)["error"]["code"] == "bad_request"


def test_post_articles_bad_url_is_400(api: Any) -> None:
    event = http_event(
        "POST",
        "/articles",
        body=SEED_TEXT,
        content_type="text/plain",
        query={"url": "ftp://example.com/x"},
    )
    result = api(event)
    assert result["statusCode"] == 400
    assert "url" in body_of(result)["error"]["message"]


def test_post_articles_invalid_base64_is_400(api: Any) -> None:
    event = http_event("POST", "/articles", body="!!!", content_type="application/octet-stream")
    event["isBase64Encoded"] = True
    assert api(event)["statusCode"] == 400


def test_post_articles_over_the_limit_is_413(api: Any, configure: Any) -> None:
    configure(max_input_bytes=1000)
    for content_type in ("text/plain", "application/json"):
        body = SEED_TEXT if content_type == "text/plain" else json.dumps({"text": SEED_TEXT})
        result = api(http_event("POST", "/articles", body=body, content_type=content_type))
        assert result["statusCode"] == 413
        assert body_of(result)["error"]["code"] == "too_large"


def test_post_articles_gzip_bomb_is_413(api: Any, configure: Any) -> None:
    configure(max_decompressed_bytes=100_000)
    bomb = gzip.compress(b"a" * 1_000_000)
    result = api(http_event("POST", "/articles", body=bomb, content_type="application/gzip"))
    assert result["statusCode"] == 413


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf"])
def test_post_articles_unsupported_type_is_415(api: Any, content_type: str) -> None:
    result = api(
        http_event(
            "POST", "/articles", body=b"\x89PNG\r\n\x1a\n\x00\x00", content_type=content_type
        )
    )
    assert result["statusCode"] == 415
    assert body_of(result)["error"]["code"] == "unsupported_media_type"


def test_post_articles_binary_bytes_as_octet_stream_is_415(api: Any) -> None:
    body = bytes(range(256)) * 20
    result = api(
        http_event("POST", "/articles", body=body, content_type="application/octet-stream")
    )
    assert result["statusCode"] == 415


def test_post_articles_no_article_is_422_and_nothing_stored(
    api: Any, aws: Any, settings: Any
) -> None:
    event = http_event(
        "POST",
        "/articles",
        body="<html><body><nav>Home</nav></body></html>",
        content_type="text/html",
    )
    result = api(event)
    assert result["statusCode"] == 422
    assert body_of(result) == {
        "error": {"code": "no_article", "message": body_of(result)["error"]["message"]}
    }
    assert _stored_ids(aws, settings) == []


def test_post_extract_returns_the_article_and_stores_nothing(
    api: Any, aws: Any, settings: Any
) -> None:
    result = api(load_event("api_post_extract.json"))
    assert result["statusCode"] == 200
    assert body_of(result)["headline"] == "Port of Rotterdam Tests Hydrogen Barges"
    assert "Location" not in result["headers"]
    assert _stored_ids(aws, settings) == []
    assert aws[0].list_objects_v2(Bucket=settings.bucket_name)["KeyCount"] == 0


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{", "application/json", 400),
        (b"\x00\x01", "image/png", 415),
        ("<p></p>", "text/html", 422),
    ],
)
def test_post_extract_errors_use_the_error_format(
    api: Any, body: Any, content_type: str, status: int
) -> None:
    result = api(http_event("POST", "/extract", body=body, content_type=content_type))
    assert result["statusCode"] == status
    assert set(body_of(result)["error"]) == {"code", "message"}


def test_post_articles_emits_metrics_and_logs_without_the_body(
    api: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from article_ingest.api import app as app_module

    logs = io.StringIO()
    monkeypatch.setattr(app_module.logger.registered_handler, "stream", logs)
    api(load_event(HTML_EVENT))
    api(load_event(HTML_EVENT))
    api(http_event("POST", "/articles", body="<p></p>", content_type="text/html"))
    out = capsys.readouterr().out
    emitted = [json.loads(line) for line in out.splitlines() if line.startswith('{"_aws"')]
    names = [
        m["Name"] for e in emitted for d in e["_aws"]["CloudWatchMetrics"] for m in d["Metrics"]
    ]
    assert names == ["ArticlesIngested", "Duplicates", "ExtractionFailures"]
    records = [json.loads(line) for line in logs.getvalue().splitlines()]
    assert [r.get("status") or r.get("error_code") for r in records] == [
        "created",
        "unchanged",
        "no_article",
    ]
    assert records[0]["correlation_id"] == "post-html-0001"
    assert "forty tonnes" not in logs.getvalue() + out  # article text never reaches the logs


def test_post_extract_over_the_limit_is_413(api: Any, configure: Any) -> None:
    configure(max_input_bytes=1000)
    result = api(http_event("POST", "/extract", body=SEED_TEXT, content_type="text/plain"))
    assert result["statusCode"] == 413


def test_post_articles_storage_outage_is_503(api: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from article_ingest import service
    from article_ingest.errors import StorageUnavailable

    def outage(*args: Any, **kwargs: Any) -> Any:
        raise StorageUnavailable("storage failed while writing to DynamoDB: ClientError")

    monkeypatch.setattr(service, "ingest", outage)
    result = api(load_event(HTML_EVENT))
    assert result["statusCode"] == 503
    assert body_of(result)["error"]["code"] == "storage_unavailable"


def test_post_articles_bug_is_500_without_details(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from article_ingest import service

    def bug(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(service, "ingest", bug)
    result = api(load_event(HTML_EVENT))
    assert result["statusCode"] == 500
    assert body_of(result) == {
        "error": {"code": "internal_error", "message": "internal server error"}
    }
