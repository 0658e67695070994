"""msgspec structs of the wire format: camelCase, each resource in its envelope."""

from datetime import UTC, datetime
from typing import Any, TypeVar

import msgspec

from domain.changes import UNCHANGED, Change

T = TypeVar("T")


class Wire(msgspec.Struct, rename="camel", kw_only=True):
    """Base of every request and response struct."""


def documented(**keywords: Any) -> dict[str, Any]:
    """JSON Schema keywords for the OpenAPI document alone, as `Meta(extra_json_schema=...)`:
    Litestar copies `extra` into the field's schema and msgspec does not enforce it. For the
    rules the domain checks after decoding, so that clients read every field's problems in
    the domain's words rather than msgspec's first one."""
    return {"extra": keywords}


def timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds: 2026-01-01T12:00:00.000Z."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def change(value: T | msgspec.UnsetType) -> Change[T]:
    """A field left out of a partial update leaves the value unchanged."""
    return UNCHANGED if isinstance(value, msgspec.UnsetType) else value


class ErrorBody(Wire):
    """The RealWorld error shape: `{"errors": {"<field>": ["<message>", ...]}}`."""

    errors: dict[str, list[str]]
