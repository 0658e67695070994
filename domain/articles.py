"""Articles: what an author writes, with its tags."""

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

from domain import identifiers
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


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """Validated content of a new article."""

    title: str
    description: str
    body: str
    tags: list[str]

    @classmethod
    def of(cls, *, title: str, description: str, body: str, tags: list[str]) -> "ArticleDraft":
        errors = FieldErrors()
        draft = cls.checked(errors, title=title, description=description, body=body, tags=tags)
        errors.raise_if_any()
        return draft

    @classmethod
    def checked(
        cls, errors: FieldErrors, *, title: str, description: str, body: str, tags: list[str]
    ) -> "ArticleDraft":
        """The draft, with each invalid field recorded in `errors` (and left as given), for
        a caller that checks more fields before it reports them all."""
        with errors.collect("title"):
            title = valid_title(title)
        with errors.collect("description"):
            description = valid_description(description)
        with errors.collect("body"):
            body = valid_body(body)
        with errors.collect("tagList"):
            tags = valid_tags(tags)
        return cls(title=title, description=description, body=body, tags=tags)


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
    def write(cls, draft: ArticleDraft, *, author_id: UUID, now: datetime) -> "Article":
        """A new article whose slug is its title's; see `disambiguate_slug`."""
        now = to_milliseconds(now)
        return cls(
            id=uuid4(),
            slug=slug_base(draft.title),
            title=draft.title,
            description=draft.description,
            body=draft.body,
            tag_list=list(draft.tags),
            author_id=author_id,
            created_at=now,
            updated_at=now,
        )

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
