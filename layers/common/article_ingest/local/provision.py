"""Create the bucket and table from template.yaml's own resource definitions, so the
tests, the local stack and the deployed stack cannot drift apart."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TEMPLATE_NAME = "template.yaml"
BUCKET_RESOURCE = "ArticlesBucket"
TABLE_RESOURCE = "ArticlesTable"
# Table properties that create_table accepts as they are written in the template.
_TABLE_KEYS = ("AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "BillingMode")


class _CfnLoader(yaml.SafeLoader):
    """A YAML loader that reads CloudFormation's short tags (!Ref, !Sub, ...) as data."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    return {name: value}


_CfnLoader.add_multi_constructor("!", _tag)


def find_template(start: Path | None = None) -> Path:
    """template.yaml in `start` or a parent folder, else beside the installed package."""
    candidates = [start or Path.cwd(), Path(__file__).resolve()]
    for base in candidates:
        for folder in (base, *base.parents):
            path = folder / TEMPLATE_NAME
            if path.is_file():
                return path
    raise FileNotFoundError(f"{TEMPLATE_NAME} not found from {candidates[0]}")


def load_template(path: Path | None = None) -> dict[str, Any]:
    """The SAM template as a dict, intrinsic functions kept as {'Fn::X': ...}."""
    with (path or find_template()).open(encoding="utf-8") as f:
        loaded: dict[str, Any] = yaml.load(f, Loader=_CfnLoader)
    return loaded


def table_definition(template: dict[str, Any]) -> dict[str, Any]:
    """create_table keyword arguments taken from the template's table resource."""
    props = template["Resources"][TABLE_RESOURCE]["Properties"]
    return {key: props[key] for key in _TABLE_KEYS if key in props}


def _encryption_rules(bucket_props: dict[str, Any]) -> list[dict[str, Any]]:
    """CloudFormation's ServerSideEncryptionByDefault is the API's Apply...ByDefault."""
    rules = bucket_props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    return [
        {"ApplyServerSideEncryptionByDefault": rule["ServerSideEncryptionByDefault"]}
        for rule in rules
    ]


def provision(
    s3: Any, dynamodb: Any, *, bucket: str, table: str, template: dict[str, Any] | None = None
) -> None:
    """Create the bucket and the table (idempotent) as the template defines them."""
    template = template or load_template()
    bucket_props = template["Resources"][BUCKET_RESOURCE]["Properties"]
    existing = {b["Name"] for b in s3.list_buckets().get("Buckets", [])}
    if bucket not in existing:
        s3.create_bucket(Bucket=bucket)
        if "VersioningConfiguration" in bucket_props:
            s3.put_bucket_versioning(
                Bucket=bucket, VersioningConfiguration=bucket_props["VersioningConfiguration"]
            )
        if "BucketEncryption" in bucket_props:
            s3.put_bucket_encryption(
                Bucket=bucket,
                ServerSideEncryptionConfiguration={"Rules": _encryption_rules(bucket_props)},
            )
        if "PublicAccessBlockConfiguration" in bucket_props:
            s3.put_public_access_block(
                Bucket=bucket,
                PublicAccessBlockConfiguration=bucket_props["PublicAccessBlockConfiguration"],
            )
    if table not in dynamodb.list_tables().get("TableNames", []):
        dynamodb.create_table(TableName=table, **table_definition(template))
        dynamodb.get_waiter("table_exists").wait(TableName=table)


QUEUE_RESOURCE = "IngestQueue"
DEAD_LETTER_RESOURCE = "IngestDeadLetterQueue"


@dataclass(frozen=True)
class UploadQueues:
    """The upload path's queues on the local stack, as the template wires them."""

    queue_url: str
    queue_arn: str
    dead_letter_url: str
    max_receive_count: int


def _queue_arn(sqs: Any, url: str) -> str:
    attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
    arn: str = attributes["Attributes"]["QueueArn"]
    return arn


def provision_uploads(
    s3: Any, sqs: Any, *, bucket: str, prefix: str, template: dict[str, Any] | None = None
) -> UploadQueues:
    """The template's upload path (idempotent): IngestDeadLetterQueue, IngestQueue
    redriving to it after the template's maxReceiveCount, and the bucket notifying
    IngestQueue of the template's events under `prefix` (incoming/)."""
    template = template or load_template()
    resources = template["Resources"]
    queue_props = resources[QUEUE_RESOURCE]["Properties"]
    dead_url = sqs.create_queue(QueueName=f"{bucket}-dlq")["QueueUrl"]
    redrive = {
        "deadLetterTargetArn": _queue_arn(sqs, dead_url),
        "maxReceiveCount": str(queue_props["RedrivePolicy"]["maxReceiveCount"]),
    }
    queue_url = sqs.create_queue(
        QueueName=f"{bucket}-uploads",
        Attributes={
            "VisibilityTimeout": str(queue_props["VisibilityTimeout"]),
            "RedrivePolicy": json.dumps(redrive),
        },
    )["QueueUrl"]
    queue_arn = _queue_arn(sqs, queue_url)
    notifications = resources[BUCKET_RESOURCE]["Properties"]["NotificationConfiguration"]
    configurations = []
    for config in notifications["QueueConfigurations"]:
        rules = config["Filter"]["S3Key"]["Rules"]
        configurations.append(
            {
                "QueueArn": queue_arn,
                "Events": [config["Event"]],
                "Filter": {
                    "Key": {
                        "FilterRules": [
                            {
                                "Name": r["Name"],
                                "Value": prefix if r["Name"] == "prefix" else r["Value"],
                            }
                            for r in rules
                        ]
                    }
                },
            }
        )
    s3.put_bucket_notification_configuration(
        Bucket=bucket, NotificationConfiguration={"QueueConfigurations": configurations}
    )
    return UploadQueues(
        queue_url, queue_arn, dead_url, int(queue_props["RedrivePolicy"]["maxReceiveCount"])
    )


# Events (issue 16): the template's bus, created on the local stack under this name.
EVENT_BUS_RESOURCE = "ArticleEventBus"
LOCAL_EVENT_BUS = "article-ingest-local-articles"


def provision_events(
    events: Any, *, bus_name: str = LOCAL_EVENT_BUS, template: dict[str, Any] | None = None
) -> str | None:
    """The template's event bus (idempotent), named `bus_name`; None when the template
    declares none (nothing is announced then). A name the template would not create
    ("default", another stack's bus) is used as it is: an existing bus."""
    template = template or load_template()
    if EVENT_BUS_RESOURCE not in template.get("Resources", {}):
        return None
    if bus_name != "default":
        existing = {b["Name"] for b in events.list_event_buses().get("EventBuses", [])}
        if bus_name not in existing:
            events.create_event_bus(Name=bus_name)
    return bus_name


def function_handler(logical_id: str, template_path: Path | None = None) -> Any:
    """A function's handler as Lambda loads it: the template's CodeUri folder on the
    import path, then `module.function` of its Handler."""
    import importlib
    import sys

    path = template_path or find_template()
    props = load_template(path)["Resources"][logical_id]["Properties"]
    folder = str(path.parent / props["CodeUri"])
    if folder not in sys.path:
        sys.path.insert(0, folder)
    module_name, _, function = props["Handler"].rpartition(".")
    return getattr(importlib.import_module(module_name), function)
