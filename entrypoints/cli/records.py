"""The JSON Lines format of import and export: one user or article an object a line,
camelCase like the API. Turned into the application's lines (import) and back (export)."""

from dataclasses import asdict
from datetime import datetime
from typing import Annotated

import msgspec

from application.imports.lines import ArticleLine, CommentLine, Rejected, UserLine
from application.ports.bulk import ArticleRecord, UserRow
from domain.articles import ArticleContent
from entrypoints.messages import wire_name

Moment = Annotated[datetime, msgspec.Meta(tz=True)]


class Record(msgspec.Struct, rename="camel", kw_only=True, omit_defaults=True):
    """Unknown fields are ignored, as in the API."""


class UserJson(Record):
    username: str
    email: str
    bio: str | None = None
    image: str | None = None
    password: str | None = None
    password_hash: str | None = None

    def line(self, number: int) -> UserLine:
        return UserLine(number, **msgspec.structs.asdict(self))

    @classmethod
    def of(cls, record: UserRow) -> "UserJson":
        return cls(**asdict(record))


class CommentJson(Record):
    author: str
    body: str
    created_at: Moment | None = None
    id: int | None = None


class ArticleJson(Record, kw_only=True):
    slug: str | None = None
    title: str
    description: str
    body: str
    author: str
    tag_list: list[str] = []
    created_at: Moment | None = None
    updated_at: Moment | None = None
    favorited_by: list[str] = []
    comments: list[CommentJson] = []

    def line(self, number: int) -> ArticleLine:
        return ArticleLine(
            number,
            ArticleContent.taken_from(self),
            self.author,
            slug=self.slug,
            created_at=self.created_at,
            updated_at=self.updated_at,
            favorited_by=tuple(self.favorited_by),
            comments=tuple(CommentLine(**msgspec.structs.asdict(c)) for c in self.comments),
        )

    @classmethod
    def of(cls, record: ArticleRecord) -> "ArticleJson":
        return cls(
            **record.content.as_dict(),
            slug=record.slug,
            author=record.author,
            created_at=record.created_at,
            updated_at=record.updated_at,
            favorited_by=list(record.favorited_by),
            comments=[CommentJson(**asdict(c)) for c in record.comments],
        )


KINDS: dict[str, type[UserJson] | type[ArticleJson]] = {"users": UserJson, "articles": ArticleJson}


def reason_of(rejected: Rejected) -> str:
    """A rejected line's field errors as one line: `tagList can't contain a blank tag`."""
    return "; ".join(
        f"{wire_name(field)} {message}" if field else message
        for field, messages in rejected.errors.items()
        for message in messages
    )
