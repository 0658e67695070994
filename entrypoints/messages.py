"""Field names as the wire spells them, and msgspec's validation messages reworded the
RealWorld way and pinned to their field. Shared by HTTP error bodies and import rejects, so
both say the same thing."""

import re
from collections.abc import Callable

NOT_JSON = "is not valid JSON"
NESTED_TOO_DEEPLY = "is nested too deeply"
NOT_AN_OBJECT = "must be an object"

_KINDS = {
    "str": "a string",
    "int": "an integer",
    "bool": "true or false",
    "array": "a list",
    "object": "an object",
}

_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"Expected `str` of length >= 1"), lambda _: "can't be blank"),
    (
        re.compile(r"Expected `str` of length <= (\d+)"),
        lambda m: f"is too long (maximum is {m[1]} characters)",
    ),
    (
        re.compile(r"Expected `array` of length <= (\d+)"),
        lambda m: f"can't have more than {m[1]} items",
    ),
    (re.compile(r"Expected `\w+` >= (-?\d+)"), lambda m: f"must be at least {m[1]}"),
    (re.compile(r"Expected `\w+` <= (-?\d+)"), lambda m: f"must be at most {m[1]}"),
    (
        re.compile(r"Expected `(\w+)[^`]*`, got `null`"),
        lambda m: f"must be {_KINDS.get(m[1], m[1])}, not null",
    ),
    (re.compile(r"Expected `(\w+)[^`]*`, got"), lambda m: f"must be {_KINDS.get(m[1], m[1])}"),
]
_SNAKE_JOINT = re.compile(r"_([a-z0-9])")


def wire_name(field: str) -> str:
    """A domain field name, or a path of them, as the API and the import format spell it:
    `comments[0].created_at` is `comments[0].createdAt`."""
    return _SNAKE_JOINT.sub(lambda m: m[1].upper(), field)


_MISSING = re.compile(r"Object missing required field `(\w+)`")


def describe(key: str, message: str) -> tuple[str, str]:
    """The field a problem is about (its last named key) and what is wrong with it."""
    if missing := _MISSING.search(message):
        return missing[1], "can't be blank"
    names = [re.sub(r"\[\d+\]$", "", part) for part in key.split(".")]
    names = [name for name in names if name and not name.isdigit()]
    field = names[-1] if names and names[-1] != "data" else "body"
    for pattern, reword in _MESSAGES:
        if match := pattern.search(message):
            return field, reword(match)
    if field == "body":  # no body at all
        return field, "can't be blank"
    return field, "is invalid"  # msgspec's own wording is not ours to promise
