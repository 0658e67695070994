"""Ports of bulk import and export: whole batches in, whole tables out, never row by row.

Rows are not frozen: a frozen dataclass takes three times as long to make, and an import
makes several a line."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from domain.articles import ArticleContent


@dataclass(slots=True)
class UserRow:
    """An account as imported and exported. Imported, it is valid; an existing one with the
    same username (by `identity_key`) is updated."""

    username: str
    email: str
    bio: str | None
    image: str | None
    password_hash: str


@dataclass(slots=True)
class CommentRow:
    """A comment to store. With an id it is that comment; without, it is the one with the
    same author and body (and time, when given) on the article, if there is one."""

    id: int | None
    author_id: UUID
    body: str
    created_at: datetime | None


@dataclass(slots=True)
class ArticleRow:
    """A valid article to store under its slug. Missing timestamps keep the stored ones
    (or become now, for a new article); favorites and comments are added, never removed."""

    slug: str
    content: ArticleContent
    author_id: UUID
    created_at: datetime | None
    updated_at: datetime | None
    favorited_by: tuple[UUID, ...]
    comments: tuple[CommentRow, ...]


@dataclass(frozen=True, slots=True)
class Written:
    imported: int
    updated: int
    unchanged: int


class BulkStore(Protocol):
    """Each `write_*` call is one transaction: the batch is stored whole or not at all."""

    async def user_ids(self, usernames: set[str]) -> dict[str, UUID]:
        """The ids of those of the users that exist, by username key (`identity_key`)."""
        ...

    async def password_hashes(self, usernames: set[str]) -> dict[str, str]:
        """Stored password hashes, by username key."""
        ...

    async def emails_taken(self, accounts: list[tuple[str, str]]) -> set[str]:
        """Of the (username, e-mail) pairs, the e-mail keys (`identity_key`) that belong
        to an account with another username key."""
        ...

    async def write_users(self, rows: list[UserRow], *, now: datetime) -> Written: ...

    async def write_articles(self, rows: list[ArticleRow], *, now: datetime) -> Written: ...


@dataclass(frozen=True, slots=True)
class CommentRecord:
    id: int
    author: str
    body: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    slug: str
    content: ArticleContent
    author: str
    created_at: datetime
    updated_at: datetime
    favorited_by: tuple[str, ...]
    comments: tuple[CommentRecord, ...]


class BulkReader(Protocol):
    """Streams whole tables in the import format, in constant memory."""

    def users(self) -> AsyncIterator[UserRow]: ...

    def articles(self) -> AsyncIterator[ArticleRecord]: ...
