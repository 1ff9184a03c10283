"""The local stack (`article-ingest serve`: embedded moto + the HTTP API) for a test module."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any


@contextlib.contextmanager
def running_local_stack(seeds: list[Path] | None = None) -> Iterator[Any]:
    """Start the stack on a free 127.0.0.1 port; stop it and undo its process-wide
    settings (runtime clients, AWS_ENDPOINT_URL) afterwards."""
    from article_ingest import runtime
    from article_ingest.local.server import start
    from article_ingest.settings import Settings

    server = start(host="127.0.0.1", port=0, seeds=seeds or [], settings=Settings())
    try:
        yield server
    finally:
        server.stop()
        runtime.configure(None)
        os.environ.pop("AWS_ENDPOINT_URL", None)
