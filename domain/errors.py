"""Errors raised when a value or an entity breaks a domain rule."""

from types import TracebackType


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

    def collect(self, field: str) -> "_Collecting":
        """Records an `InvalidValue` raised in the block against `field` and carries on."""
        return _Collecting(self, field)

    def add(self, field: str, message: str) -> None:
        self._errors.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self._errors:
            raise ValidationFailed(self._errors)


class _Collecting:
    """`FieldErrors.collect`'s block; a class rather than `@contextmanager`, which costs
    several times as much and runs for every field of every imported line."""

    __slots__ = ("_errors", "_field")

    def __init__(self, errors: FieldErrors, field: str) -> None:
        self._errors = errors
        self._field = field

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        if isinstance(error, InvalidValue):
            self._errors.add(self._field, error.message)
            return True
        return False
