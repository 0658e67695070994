"""The one check of account fields that registration, update and import share."""

import pytest

from domain.account_fields import AccountFields, check_account_fields
from domain.errors import FieldErrors, ValidationFailed
from domain.values import Bio, Email, ImageUrl, Password, Username


def test_every_field_given_is_returned_as_its_value_object() -> None:
    errors = FieldErrors()
    fields = check_account_fields(
        errors,
        username="jake",
        email="jake@x.io",
        bio="Dragons",
        image="https://x.io/j.png",
        password="jakejake",
    )
    errors.raise_if_any()
    assert fields == AccountFields(
        username=Username("jake"),
        email=Email("jake@x.io"),
        bio=Bio("Dragons"),
        image=ImageUrl("https://x.io/j.png"),
        password=Password("jakejake"),
    )


def test_a_field_not_given_is_neither_checked_nor_returned() -> None:
    errors = FieldErrors()
    assert check_account_fields(errors, bio="Dragons") == AccountFields(bio=Bio("Dragons"))
    errors.raise_if_any()


def test_an_empty_bio_or_image_is_given_and_means_none() -> None:
    fields = check_account_fields(FieldErrors(), bio="", image="")
    assert fields.bio == Bio(None) and fields.image == ImageUrl(None)


def test_every_invalid_field_is_named_in_one_order() -> None:
    errors = FieldErrors()
    fields = check_account_fields(
        errors, password="short", image="ftp://x", bio="x" * 4001, email="nope", username=""
    )
    assert fields == AccountFields()
    with pytest.raises(ValidationFailed) as failed:
        errors.raise_if_any()
    assert list(failed.value.errors) == ["username", "email", "bio", "image", "password"]
    assert failed.value.errors["image"] == ["must be an http or https URL"]
