"""How S3 and DynamoDB failures become the service's errors."""

from __future__ import annotations

from ..aws import error_code
from ..errors import RecordRefused, StorageUnavailable

# Errors that no retry can fix: DynamoDB's ValidationException (item over 400 KB, a
# key over its size limit) and S3's size refusals. They are 422s, not outages.
_PERMANENT_CODES = frozenset(
    {"ValidationException", "EntityTooLarge", "KeyTooLongError", "InvalidArgument"}
)


def storage_error(action: str, exc: Exception) -> StorageUnavailable | RecordRefused:
    """RecordRefused (422) for what no retry fixes, else StorageUnavailable (503)."""
    code = error_code(exc)
    if code in _PERMANENT_CODES:
        return RecordRefused(f"storage refused the record while {action}: {code}")
    return StorageUnavailable(f"storage failed while {action}: {type(exc).__name__}")
