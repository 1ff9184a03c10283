"""Issue 13, rows 4, 5 and 7: what the service answers and stores is bounded and safe.
Responses fit a synchronous Lambda response, fields fit DynamoDB, a permanent storage
refusal is a 4xx (never a retry), image URLs are well-formed and public."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

from article_ingest.bounds import MAX_HEADLINE_BYTES, MAX_NAME_BYTES, response_bytes
from article_ingest.models import Article
from article_ingest.service import RawInput, extract, ingest
from article_ingest.settings import Settings

from ..integration.integration_support import body_of, http_event
from .support import PARAGRAPH, page, run

# Lambda's synchronous response payload limit.
LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024


def _figure(url: str, caption: str = "A photo") -> str:
    return f'<figure><img src="{url}"><figcaption>{caption}</figcaption></figure>'


def _big_page(body_bytes: int, quote: str = "") -> bytes:
    """A real-looking page of `body_bytes` of prose (paragraphs of ~1 KB)."""
    paragraph = f"<p>{quote}{PARAGRAPH} {PARAGRAPH} {PARAGRAPH} {PARAGRAPH} {PARAGRAPH}</p>"
    count = body_bytes // len(paragraph)
    images = "".join(
        _figure(f"https://img.ex.com/{i}.jpg", f"Photo {i}: {PARAGRAPH}") for i in range(30)
    )
    return page(f"<article><h1>A very long report</h1>{images}{paragraph * count}</article>")


@pytest.mark.parametrize("quote", ["", '"\\'], ids=["prose", "quotes-and-backslashes"])
def test_a_16mb_page_answers_within_the_lambda_response_limit(api: Any, quote: str) -> None:
    # Given a 16 MB page (gzip, under MAX_DECOMPRESSED_BYTES), whose Article was 7.9 MB
    data = gzip.compress(_big_page(15_500_000, quote))
    # When it is posted through the API function
    result = api(http_event("POST", "/articles", body=data, content_type="text/html"))
    # Then the whole Lambda response, as the runtime sends it, fits in 6 MB
    assert result["statusCode"] == 201
    assert len(json.dumps(result)) < LAMBDA_RESPONSE_LIMIT
    # And the body was cut with a warning; so is the stored Article, which GET returns
    article = body_of(result)
    assert "body_truncated" in article["extraction"]["warnings"]
    got = api(http_event("GET", f"/articles/{article['id']}"))
    assert got["statusCode"] == 200 and len(json.dumps(got)) < LAMBDA_RESPONSE_LIMIT


def test_extract_cuts_body_and_images_to_the_article_bound() -> None:
    # Given a small bound, a long page with many images
    settings = Settings(max_article_bytes=50_000)
    data = _big_page(200_000)
    # When extracted
    article, _ = extract(RawInput(data, "text/html", "api"), settings)
    # Then the Article is within the bound, both cuts are warned of, the body is whole
    # paragraphs but the last, and the derived fields describe the body kept
    assert response_bytes(article.model_dump(mode="json")) <= 50_000
    assert {"body_truncated", "images_truncated"} <= set(article.extraction.warnings)
    assert article.body.startswith("The city council") and 0 < len(article.images) < 30
    assert article.word_count == len(article.body.split())


def test_extract_leaves_an_article_under_the_bound_untouched() -> None:
    article = run(_big_page(20_000))
    assert isinstance(article, Article)
    assert not {"body_truncated", "images_truncated"} & set(article.extraction.warnings)


def test_huge_title_and_publisher_are_capped_by_bytes_and_stored(store: Any) -> None:
    # Given a 450 KB <title> and a publisher name of 3,000 bytes (both were a 503)
    head = (
        f"<title>{'Très long titre ' * 28_000}</title>"
        f'<meta property="og:site_name" content="{"Ö" * 1500}">'
    )
    data = page(f"<article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>", head)
    # When ingested (moto enforces DynamoDB's item and key size limits)
    result = ingest(RawInput(data, "text/html", "api"), store._settings, store)
    # Then it is stored, the fields cut at a character boundary within their caps
    assert result.status == "created"
    article = result.article
    assert 0 < len(article.headline.encode()) <= MAX_HEADLINE_BYTES
    assert article.publisher and 0 < len(article.publisher.encode()) <= MAX_NAME_BYTES
    assert store.get(article.id).headline == article.headline


def _refusing_dynamodb(dynamodb: Any) -> Any:
    """A DynamoDB client whose PutItem is refused for size, as DynamoDB does."""

    class Refusing:
        def __getattr__(self, name: str) -> Any:
            return getattr(dynamodb, name)

        def put_item(self, **kwargs: Any) -> Any:
            error = {
                "Code": "ValidationException",
                "Message": "Item size has exceeded the maximum allowed size",
            }
            raise ClientError({"Error": error}, "PutItem")

    return Refusing()


def test_a_record_storage_refuses_is_422_not_a_503(api: Any, configure: Any, aws: Any) -> None:
    # Given DynamoDB refusing the item for its size
    from article_ingest import runtime

    rt = configure()
    runtime.configure(runtime.Runtime.build(rt.settings, aws[0], _refusing_dynamodb(aws[1])))
    # When an article is posted
    result = api(
        http_event("POST", "/articles", body=page(f"<p>{PARAGRAPH}</p>"), content_type="text/html")
    )
    # Then it is a permanent 4xx, not an outage a client would retry forever
    assert result["statusCode"] == 422
    assert body_of(result)["error"]["code"] == "record_refused"


def test_an_upload_storage_refuses_goes_to_the_dlq_with_its_reason(
    configure: Any, context: Any, aws: Any, settings: Any, dlq_url: str
) -> None:
    # Given DynamoDB refusing the item for its size, and an uploaded page
    import boto3
    import s3_app

    from article_ingest import runtime

    from ..integration.test_s3_ingest import _batch, _dead_letters, _message, _put

    rt = configure()
    refusing = runtime.Runtime.build(rt.settings, aws[0], _refusing_dynamodb(aws[1]))
    refusing.sqs = boto3.client("sqs", region_name="us-east-1")
    runtime.configure(refusing)
    _put(aws, settings, "incoming/huge.html", page(f"<p>{PARAGRAPH}</p>"))
    # When the upload function runs
    result = s3_app.lambda_handler(_batch(_message(settings, "incoming/huge.html", "m1")), context)
    # Then the message is consumed (no retry) and the DLQ says where and why
    assert result == {"batchItemFailures": []}
    letters = _dead_letters(aws, dlq_url)
    assert [(d["key"], d["error"]["code"]) for d in letters] == [
        ("incoming/huge.html", "record_refused")
    ]


HOSTILE_IMAGES = [
    'https://img.ex.com/a"onerror="alert(1).jpg',
    "https://img.ex.com/a'b.jpg",
    "https://img.ex.com/<script>.jpg",
    "http://169.254.169.254/latest/meta-data/iam",
    "http://2852039166/latest/meta-data/",
    "http://127.0.0.1:8080/admin.png",
    "http://10.0.0.5/internal.png",
    "http://[::1]/x.png",
    "http://localhost/x.png",
]


def test_image_urls_are_percent_encoded_and_private_hosts_dropped() -> None:
    # Given images with quotes and angle brackets, and images on internal addresses
    images = "".join(
        _figure(u).replace('"', "'") if '"' in u else _figure(u) for u in HOSTILE_IMAGES
    )
    head = '<meta property="og:image" content="http://169.254.169.254/og.png">'
    article = run(
        page(f"<article><h1>T</h1>{images}<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>", head)
    )
    assert isinstance(article, Article)
    urls = [i.url for i in article.images if i.url]
    assert len(urls) == 3  # the three public ones, encoded
    # Then every kept URL is well-formed, with nothing an attribute could end on
    assert all(not set(u) & set("\"'<> ") for u in urls), urls
    # And no URL points inside a network
    for internal in ("169.254", "127.0.0.1", "10.0.0.5", "[::1]", "localhost"):
        assert not any(internal in u for u in urls), urls
    assert "https://img.ex.com/a%27b.jpg" in urls
