"""What clients and import runs read when a value does not fit: our words, not msgspec's."""

import pytest

from entrypoints.messages import describe, wire_name


@pytest.mark.parametrize(
    ("key", "message", "described"),
    [
        ("data.user.email", "Expected `str`, got `int`", ("email", "must be a string")),
        ("data.user", "Expected `object`, got `null`", ("user", "must be an object, not null")),
        ("data", "Object missing required field `user`", ("user", "can't be blank")),
        (
            "data.article.tagList[3]",
            "Expected `str` of length <= 40",
            ("tagList", "is too long (maximum is 40 characters)"),
        ),
        ("createdAt", "Invalid RFC3339 encoded datetime", ("createdAt", "is invalid")),
        ("data.user.role", "Some wording a future msgspec may use", ("role", "is invalid")),
    ],
)
def test_a_problem_is_named_by_its_field_in_our_words(
    key: str, message: str, described: tuple[str, str]
) -> None:
    assert describe(key, message) == described


@pytest.mark.parametrize(
    ("domain_name", "wire"),
    [
        ("tag_list", "tagList"),
        ("password_hash", "passwordHash"),
        ("comments[0].created_at", "comments[0].createdAt"),
        ("title", "title"),
        ("tagList", "tagList"),  # already a wire name
    ],
)
def test_a_domain_field_is_named_on_the_wire_in_camel_case(domain_name: str, wire: str) -> None:
    assert wire_name(domain_name) == wire
