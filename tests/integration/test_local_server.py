"""The local stack: moto + seeds + the API handler over HTTP."""

from __future__ import annotations

import gzip
import json
import urllib.error
import urllib.request
from typing import Any

from .integration_support import REPO, load_event


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_local_server_serves_the_seeds(local_server: Any) -> None:
    status, _, body = _get(f"{local_server.url}/articles")
    assert status == 200
    headlines = [i["headline"] for i in json.loads(body)["items"]]
    assert any(h.startswith("China Confirms High-Level Trade Talks") for h in headlines)


def test_local_server_post_then_get(local_server: Any) -> None:
    event = load_event("api_post_html.json")
    request = urllib.request.Request(
        f"{local_server.url}/articles?url={event['queryStringParameters']['url']}",
        data=event["body"].encode(),
        method="POST",
        headers={"Content-Type": "text/html"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status in (200, 201)
        location = response.headers["Location"]
    status, _, body = _get(local_server.url + location)
    assert status == 200 and json.loads(body)["publisher"] == "Harbour Times"


def test_local_server_errors_and_binary_bodies(local_server: Any) -> None:
    request = urllib.request.Request(
        f"{local_server.url}/extract",
        data=b"\x89PNG\r\n\x1a\n",
        method="POST",
        headers={"Content-Type": "image/png"},
    )
    try:
        urllib.request.urlopen(request, timeout=30)
    except urllib.error.HTTPError as exc:
        assert exc.code == 415
        assert json.loads(exc.read())["error"]["code"] == "unsupported_media_type"
    status, _, body = _get(f"{local_server.url}/articles/missing")
    assert status == 404 and json.loads(body)["error"]["code"] == "not_found"


def test_local_server_docs_gzip(local_server: Any) -> None:
    status, headers, body = _get(f"{local_server.url}/docs", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert b"SwaggerUIBundle" in gzip.decompress(body)


def test_seed_files_skips_readmes_and_unknown_types(tmp_path: Any) -> None:
    from article_ingest.local.server import seed_files

    for name in ("a.html", "b.txt", "c.html.gz", "README.md", "d.png"):
        (tmp_path / name).write_bytes(b"x")
    single = REPO / "seeds" / "stocktwits-us-china-trade-talks.txt"
    found = [p.name for p in seed_files([tmp_path, single])]
    assert found == ["a.html", "b.txt", "c.html.gz", single.name]


def test_local_server_uses_a_running_endpoint_when_given() -> None:
    # Given a moto server already running (as for `sam local`), named by AWS_ENDPOINT_URL
    from moto.server import ThreadedMotoServer

    from article_ingest import runtime
    from article_ingest.local.moto_stack import free_port
    from article_ingest.local.server import start
    from article_ingest.settings import Settings

    port = free_port()
    moto = ThreadedMotoServer(port=port, verbose=False)
    moto.start()
    endpoint = f"http://127.0.0.1:{port}"
    try:
        # When the local API starts against it
        server = start(port=0, seeds=[REPO / "seeds"], settings=Settings(aws_endpoint_url=endpoint))
        try:
            # Then it provisioned that endpoint and serves from it
            assert server.stack is None and server.endpoint_url == endpoint
            status, _, body = _get(f"{server.url}/articles")
            # (moto keeps one in-memory state per process: other tests' articles may show)
            ids = [i["id"] for i in json.loads(body)["items"]]
            assert status == 200 and "9005568a12b7218854411d4e364a8302" in ids
        finally:
            server.stop()
            runtime.configure(None)
    finally:
        moto.stop()
