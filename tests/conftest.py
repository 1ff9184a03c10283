"""Shared fixtures: moto-backed AWS with the bucket and table built from template.yaml."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BENCHMARKS = SHARED / "benchmarks"

# Never let a test reach real AWS: fake credentials and region before boto3 loads.
for _key, _value in {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}.items():
    os.environ[_key] = _value
os.environ.pop("AWS_ENDPOINT_URL", None)
os.environ.pop("AWS_PROFILE", None)


@pytest.fixture
def settings() -> Any:
    from article_ingest.settings import Settings

    return Settings(bucket_name="test-articles", table_name="test-articles")


@pytest.fixture
def aws(settings: Any) -> Iterator[tuple[Any, Any]]:
    """(s3, dynamodb) clients inside mock_aws, provisioned from template.yaml."""
    import boto3
    from moto import mock_aws

    from article_ingest.local.moto_stack import atomic_conditional_writes
    from article_ingest.local.provision import load_template, provision

    atomic_conditional_writes()  # as DynamoDB's: moto checks a condition, then writes
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        dynamodb = boto3.client("dynamodb", region_name="us-east-1")
        provision(
            s3,
            dynamodb,
            bucket=settings.bucket_name,
            table=settings.table_name,
            template=load_template(REPO / "template.yaml"),
        )
        yield s3, dynamodb


@pytest.fixture
def store(aws: tuple[Any, Any], settings: Any) -> Any:
    from article_ingest.store import S3DynamoStore

    s3, dynamodb = aws
    return S3DynamoStore(s3, dynamodb, settings)


def shared_benchmarks() -> Path:
    """The shared benchmark folder, or skip: a user's clone has no ../shared."""
    if not (BENCHMARKS / "fundus-dev" / "cases.jsonl").is_file():
        pytest.skip("../shared/benchmarks is not present")
    return BENCHMARKS


@pytest.fixture(scope="session")
def bench_predictions(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[str, str], tuple[list[dict[str, Any]], Path]]:
    """(predictions, their file) of a shared set in a mode, extracted once per run and
    shared by every test that scores or checks them; skips without ../shared."""
    from tests import benchmark_support

    if not benchmark_support.available():
        pytest.skip("../shared/benchmarks is not present")
    done: dict[tuple[str, str], tuple[list[dict[str, Any]], Path]] = {}

    def get(dataset: str, mode: str) -> tuple[list[dict[str, Any]], Path]:
        if (dataset, mode) not in done:
            path = tmp_path_factory.mktemp("bench") / f"{dataset}-{mode}.jsonl"
            done[(dataset, mode)] = (benchmark_support.predict_all(dataset, mode, path), path)
        return done[(dataset, mode)]

    return get


# A scan's filter for the article records of the table, without the content links
# (`same_as` items, see S3DynamoStore._link_content).
RECORDS_ONLY = "attribute_not_exists(same_as)"
