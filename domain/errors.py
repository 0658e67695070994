"""Errors raised when a value or an entity breaks a domain rule."""

from collections.abc import Iterator
from contextlib import contextmanager


class DomainError(Exception):
    """Base of every rule violation raised by the domain."""


class InvalidValue(DomainError):
    """A single value breaks its rule; the caller knows which field it was."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationFailed(DomainError):
    """One or more fields are invalid: field name -> messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(", ".join(f"{field} {'; '.join(msgs)}" for field, msgs in errors.items()))
        self.errors = errors


class FieldErrors:
    """Collects per-field failures so a request reports every invalid field at once."""

    def __init__(self) -> None:
        self._errors: dict[str, list[str]] = {}

    @contextmanager
    def collect(self, field: str) -> Iterator[None]:
        """Records an `InvalidValue` raised in the block against `field` and carries on."""
        try:
            yield
        except InvalidValue as error:
            self.add(field, error.message)

    def add(self, field: str, message: str) -> None:
        self._errors.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self._errors:
            raise ValidationFailed(self._errors)
