"""GET /docs: Swagger UI that works offline.

The Swagger UI script and stylesheet Powertools ships inside its wheel are inlined
into the page, so the browser fetches nothing from the internet. They are read once
per process (1.7 MB) instead of on every request, as `enable_swagger` would.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from aws_lambda_powertools.event_handler.openapi import swagger_ui
from aws_lambda_powertools.event_handler.openapi.swagger_ui import generate_swagger_html

_ASSETS = Path(swagger_ui.__file__).parent


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    js = (_ASSETS / "swagger-ui-bundle.min.js").read_text(encoding="utf-8")
    css = (_ASSETS / "swagger-ui.min.css").read_text(encoding="utf-8")
    return js, css


def swagger_page(spec_json: str) -> str:
    """A self-contained Swagger UI page for the OpenAPI document `spec_json`."""
    js, css = _assets()
    # `</` inside the inlined JSON must not close the page's <script> element.
    return generate_swagger_html(spec_json.replace("</", "<\\/"), js, css, "", None)
