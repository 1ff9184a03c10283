"""Fuzz the local stack's HTTP API from its own OpenAPI document (schemathesis).

Starts `article-ingest serve` in-process on a free port of 127.0.0.1 (embedded moto),
loads GET /openapi.json, and sends schema-generated requests (valid and invalid
bodies, parameters, cursors) to every operation. The API must never answer 5xx:
every refusal is one of the documented 4xx errors.

    .venv/bin/python benchmarks/fuzz_api.py --examples 500 --seconds 600

Prints one JSON line: requests, per-status counts, 5xx failures (method, path,
status, a reproducing curl). Exit status 1 when any 5xx was seen.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class FuzzReport:
    """What a run saw: requests per status, and every 5xx with a reproduction."""

    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    server_errors: list[dict[str, Any]] = field(default_factory=list)
    operations: int = 0

    def as_json(self) -> str:
        return json.dumps(
            {
                "operations": self.operations,
                "requests": self.requests,
                "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
                "server_errors": len(self.server_errors),
                "examples": self.server_errors[:20],
            }
        )


def fuzz(base_url: str, *, examples: int, seconds: float, seed: int | None = None) -> FuzzReport:
    """Send up to `examples` generated requests per operation, within `seconds` overall."""
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import Unsatisfiable

    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    report = FuzzReport()
    deadline = time.monotonic() + seconds
    for result in schema.get_all_operations():
        operation = result.ok()
        report.operations += 1

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=seed is not None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def probe(case: Any) -> None:
            if time.monotonic() > deadline:
                return
            response = case.call(base_url=base_url, timeout=30)
            report.requests += 1
            report.statuses[response.status_code] += 1
            if response.status_code >= 500:
                report.server_errors.append(
                    {
                        "method": case.method,
                        "path": case.path,
                        "status": response.status_code,
                        "curl": case.as_curl_command(),
                    }
                )

        try:
            probe()
        except Unsatisfiable:
            continue
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=300, help="per operation")
    parser.add_argument("--seconds", type=float, default=600.0, help="time budget")
    parser.add_argument("--url", help="fuzz a running API instead of starting one")
    args = parser.parse_args(argv)
    server = None
    if args.url:
        base_url = args.url.rstrip("/")
    else:
        from article_ingest.local.server import start
        from article_ingest.settings import Settings

        os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "ERROR")
        server = start(host="127.0.0.1", port=0, settings=Settings())
        base_url = server.url
    try:
        # The handler's metric lines go to stderr: stdout is the report alone.
        with contextlib.redirect_stdout(sys.stderr):
            report = fuzz(base_url, examples=args.examples, seconds=args.seconds)
    finally:
        if server:
            server.stop()
    print(report.as_json(), flush=True)
    return 1 if report.server_errors else 0


if __name__ == "__main__":
    sys.exit(main())
