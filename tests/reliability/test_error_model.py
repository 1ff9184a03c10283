"""One error model: every failure is an errors.py code, mapped to HTTP in one place,
printed by the CLI as JSON lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from article_ingest import errors, service
from article_ingest.uploads import ObjectMissing

from .support import PARAGRAPH

REPO = Path(__file__).resolve().parents[2]
ERRORS = [
    errors.BadInput,
    errors.BadCursor,
    errors.InputTooLarge,
    errors.UnsupportedMediaType,
    errors.NoArticleFound,
    errors.ArticleNotFound,
    errors.StorageUnavailable,
    errors.RecordRefused,
    ObjectMissing,
]


def test_errors_have_unique_codes_and_documented_statuses() -> None:
    # Given every error the service raises on purpose
    # Then each has its own code and an HTTP status the API documents
    assert len({e.code for e in ERRORS}) == len(ERRORS)
    assert {e.http_status for e in ERRORS} <= {400, 404, 413, 415, 422, 503}
    assert all(issubclass(e, errors.IngestError) for e in ERRORS)


@pytest.fixture
def api(aws: tuple[Any, Any], settings: Any) -> Iterator[Any]:
    """The API function's handler on moto."""
    sys.path.insert(0, str(REPO / "functions" / "api"))
    import api_app

    from article_ingest import runtime
    from tests.integration.integration_support import Context

    runtime.configure(runtime.Runtime.build(settings, *aws))
    yield lambda event: api_app.lambda_handler(event, Context())
    runtime.configure(None)


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: e.code)
def test_api_maps_each_error_to_its_status_and_code(
    api: Any, monkeypatch: pytest.MonkeyPatch, error: type[errors.IngestError]
) -> None:
    from tests.integration.integration_support import body_of, http_event

    # Given the service raising `error`
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise error("injected")

    monkeypatch.setattr(service, "extract", fail)
    # When a client POSTs to /extract
    result = api(http_event("POST", "/extract", body="<p>x</p>", content_type="text/html"))
    # Then the response carries the error's status and code in the one error format
    assert result["statusCode"] == error.http_status
    assert body_of(result) == {"error": {"code": error.code, "message": "injected"}}


def test_api_unexpected_exception_is_500_without_details(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.integration.integration_support import body_of, http_event

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(service, "extract", fail)
    result = api(http_event("POST", "/extract", body="<p>x</p>", content_type="text/html"))
    assert result["statusCode"] == 500
    assert "secret" not in json.dumps(body_of(result))


def test_cli_prints_each_failure_as_a_json_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from article_ingest.cli import main

    # Given a good text, an empty file, a binary file and a missing file
    (tmp_path / "good.txt").write_text(f"Trams expand\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.html").write_bytes(bytes(range(256)) * 16)
    names = ["good.txt", "empty.txt", "blob.html", "missing.txt"]
    # When the CLI extracts them
    status = main(["extract", *(str(tmp_path / n) for n in names)])
    # Then one JSON line per input: the article, or {"input", "error": {code, message}}
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 1 and len(lines) == 4
    assert lines[0]["headline"] == "Trams expand"
    codes = [line["error"]["code"] for line in lines[1:]]
    assert codes == ["bad_request", "unsupported_media_type", "bad_request"]
    assert all(line["input"].endswith(n) for line, n in zip(lines[1:], names[1:], strict=True))
