"""AWS clients, created lazily once per process so warm Lambda invocations reuse them."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .settings import Settings

# Standard retry mode backs off exponentially with jitter on throttling and 5xx;
# 5 attempts ride out a burst of DynamoDB throttling without holding a Lambda long.
_MAX_ATTEMPTS = 5


@lru_cache(maxsize=8)
def client(service: str, region: str, endpoint_url: str | None = None) -> Any:
    """A boto3 client for `service`; boto3 itself honours AWS_ENDPOINT_URL too."""
    import boto3
    from botocore.config import Config

    return boto3.client(  # type: ignore[call-overload]
        service,
        region_name=region,
        endpoint_url=endpoint_url,
        config=Config(
            retries={"max_attempts": _MAX_ATTEMPTS, "mode": "standard"},
            connect_timeout=5,
            read_timeout=30,
        ),
    )


def clients(settings: Settings) -> tuple[Any, Any]:
    """(s3, dynamodb) clients for these settings."""
    return (
        client("s3", settings.aws_region, settings.aws_endpoint_url),
        client("dynamodb", settings.aws_region, settings.aws_endpoint_url),
    )


def error_code(exc: BaseException) -> str | None:
    """The AWS error code of a botocore ClientError ("NoSuchKey",
    "ConditionalCheckFailedException"); None for any other exception."""
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return None
    code: str | None = response.get("Error", {}).get("Code")
    return code


# The codes S3 answers a GetObject with when the object (or that version) is gone.
_MISSING_OBJECT_CODES = frozenset({"NoSuchKey", "404", "NoSuchVersion"})


def object_missing(exc: BaseException) -> bool:
    """True when S3 refused a read because the object or version is not there."""
    return error_code(exc) in _MISSING_OBJECT_CODES
