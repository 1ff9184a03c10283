"""The DynamoDB side of the store: one item per id (a record or a content link),
read consistently, written by conditional puts, listed through two GSIs."""

from __future__ import annotations

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from ..aws import error_code
from ..errors import BadCursor
from ..settings import Settings
from .errors import storage_error
from .items import IndexItem

_CONDITION_FAILED = "ConditionalCheckFailedException"


class ArticleIndex:
    """The articles table (a DynamoDB client injected)."""

    def __init__(self, dynamodb: Any, settings: Settings) -> None:
        self._ddb = dynamodb
        self._settings = settings

    def get(self, article_id: str) -> IndexItem | None:
        """The item stored under `article_id` (a strongly consistent read), or None."""
        try:
            resp = self._ddb.get_item(
                TableName=self._settings.table_name,
                Key={"id": {"S": article_id}},
                ConsistentRead=True,
            )
        except (ClientError, BotoCoreError) as exc:
            raise storage_error("reading DynamoDB", exc) from exc
        item: dict[str, Any] | None = resp.get("Item")
        return IndexItem.from_dynamo(item) if item else None

    def put_if(self, item: IndexItem, condition: str, seen: str | None = None) -> bool:
        """Put `item` when `condition` holds (`:seen` bound to `seen`); False when it
        does not (another writer came first), a storage error for anything else."""
        kwargs: dict[str, Any] = {"ConditionExpression": condition}
        if seen is not None:
            kwargs["ExpressionAttributeValues"] = {":seen": {"S": seen}}
        try:
            self._ddb.put_item(TableName=self._settings.table_name, Item=item.to_dynamo(), **kwargs)
        except ClientError as exc:
            if error_code(exc) == _CONDITION_FAILED:
                return False
            raise storage_error("writing to DynamoDB", exc) from exc
        except BotoCoreError as exc:
            raise storage_error("writing to DynamoDB", exc) from exc
        return True

    def delete_if(
        self, article_id: str, condition: str, values: dict[str, str] | None = None
    ) -> IndexItem | None:
        """Delete the item under `article_id` when `condition` holds (its `values`
        bound); the item deleted, or None when the condition failed."""
        kwargs: dict[str, Any] = {"ConditionExpression": condition}
        if values:
            kwargs["ExpressionAttributeValues"] = {k: {"S": v} for k, v in values.items()}
        try:
            response = self._ddb.delete_item(
                TableName=self._settings.table_name,
                Key={"id": {"S": article_id}},
                ReturnValues="ALL_OLD",
                **kwargs,
            )
        except ClientError as exc:
            if error_code(exc) == _CONDITION_FAILED:
                return None
            raise storage_error("deleting from DynamoDB", exc) from exc
        except BotoCoreError as exc:
            raise storage_error("deleting from DynamoDB", exc) from exc
        old: dict[str, Any] | None = response.get("Attributes")
        return IndexItem.from_dynamo(old) if old else None

    def query(self, request: dict[str, Any], *, resumed: bool) -> tuple[list[IndexItem], Any]:
        """One page of a GSI query (`request`: Query's arguments but the table);
        returns its items and its LastEvaluatedKey. A cursor the table refuses as the
        start of this query (`resumed`) is a BadCursor."""
        try:
            resp = self._ddb.query(TableName=self._settings.table_name, **request)
        except ClientError as exc:
            if resumed and error_code(exc) == "ValidationException":
                raise BadCursor("the cursor does not belong to this listing") from exc
            raise storage_error("querying DynamoDB", exc) from exc
        except BotoCoreError as exc:
            raise storage_error("querying DynamoDB", exc) from exc
        items = [IndexItem.from_dynamo(i) for i in resp.get("Items", [])]
        return items, resp.get("LastEvaluatedKey")
