"""Persistence: the input and the Article JSON in S3 (`blobs`), an index item per id
in DynamoDB (`index`, items modelled in `items`), composed by `S3DynamoStore` behind
the `ArticleStore` protocol the service uses. `keys` holds the index's keys and
bounds, `cursors` the signed list cursors."""

from .blobs import ArticleBlobs
from .cursors import decode_cursor, encode_cursor
from .index import ArticleIndex
from .items import IndexItem
from .keys import (
    DATED_FLOOR,
    LIST_KEY,
    UNDATED_PREFIX,
    UNKNOWN_PUBLISHER,
    content_id,
    publisher_key,
    sort_key,
    time_bound,
)
from .s3_dynamo import ArticleStore, S3DynamoStore

__all__ = [
    "DATED_FLOOR",
    "LIST_KEY",
    "UNDATED_PREFIX",
    "UNKNOWN_PUBLISHER",
    "ArticleBlobs",
    "ArticleIndex",
    "ArticleStore",
    "IndexItem",
    "S3DynamoStore",
    "content_id",
    "decode_cursor",
    "encode_cursor",
    "publisher_key",
    "sort_key",
    "time_bound",
]
