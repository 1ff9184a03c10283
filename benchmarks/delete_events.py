"""What deletion and events cost, on moto in-process (no AWS, no server).

Ingests N distinct articles without events, N more announcing on an EventBridge bus,
then deletes the announced ones (each announcing ArticleDeleted), and prints one line
per step: median and p95 latency. Moto's version listings are slower than S3's, so
the delete figure is an upper bound of the service's own work, not of AWS latency.

    .venv/bin/python benchmarks/delete_events.py [--articles 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

# moto only: fake credentials before boto3 loads, never a real endpoint.
os.environ.update(
    {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"},
    AWS_DEFAULT_REGION="us-east-1",
)
os.environ.pop("AWS_ENDPOINT_URL", None)

PARAGRAPH = (
    "The committee met on Monday to discuss the harbour budget and the new ferry "
    "timetable for the winter season. "
)


def _figures(name: str, seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (
        f"{name}: median {statistics.median(ordered) * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms (n={len(ordered)})"
    )


def _timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()

    import boto3
    from moto import mock_aws

    from article_ingest.events import NO_EVENTS, ArticleEvents, EventBridgePublisher
    from article_ingest.local.provision import load_template, provision
    from article_ingest.service import RawInput, delete, ingest
    from article_ingest.settings import Settings
    from article_ingest.store import S3DynamoStore

    with mock_aws():
        settings = Settings(bucket_name="bench-articles", table_name="bench-articles")
        s3, dynamodb = boto3.client("s3"), boto3.client("dynamodb")
        provision(
            s3,
            dynamodb,
            bucket=settings.bucket_name,
            table=settings.table_name,
            template=load_template(),
        )
        events_client = boto3.client("events")
        events_client.create_event_bus(Name="bench")
        store = S3DynamoStore(s3, dynamodb, settings)
        bus = EventBridgePublisher(events_client, "bench")

        def ingest_all(events: ArticleEvents, tag: str) -> tuple[list[str], list[float]]:
            ids, seconds = [], []
            for i in range(args.articles):
                text = f"Headline {tag} {i}\n\n{PARAGRAPH * 3}{i}"
                raw = RawInput(text.encode(), "text/plain", "cli", f"https://x.example/{tag}/{i}")
                start = time.perf_counter()
                ids.append(ingest(raw, settings, store, events=events).article.id)
                seconds.append(time.perf_counter() - start)
            return ids, seconds

        _, plain = ingest_all(NO_EVENTS, "plain")
        ids, announced = ingest_all(bus, "announced")
        deletes = [_timed(lambda i=i: delete(i, store, events=bus)) for i in ids]
        print(_figures("ingest without events", plain))
        print(_figures("ingest announcing on EventBridge", announced))
        print(_figures("delete (announcing ArticleDeleted)", deletes))


if __name__ == "__main__":
    main()
