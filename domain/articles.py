"""Articles: what an author writes, with its tags."""

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from operator import attrgetter
from typing import Any
from uuid import UUID, uuid4

from domain import identifiers
from domain.changes import UNCHANGED, Change
from domain.errors import FieldErrors, InvalidValue
from domain.values import HAS_NUL, NUL, next_timestamp, require_text, to_milliseconds

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 1000
BODY_MAX_LENGTH = 100_000
TAG_MAX_LENGTH = 40
# A tag of printable ASCII (NFKC keeps it, nothing invisible), not blank; see domain.values.
TAG_PATTERN = r"^ *[!-~][ -~]*$"
MAX_TAGS = 20
SLUG_BASE_MAX_LENGTH = 80


def valid_title(raw: str) -> str:
    return require_text(raw.strip(), max_length=TITLE_MAX_LENGTH)


def valid_description(raw: str) -> str:
    return require_text(raw.strip(), max_length=DESCRIPTION_MAX_LENGTH)


def valid_body(raw: str) -> str:
    return require_text(raw, max_length=BODY_MAX_LENGTH)


def tag_name(raw: str) -> str:
    """A tag as stored and compared: NFKC-normalised and trimmed, so width variants of a
    tag are that tag; case is kept and significant."""
    return identifiers.normalized(raw)


def valid_tags(raw: list[str]) -> list[str]:
    """Distinct, normalised (`tag_name`), non-blank, visible tags, sorted alphabetically."""
    tags = sorted({tag_name(tag) for tag in raw})
    for tag in tags:
        if not tag:
            raise InvalidValue("can't contain a blank tag")
        if len(tag) > TAG_MAX_LENGTH:
            raise InvalidValue(f"can't contain a tag longer than {TAG_MAX_LENGTH} characters")
        if NUL in tag:
            raise InvalidValue(HAS_NUL)
        if identifiers.has_invisible(tag):
            raise InvalidValue(f"can't contain a tag with {identifiers.INVISIBLE_CHARACTERS}")
    if len(tags) > MAX_TAGS:
        raise InvalidValue(f"can't have more than {MAX_TAGS} tags")
    return tags


def slug_base(text: str) -> str:
    """A URL-safe rendering of a title: ASCII letters and digits joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    base = "-".join(words)[:SLUG_BASE_MAX_LENGTH].strip("-")
    return base or "article"


SLUG_MAX_LENGTH = 120
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def valid_slug(raw: str) -> str:
    """A slug given from outside (an import): lowercase ASCII words joined by '-'."""
    if not raw:
        raise InvalidValue("can't be blank")
    if len(raw) > SLUG_MAX_LENGTH:
        raise InvalidValue(f"is too long (maximum is {SLUG_MAX_LENGTH} characters)")
    if not _SLUG.fullmatch(raw):
        raise InvalidValue("may contain only a-z, 0-9 and single '-' between them")
    return raw


def derived_slug(title: str, *content: str) -> str:
    """A slug that the same title and content always give, so that importing an article
    without a slug twice finds the first one."""
    digest = hashlib.sha256("\n".join((title, *content)).encode()).hexdigest()[:8]
    return f"{slug_base(title)}-{digest}"


@dataclass(slots=True)
class ArticleContent:
    """What an author writes: the one list of an article's content fields. The entity,
    the edits, the bulk rows and the wire formats take these fields by name. Treated as a
    value but not frozen: an import makes two a line, and frozen ones cost three times as
    much to make."""

    title: str
    description: str
    body: str
    tag_list: list[str] = field(default_factory=list)

    def checked(self, errors: FieldErrors) -> "ArticleContent":
        """The content validated and normalised, with each invalid field recorded in
        `errors` (and left as given), for a caller that checks more fields before it
        reports them all."""
        values = []
        for name, check in _CHECKS:
            value = getattr(self, name)
            with errors.collect(name):
                value = check(value)
            values.append(value)
        return ArticleContent(*values)

    def valid(self) -> "ArticleContent":
        errors = FieldErrors()
        content = self.checked(errors)
        errors.raise_if_any()
        return content

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in CONTENT_FIELDS}

    @classmethod
    def taken_from(cls, source: object) -> "ArticleContent":
        """The content fields of `source` (a wire struct, a row), by name."""
        return cls(*_read_content(source))


CONTENT_FIELDS = tuple(f.name for f in fields(ArticleContent))
_read_content = attrgetter(*CONTENT_FIELDS)

# Each content field's check, in the fields' order (that of the errors reported, and of
# `ArticleContent`'s arguments); KeyError at import when a field has none.
_CHECK_OF: dict[str, Callable[[Any], Any]] = {
    "title": valid_title,
    "description": valid_description,
    "body": valid_body,
    "tag_list": valid_tags,
}
_CHECKS = tuple((name, _CHECK_OF[name]) for name in CONTENT_FIELDS)


@dataclass(frozen=True, slots=True)
class ArticleChanges:
    """Content fields to change; `UNCHANGED` keeps one. An empty tag list removes every tag."""

    title: Change[str] = UNCHANGED
    description: Change[str] = UNCHANGED
    body: Change[str] = UNCHANGED
    tag_list: Change[list[str]] = UNCHANGED


if {f.name for f in fields(ArticleChanges)} != set(CONTENT_FIELDS):
    raise TypeError("ArticleChanges must name exactly the fields of ArticleContent")


@dataclass(eq=False)
class Article:
    id: UUID
    slug: str
    title: str
    description: str
    body: str
    tag_list: list[str]
    author_id: UUID
    created_at: datetime
    updated_at: datetime

    @classmethod
    def write(cls, content: ArticleContent, *, author_id: UUID, now: datetime) -> "Article":
        """A new article of valid content (`ArticleContent.valid`); its slug is its
        title's (see `disambiguate_slug`)."""
        now = to_milliseconds(now)
        return cls(
            id=uuid4(),
            slug=slug_base(content.title),
            author_id=author_id,
            created_at=now,
            updated_at=now,
            **content.as_dict(),
        )

    def edit(self, changes: ArticleChanges, now: datetime) -> None:
        """Changes the given fields, each checked like new content; every invalid one is
        reported and none is changed then."""
        errors = FieldErrors()
        edited = {}
        for name, check in _CHECKS:
            value = getattr(changes, name)
            if value is not UNCHANGED:
                with errors.collect(name):
                    edited[name] = check(value)
        errors.raise_if_any()
        for name, value in edited.items():
            setattr(self, name, value)
        self.touch(now)

    @property
    def content(self) -> ArticleContent:
        return ArticleContent.taken_from(self)

    def disambiguate_slug(self) -> None:
        """Titles may repeat; slugs may not. A taken slug gets a suffix from the id."""
        self.slug = f"{slug_base(self.title)}-{self.id.hex[:8]}"

    def is_written_by(self, user_id: UUID) -> bool:
        return self.author_id == user_id

    def touch(self, now: datetime) -> None:
        self.updated_at = next_timestamp(now, self.updated_at)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Article) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)
