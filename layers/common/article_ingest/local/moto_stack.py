"""An embedded moto server that stands in for S3 and DynamoDB on a laptop or in CI.

boto3 follows AWS_ENDPOINT_URL, so the same handlers and store code talk to it
unchanged. State lives in the server's memory for as long as the process runs.
"""

from __future__ import annotations

import functools
import os
import socket
import threading
from dataclasses import dataclass
from typing import Any

from ..aws import clients
from ..settings import Settings
from .provision import provision

# Credentials moto accepts; set only when none are configured, never sent to AWS.
_FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


_WRITE_LOCK = threading.RLock()
_DYNAMODB_WRITES = ("put_item", "update_item", "delete_item", "transact_write_items")


def atomic_conditional_writes() -> None:
    """Make moto's DynamoDB writes atomic, as DynamoDB's are.

    moto checks a ConditionExpression and then writes, with nothing in between to stop
    another thread: two concurrent `attribute_not_exists(id)` puts can both succeed,
    which real DynamoDB never allows. The store's duplicate handling relies on that
    guarantee, so the local stack and the tests serialise moto's writes. Idempotent.
    """
    from moto.dynamodb.models import DynamoDBBackend

    for name in _DYNAMODB_WRITES:
        method = getattr(DynamoDBBackend, name)
        if getattr(method, "_serialised", False):
            continue

        def locked(*args: Any, __method: Any = method, **kwargs: Any) -> Any:
            with _WRITE_LOCK:
                return __method(*args, **kwargs)

        functools.update_wrapper(locked, method)
        locked._serialised = True  # type: ignore[attr-defined]
        setattr(DynamoDBBackend, name, locked)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


class EndpointPortTaken(OSError):
    """The port asked for the embedded S3/DynamoDB/SQS endpoint is in use."""


def _claimable(host: str, port: int) -> None:
    """Raise EndpointPortTaken unless `port` can be bound: moto's server thread would
    fail there silently, and the stack would then wait on whoever holds the port."""
    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise EndpointPortTaken(
                exc.errno, f"the S3/DynamoDB endpoint's port {host}:{port} is taken"
            ) from exc


@dataclass
class LocalStack:
    """A running moto server, provisioned with the bucket and table."""

    server: Any
    endpoint_url: str
    settings: Settings

    def stop(self) -> None:
        self.server.stop()


def start_local_stack(
    *, host: str = "127.0.0.1", port: int | None = None, settings: Settings | None = None
) -> LocalStack:
    """Start moto on host:port (a free port by default), point this process's boto3 at
    it through AWS_ENDPOINT_URL, and create the bucket and table from template.yaml."""
    import logging

    from moto.server import ThreadedMotoServer

    # werkzeug logs every request moto serves; the stack's own output is enough.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    atomic_conditional_writes()
    if port:
        _claimable(host, port)
    port = port or free_port(host)
    server = ThreadedMotoServer(ip_address=host, port=port, verbose=False)
    server.start()
    endpoint = f"http://{host}:{port}"
    for key, value in _FAKE_CREDENTIALS.items():
        os.environ.setdefault(key, value)
    os.environ["AWS_ENDPOINT_URL"] = endpoint
    base = settings or Settings.from_env()
    settings = base.model_copy(update={"aws_endpoint_url": endpoint})
    s3, dynamodb = clients(settings)
    provision(s3, dynamodb, bucket=settings.bucket_name, table=settings.table_name)
    return LocalStack(server=server, endpoint_url=endpoint, settings=settings)
