"""One Settings model, read from the environment once per process and passed in."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# Lambda's synchronous invocation payload limit is 6 MB; API Gateway base64-encodes
# binary bodies (4/3 growth), so 4.5 MB of raw input is what reliably fits through.
DEFAULT_MAX_INPUT_BYTES = 4_500_000
# A gzip body may inflate to this much before it is refused: large enough for any real
# article page (the largest benchmark page is 2.3 MB), small enough to stop a zip bomb.
DEFAULT_MAX_DECOMPRESSED_BYTES = 16_000_000
# What an Article may cost in a synchronous Lambda response (6 MB, the payload as the
# runtime sends it: the JSON body escaped again inside the response JSON). 5 MB
# leaves room for the headers and the envelope; the body and images are cut to fit.
DEFAULT_MAX_ARTICLE_BYTES = 5_000_000


class Settings(BaseModel):
    """Runtime configuration. Field names match the environment variables (upper-cased)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    bucket_name: str = Field(default="article-ingest-local", min_length=3)
    table_name: str = Field(default="article-ingest-local", min_length=3)
    raw_prefix: str = "raw/"
    article_prefix: str = "articles/"
    incoming_prefix: str = "incoming/"
    max_input_bytes: int = Field(default=DEFAULT_MAX_INPUT_BYTES, gt=0)
    max_decompressed_bytes: int = Field(default=DEFAULT_MAX_DECOMPRESSED_BYTES, gt=0)
    aws_region: str = "us-east-1"
    aws_endpoint_url: str | None = None
    page_size_max: int = Field(default=100, gt=0)
    dead_letter_queue_url: str | None = None  # S3 uploads refused as bad input go here
    max_article_bytes: int = Field(default=DEFAULT_MAX_ARTICLE_BYTES, gt=10_000)
    # The HMAC key list cursors are signed with (CURSOR_SECRET). Unset: a key made at
    # random for this process, so cursors only work within it (the local stack, tests).
    cursor_secret: str | None = Field(default=None, repr=False)
    # What a record is keyed by: the canonical URL the page claims (default), or the
    # URL the writer submitted, so one page cannot replace another by claiming its
    # canonical URL (see docs/reliability.md, "Trust model").
    record_key: Literal["canonical_url", "submitted_url"] = "canonical_url"
    # How the deployment authenticates writes (template.yaml's WriteAuth): the served
    # OpenAPI document declares that scheme. "none" is the local stack, which has none.
    write_auth: Literal["none", "IAM", "JWT"] = "none"
    # The EventBridge bus articles are announced on (created, updated, deleted);
    # unset: nothing is announced (see events.py).
    event_bus_name: str | None = None
    # Re-extraction at scale (reprocess_queue.py): the worker's queue, the starter's
    # own queue (its continuations) and the dead-letter queue of both.
    reprocess_queue_url: str | None = None
    reprocess_start_queue_url: str | None = None
    reprocess_dead_letter_queue_url: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read every field from the environment variable of the same name, upper-cased."""
        env = os.environ if environ is None else environ
        values = {name: env[name.upper()] for name in cls.model_fields if env.get(name.upper())}
        if "aws_region" not in values and env.get("AWS_DEFAULT_REGION"):
            values["aws_region"] = env["AWS_DEFAULT_REGION"]
        return cls.model_validate(values)
