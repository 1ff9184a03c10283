"""The local stack (moto + the API over HTTP on 127.0.0.1) for the load and fuzz tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from ..local_stack import running_local_stack

# Powertools reads these when the handler module is imported.
os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "article-ingest")
os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "ArticleIngest")
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")


@pytest.fixture(scope="module")
def local_stack() -> Iterator[Any]:
    """`article-ingest serve` on a free port: its own embedded moto, no seeds."""
    with running_local_stack() as server:
        yield server


# The handlers on moto (the API function, the upload function's configuration).
from ..integration.conftest import api, configure, context, dlq_url  # noqa: E402, F401
