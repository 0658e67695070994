"""Self-validating value objects shared by the aggregates."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from domain import identifiers
from domain.errors import InvalidValue

BLANK = "can't be blank"


def too_long(maximum: int, unit: str = "characters") -> str:
    return f"is too long (maximum is {maximum} {unit})"


def too_short(minimum: int, unit: str = "characters") -> str:
    return f"is too short (minimum is {minimum} {unit})"


NUL = "\x00"
HAS_NUL = "can't contain NUL characters"


# What the OpenAPI document declares of these rules, as JSON Schema patterns written in the
# part of regular expression syntax that ECMA-262 (JSON Schema's dialect) and Python's `re`
# read alike: explicit classes and escapes, no \s, \w or \p{..}. Where a rule cannot be put
# exactly, its pattern is narrower: it admits nothing the rule refuses. Each is unambiguous
# (no two repetitions compete for a character), so no input makes matching it slow.
WHITESPACE = r"\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
"""A character class of what `str.strip()` removes (`str.isspace()`)."""
STORABLE_TEXT_PATTERN = r"^[^\x00]*$"
"""`bounded_text`: no NUL."""
VISIBLE_TEXT_PATTERN = rf"^[{WHITESPACE}]*[^\x00{WHITESPACE}][^\x00]*$"
"""`require_text`: no NUL, not blank."""


def require_text(value: str, *, max_length: int) -> str:
    """Non-blank text up to `max_length` characters, kept as given."""
    if not value.strip():
        raise InvalidValue(BLANK)
    return bounded_text(value, max_length=max_length)


def bounded_text(value: str, *, max_length: int) -> str:
    """Text of at most `max_length` characters, without NUL (no text store keeps it)."""
    if len(value) > max_length:
        raise InvalidValue(too_long(max_length))
    if NUL in value:
        raise InvalidValue(HAS_NUL)
    return value


def visible_text(raw: str, *, max_length: int) -> str:
    """Non-blank NFKC-normalised text without invisible or bidirectional control characters:
    what an identifier (username, e-mail, tag) must be before its own rules apply."""
    value = identifiers.normalized(raw)
    require_text(value, max_length=max_length)
    if identifiers.has_invisible(value):
        raise InvalidValue(identifiers.INVISIBLE)
    return value


@dataclass(frozen=True, slots=True)
class Username:
    """A public handle: letters of one script, digits, '_', '-' and '.', not only dots;
    unique by its `identifiers.identity_key`."""

    value: str

    MAX_LENGTH = 64
    _ALLOWED = re.compile(r"[\w.-]+")
    # ASCII only (NFKC keeps it, one script), and not only dots.
    PATTERN = r"^\.*[A-Za-z0-9_-][A-Za-z0-9_.-]*$"

    def __init__(self, raw: str) -> None:
        value = visible_text(raw, max_length=self.MAX_LENGTH)
        if not self._ALLOWED.fullmatch(value):
            raise InvalidValue("may contain only letters, digits, '_', '-' and '.'")
        if identifiers.is_only_dots(value):
            raise InvalidValue(identifiers.ONLY_DOTS)
        if identifiers.mixes_scripts(value):
            raise InvalidValue(identifiers.MIXED_SCRIPTS)
        object.__setattr__(self, "value", value)


@dataclass(frozen=True, slots=True)
class Email:
    """An e-mail address, NFKC-normalised and otherwise kept as given; unique by its
    `identifiers.identity_key`."""

    value: str

    MAX_LENGTH = 254
    _SHAPE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
    # _SHAPE in printable ASCII (NFKC keeps it, nothing invisible) but ' ' (0x20) and '@'
    # (0x40); its domain holds a dot between other characters ('.' is 0x2e).
    PATTERN = r"^[!-?A-~]+@\.*[!-,/-?A-~-]+(?:\.+[!-,/-?A-~-]+)+$"

    def __init__(self, raw: str) -> None:
        value = visible_text(raw, max_length=self.MAX_LENGTH)
        if not self._SHAPE.fullmatch(value):
            raise InvalidValue("is invalid")
        object.__setattr__(self, "value", value)


@dataclass(frozen=True, slots=True)
class Password:
    """A plain-text password checked against the policy (NIST SP 800-63B) before hashing.

    At least 8 characters, no composition rules; anything up to 1 KiB is accepted so that
    long passphrases work, and longer input is refused before it reaches the hasher.
    """

    value: str

    MIN_LENGTH = 8
    MAX_BYTES = 1024

    def __init__(self, raw: str) -> None:
        if raw == "":
            raise InvalidValue(BLANK)
        if len(raw.encode()) > self.MAX_BYTES:
            raise InvalidValue(too_long(self.MAX_BYTES, "bytes"))
        if len(raw) < self.MIN_LENGTH:
            raise InvalidValue(too_short(self.MIN_LENGTH))
        object.__setattr__(self, "value", raw)

    def __repr__(self) -> str:
        return "Password(***)"


def optional_text(raw: str | None, *, max_length: int) -> str | None:
    """Optional free text where an empty string means "none"."""
    if raw is None or raw.strip() == "":
        return None
    return bounded_text(raw, max_length=max_length)


BIO_MAX_LENGTH = 4000


@dataclass(frozen=True, slots=True)
class Bio:
    """What users say about themselves, kept as written; empty means none."""

    value: str | None

    def __init__(self, raw: str | None) -> None:
        object.__setattr__(self, "value", optional_text(raw, max_length=BIO_MAX_LENGTH))


IMAGE_MAX_LENGTH = 2048
_HTTP_URL = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)
# _HTTP_URL in printable ASCII, or empty for none; '#' is 0x23, '/' 0x2f, '?' 0x3f.
IMAGE_PATTERN = r'^(?:[Hh][Tt][Tt][Pp][Ss]?://[!-"$-.0->@-~][!-~]*)?$'


@dataclass(frozen=True, slots=True)
class ImageUrl:
    """An optional http(s) URL of a picture; the server stores it and never fetches it.
    Empty means none."""

    value: str | None

    def __init__(self, raw: str | None) -> None:
        value = optional_text(raw, max_length=IMAGE_MAX_LENGTH)
        if value is not None and not _HTTP_URL.fullmatch(value.strip()):
            raise InvalidValue("must be an http or https URL")
        object.__setattr__(self, "value", value.strip() if value is not None else None)


def to_milliseconds(moment: datetime) -> datetime:
    """Timestamps are kept at millisecond precision, the precision of the API."""
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    if moment.microsecond % 1000:
        moment = moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    return moment


def next_timestamp(now: datetime, previous: datetime) -> datetime:
    """A modification time that is later than `previous`, even within one millisecond."""
    now = to_milliseconds(now)
    return now if now > previous else previous + timedelta(milliseconds=1)
