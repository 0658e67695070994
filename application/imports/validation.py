"""Turning a line's field errors into its rejection, and remembering what a run has seen
so that a value may appear only once in an input."""

from collections.abc import Callable
from typing import TypeVar

from application.imports.lines import Rejected
from domain.errors import FieldErrors, ValidationFailed

T = TypeVar("T")


def checked(line: int, validate: Callable[[FieldErrors], T]) -> T | Rejected:
    """`validate` records field errors and returns the valid value; a rejection if any."""
    errors = FieldErrors()
    try:
        value = validate(errors)
        errors.raise_if_any()
    except ValidationFailed as failure:
        return Rejected(line, failure.errors)
    return value


class FirstSeen:
    """Where each key first appeared in this run; a later line with it is a duplicate."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._lines: dict[str, int] = {}

    def duplicate(self, key: str, line: int) -> dict[str, list[str]] | None:
        """The field error of a key seen before on another line."""
        first = self._lines.setdefault(key, line)
        return None if first == line else {self._what: [f"appears again (first on line {first})"]}
