"""The fields of an account as someone gives them: checked together, every failure named."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from domain.errors import FieldErrors
from domain.values import Bio, Email, ImageUrl, Password, Username

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class AccountFields:
    """The checked value of each field given; None for a field not given or invalid."""

    username: Username | None = None
    email: Email | None = None
    bio: Bio | None = None
    image: ImageUrl | None = None
    password: Password | None = None


def check_account_fields(
    errors: FieldErrors,
    *,
    username: str | None = None,
    email: str | None = None,
    bio: str | None = None,
    image: str | None = None,
    password: str | None = None,
) -> AccountFields:
    """Checks each field given (None is "not given"; an empty bio or image is given, and
    means none), recording every failure in `errors` under the field's name."""
    return AccountFields(
        username=_checked(errors, "username", Username, username),
        email=_checked(errors, "email", Email, email),
        bio=_checked(errors, "bio", Bio, bio),
        image=_checked(errors, "image", ImageUrl, image),
        password=_checked(errors, "password", Password, password),
    )


def _checked(
    errors: FieldErrors, field: str, value: Callable[[str], V], raw: str | None
) -> V | None:
    if raw is None:
        return None
    with errors.collect(field):
        return value(raw)
    return None
