"""GET /docs: Swagger UI that works offline.

The Swagger UI script and stylesheet Powertools ships inside its wheel are inlined
into the page, so the browser fetches nothing from the internet. They are read once
per process (1.7 MB) instead of on every request, as `enable_swagger` would.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    # Imported on first use: the swagger_ui package pulls in Powertools' OpenAPI
    # models (~130 ms), a cold-start cost every invocation would pay for one route.
    from aws_lambda_powertools.event_handler.openapi import swagger_ui

    assets = Path(swagger_ui.__file__).parent
    js = (assets / "swagger-ui-bundle.min.js").read_text(encoding="utf-8")
    css = (assets / "swagger-ui.min.css").read_text(encoding="utf-8")
    return js, css


def swagger_page(spec_json: str) -> str:
    """A self-contained Swagger UI page for the OpenAPI document `spec_json`."""
    from aws_lambda_powertools.event_handler.openapi.swagger_ui import generate_swagger_html

    js, css = _assets()
    # `</` inside the inlined JSON must not close the page's <script> element.
    return generate_swagger_html(spec_json.replace("</", "<\\/"), js, css, "", None)
