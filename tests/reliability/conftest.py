"""The local stack (moto + the API over HTTP on 127.0.0.1) for the load and fuzz tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

# Powertools reads these when the handler module is imported.
os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "article-ingest")
os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "ArticleIngest")
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")


@pytest.fixture(scope="module")
def local_stack() -> Iterator[Any]:
    """`article-ingest serve` on a free port: its own embedded moto, no seeds."""
    from article_ingest import runtime
    from article_ingest.local.server import start
    from article_ingest.settings import Settings

    server = start(host="127.0.0.1", port=0, settings=Settings())
    try:
        yield server
    finally:
        server.stop()
        runtime.configure(None)
        os.environ.pop("AWS_ENDPOINT_URL", None)
