"""What a log line says about an exception: its type, its SQLSTATE when the database raised
it, and where it was raised (file, line, function), for it and each exception it chains to.

Never its message nor its frames' local variables: both hold whatever the code had at hand,
such as a request's headers and body (tokens, passwords) or the values bound to a SQL
statement, and no filter can tell those apart from harmless text."""

import re
import traceback
from typing import Any

from structlog.typing import ExcInfo

MAX_FRAMES = 50  # per exception, the innermost ones: where it was raised
SQLSTATE = re.compile(r"[0-9A-Z]{5}")

Summary = list[dict[str, Any]]


def summarise(exc_info: ExcInfo) -> Summary:
    """The exception first, then what caused it (or was being handled when it was raised)."""
    summary: Summary = []
    seen: set[int] = set()
    error: BaseException | None = exc_info[1]
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        summary.append(_describe(error))
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    return summary


def as_text(exc_info: ExcInfo) -> str:
    """The summary as lines for a terminal, innermost frame last as in a Python traceback."""
    return "\n".join(_text_lines(summarise(exc_info), indent=""))


def _describe(error: BaseException) -> dict[str, Any]:
    described: dict[str, Any] = {"type": _type_name(type(error))}
    sqlstate = getattr(error, "sqlstate", None)
    if isinstance(sqlstate, str) and SQLSTATE.fullmatch(sqlstate):
        described["sqlstate"] = sqlstate
    described["frames"] = [
        {"file": frame.f_code.co_filename, "line": line, "function": frame.f_code.co_name}
        for frame, line in traceback.walk_tb(error.__traceback__)
    ][-MAX_FRAMES:]
    if isinstance(error, BaseExceptionGroup):
        described["exceptions"] = [
            summarise((type(inner), inner, inner.__traceback__)) for inner in error.exceptions
        ]
    return described


def _type_name(error_type: type[BaseException]) -> str:
    if error_type.__module__ == "builtins":
        return error_type.__qualname__
    return f"{error_type.__module__}.{error_type.__qualname__}"


def _text_lines(summary: Summary, indent: str) -> list[str]:
    lines: list[str] = []
    for position, entry in enumerate(summary):
        heading = entry["type"] + (f" [{entry['sqlstate']}]" if "sqlstate" in entry else "")
        lines.append(indent + ("from " if position else "") + heading)
        lines.extend(
            f'{indent}  File "{frame["file"]}", line {frame["line"]}, in {frame["function"]}'
            for frame in entry["frames"]
        )
        for inner in entry.get("exceptions", []):
            lines.extend(_text_lines(inner, indent + "    "))
    return lines
