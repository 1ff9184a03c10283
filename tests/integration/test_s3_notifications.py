"""End to end on moto: the template's bucket notification feeds the upload queue,
and nothing the service writes feeds it again."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote_plus

import pytest

from .integration_support import REPO, load_event


@pytest.fixture
def upload_queue(aws: tuple[Any, Any], settings: Any) -> str:
    """A queue wired to the bucket exactly as template.yaml wires IngestQueue."""
    import boto3

    from article_ingest.local.provision import load_template

    bucket = load_template(REPO / "template.yaml")["Resources"]["ArticlesBucket"]
    (config,) = bucket["Properties"]["NotificationConfiguration"]["QueueConfigurations"]
    sqs = boto3.client("sqs", region_name="us-east-1")
    url: str = sqs.create_queue(QueueName="ingest-queue")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    rules = [{"Name": r["Name"], "Value": r["Value"]} for r in config["Filter"]["S3Key"]["Rules"]]
    aws[0].put_bucket_notification_configuration(
        Bucket=settings.bucket_name,
        NotificationConfiguration={
            "QueueConfigurations": [
                {
                    "QueueArn": arn,
                    "Events": [config["Event"]],
                    "Filter": {"Key": {"FilterRules": rules}},
                }
            ]
        },
    )
    return url


def _drain(queue_url: str) -> list[dict[str, Any]]:
    """The queue's messages as an SQS Lambda event's records (test events skipped)."""
    import boto3

    sqs = boto3.client("sqs", region_name="us-east-1")
    got = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
    records = []
    for message in got.get("Messages", []):
        sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
        if "s3:TestEvent" in message["Body"]:
            continue
        record = load_event("sqs_s3_put.json")["Records"][0]
        record.update(messageId=message["MessageId"], body=message["Body"])
        records.append(record)
    return records


def test_upload_round_trip_through_the_bucket_notification(
    aws: Any, settings: Any, upload_queue: str, api: Any, context: Any
) -> None:
    import s3_app

    from article_ingest.runtime import runtime

    # Given a page uploaded under incoming/ (with a space: the key arrives encoded)
    html = load_event("api_post_html.json")["body"].encode()
    aws[0].put_object(
        Bucket=settings.bucket_name,
        Key="incoming/a page.html",
        Body=html,
        ContentType="text/html",
        Metadata={"url": "https://example.com/a"},
    )
    records = _drain(upload_queue)
    assert len(records) == 1
    key = json.loads(records[0]["body"])["Records"][0]["s3"]["object"]["key"]
    assert "+" in key and unquote_plus(key) == "incoming/a page.html"
    # When the upload function receives the notification
    assert s3_app.lambda_handler({"Records": records}, context) == {"batchItemFailures": []}
    # Then the article is stored, and its writes (articles/) notified nobody
    assert [i.url for i in runtime().store.list().items] == ["https://example.com/a"]
    assert _drain(upload_queue) == []
    # And neither do the API's writes (raw/ and articles/)
    assert api(load_event("api_post_text.json"))["statusCode"] == 201
    keys = [o["Key"] for o in aws[0].list_objects_v2(Bucket=settings.bucket_name)["Contents"]]
    assert any(k.startswith("raw/") for k in keys) and any(k.startswith("articles/") for k in keys)
    assert _drain(upload_queue) == []
