"""API Lambda (HTTP API payload v2): the routes live in the shared layer's
`article_ingest.api.app`, so the local stack serves the very same handler.

Handler: api_app.lambda_handler
"""

from article_ingest.api.app import app, lambda_handler

__all__ = ["app", "lambda_handler"]
