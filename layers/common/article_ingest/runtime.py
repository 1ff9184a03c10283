"""Per-process dependencies of the Lambda functions: Settings and the store.

Read from the environment once, on first use (cold start), and reused by warm
invocations. The local server and the tests swap them with `configure()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .aws import client, clients
from .events import ArticleEvents, publisher
from .settings import Settings
from .store import S3DynamoStore


@dataclass
class Runtime:
    """What a handler needs: settings, the AWS clients and the store built on them."""

    settings: Settings
    s3: Any
    dynamodb: Any
    store: S3DynamoStore

    @cached_property
    def sqs(self) -> Any:
        """The SQS client (the upload function's dead-letter queue), made on first use."""
        return client("sqs", self.settings.aws_region, self.settings.aws_endpoint_url)

    @cached_property
    def events(self) -> ArticleEvents:
        """Where stored and deleted articles are announced (EVENT_BUS_NAME), made on
        first use; its failures are counted on the functions' shared Metrics."""
        from aws_lambda_powertools import Metrics

        return publisher(self.settings, Metrics())

    @classmethod
    def build(cls, settings: Settings, s3: Any = None, dynamodb: Any = None) -> Runtime:
        """A Runtime for `settings`; clients are created (and cached) unless given."""
        if s3 is None or dynamodb is None:
            s3, dynamodb = clients(settings)
        return cls(settings, s3, dynamodb, S3DynamoStore(s3, dynamodb, settings))


_current: Runtime | None = None


def runtime() -> Runtime:
    """The process's Runtime, built from the environment the first time it is asked for."""
    global _current
    if _current is None:
        _current = Runtime.build(Settings.from_env())
    return _current


def configure(current: Runtime | None) -> None:
    """Use `current` from now on (None: rebuild from the environment on next use)."""
    global _current
    _current = current
