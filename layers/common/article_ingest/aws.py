"""AWS clients, created lazily once per process so warm Lambda invocations reuse them."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .settings import Settings

# Standard retry mode backs off exponentially with jitter on throttling and 5xx;
# 5 attempts ride out a burst of DynamoDB throttling without holding a Lambda long.
_RETRIES = {"max_attempts": 5, "mode": "standard"}


@lru_cache(maxsize=8)
def client(service: str, region: str, endpoint_url: str | None = None) -> Any:
    """A boto3 client for `service`; boto3 itself honours AWS_ENDPOINT_URL too."""
    import boto3
    from botocore.config import Config

    return boto3.client(
        service,
        region_name=region,
        endpoint_url=endpoint_url,
        config=Config(retries=_RETRIES, connect_timeout=5, read_timeout=30),  # type: ignore[arg-type]
    )


def clients(settings: Settings) -> tuple[Any, Any]:
    """(s3, dynamodb) clients for these settings."""
    return (
        client("s3", settings.aws_region, settings.aws_endpoint_url),
        client("dynamodb", settings.aws_region, settings.aws_endpoint_url),
    )
