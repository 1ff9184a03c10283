"""CORS on the local stack, as API Gateway does it for the deployed HTTP API: the
preflight (OPTIONS with Access-Control-Request-Method) is answered at the edge, and
the function's responses to an allowed origin get the CORS headers.

The values are the template's `x-amazon-apigateway-cors` (a test keeps them equal);
the origins are the template's CorsAllowOrigins parameter, here `--cors-origin`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

ALLOW_METHODS = ("GET", "POST", "DELETE", "OPTIONS")
ALLOW_HEADERS = (
    "authorization",
    "content-type",
    "idempotency-key",
    "x-amz-content-sha256",
    "x-amz-date",
    "x-amz-security-token",
)
EXPOSE_HEADERS = ("location", "x-ingest-status")
MAX_AGE = 600


@dataclass(frozen=True)
class Cors:
    """The origins browsers may call the API from ("*": any); none: CORS is off."""

    origins: tuple[str, ...] = ()

    @classmethod
    def of(cls, origins: Iterable[str]) -> Cors:
        """From the `--cors-origin` values (each may hold a comma-separated list)."""
        found = [o.strip().rstrip("/") for value in origins for o in value.split(",")]
        return cls(tuple(o for o in found if o))

    def allowed(self, origin: str | None) -> str | None:
        """The Access-Control-Allow-Origin value for a request from `origin`, if any."""
        if not origin or not self.origins:
            return None
        if "*" in self.origins:
            return "*"
        return origin if origin.rstrip("/") in self.origins else None

    def is_preflight(self, method: str, headers: Mapping[str, str]) -> bool:
        """An OPTIONS request the edge answers itself (CORS on, a preflight)."""
        return (
            bool(self.origins)
            and method == "OPTIONS"
            and "access-control-request-method" in {k.lower() for k in headers}
        )

    def preflight_headers(self, origin: str | None) -> list[tuple[str, str]]:
        """The answer to a preflight: nothing for an origin that is not allowed."""
        allow = self.allowed(origin)
        if allow is None:
            return []
        return [
            ("Access-Control-Allow-Origin", allow),
            ("Access-Control-Allow-Methods", ", ".join(ALLOW_METHODS)),
            ("Access-Control-Allow-Headers", ", ".join(ALLOW_HEADERS)),
            ("Access-Control-Max-Age", str(MAX_AGE)),
            ("Vary", "Origin"),
        ]

    def response_headers(self, origin: str | None) -> list[tuple[str, str]]:
        """The CORS headers added to a response to a request from `origin`."""
        allow = self.allowed(origin)
        if allow is None:
            return []
        return [
            ("Access-Control-Allow-Origin", allow),
            ("Access-Control-Expose-Headers", ", ".join(EXPOSE_HEADERS)),
            ("Vary", "Origin"),
        ]
