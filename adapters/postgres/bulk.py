"""Bulk import and export on PostgreSQL. A batch is COPY'd (asyncpg, binary) into staging
tables, then merged with a few set-based statements (`INSERT … ON CONFLICT`), all in one
transaction; nothing is ever written row by row (the triggers that count tags run once a
statement). Exports stream through a server-side cursor."""

import json
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import fields
from datetime import datetime
from operator import attrgetter
from typing import Any, NamedTuple
from uuid import UUID

import asyncpg
from sqlalchemy import Table
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.database import store_errors
from adapters.postgres.tables import articles, comments, favorites, users
from application.ports.bulk import (
    ArticleRecord,
    ArticleRow,
    BulkReader,
    BulkStore,
    CommentRecord,
    CommentRow,
    UserRow,
    Written,
)
from domain.articles import CONTENT_FIELDS, ArticleContent
from domain.identifiers import identity_key

BULK_STATEMENT_TIMEOUT = "10min"  # a batch's statements are few but large


def _columns_of(table: Table, names: Iterable[str]) -> tuple[str, ...]:
    """The names, each checked to be a column of the table (KeyError when one is not)."""
    return tuple(table.c[name].name for name in names)


def _stored_fields(row_type: type, table: Table) -> tuple[str, ...]:
    """The fields of a row type that are columns of the table, an article's content spread
    into its own fields."""
    names = (
        name
        for f in fields(row_type)
        for name in (CONTENT_FIELDS if f.name == "content" else (f.name,))
    )
    return tuple(name for name in names if name in table.c)


def _reader(names: Sequence[str]) -> Callable[[object], tuple[Any, ...]]:
    """Reads the named attributes of an object as a tuple in the names' order: a COPY
    record by column name, at C speed (`attrgetter`), for the rows an import makes most."""
    read = attrgetter(*names)
    return read if len(names) > 1 else lambda row: (read(row),)


class Staging:
    """A temporary table of some of a table's columns, their types compiled from
    `adapters.postgres.tables`, made on first use in a connection; COMMIT empties it."""

    def __init__(self, name: str, table: Table, columns: Iterable[str], **extra: str) -> None:
        stored = _columns_of(table, columns)
        dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
        types = {c: table.c[c].type.compile(dialect=dialect) for c in stored} | extra
        self.name = name
        self.columns = tuple(types)
        layout = ", ".join(f"{column} {type_}" for column, type_ in types.items())
        self.create = f"CREATE TEMP TABLE IF NOT EXISTS {name} ({layout}) ON COMMIT DELETE ROWS"

    def record(self, **values: Any) -> tuple[Any, ...]:
        """A record of the values, by column name."""
        return tuple(values[column] for column in self.columns)

    async def fill(self, connection: asyncpg.Connection, records: list[tuple[Any, ...]]) -> None:
        """Copies the records, each holding `columns`' values in that order."""
        await connection.execute(self.create)
        await connection.copy_records_to_table(self.name, records=records, columns=self.columns)


# Users: the fields of `UserRow`, and the identity keys of two of them.
USER_FIELDS = _columns_of(users, (f.name for f in fields(UserRow)))
USER_KEYS = {"username_key": "username", "email_key": "email"}
STAGED_USERS = Staging("import_users", users, (*USER_FIELDS, *USER_KEYS))
_user_values = _reader(USER_FIELDS)
_keyed_values = _reader(tuple(USER_KEYS.values()))


def _upsert_users() -> str:
    staged = ", ".join(STAGED_USERS.columns)
    updated = ", ".join(f"{c} = excluded.{c}" for c in STAGED_USERS.columns if c != "username_key")
    return f"""
INSERT INTO users AS u (id, {staged}, created_at, updated_at)
SELECT gen_random_uuid(), {staged}, $1, $1 FROM {STAGED_USERS.name}
ON CONFLICT (username_key) DO UPDATE SET {updated}, updated_at = $1
WHERE ({", ".join(f"u.{c}" for c in USER_FIELDS)})
      IS DISTINCT FROM ({", ".join(f"excluded.{c}" for c in USER_FIELDS)})
RETURNING xmax = 0 AS inserted
"""  # noqa: S608 (column names, not input)


UPSERT_USERS = _upsert_users()

ARTICLE_IDS = "SELECT slug, id FROM articles WHERE slug = ANY($1::text[])"
# What an import line sets of an article: `ArticleRow`'s fields that are columns, its
# content's among them; the timestamps, which a line may leave out, apart.
KEPT_WHEN_MISSING = ("created_at", "updated_at")
ROW_COLUMNS = tuple(
    f.name for f in fields(ArticleRow) if f.name in articles.c and f.name not in KEPT_WHEN_MISSING
)
CONTENT_COLUMNS = _columns_of(articles, CONTENT_FIELDS)
ARTICLE_COLUMNS = (*ROW_COLUMNS, *CONTENT_COLUMNS, *_columns_of(articles, KEPT_WHEN_MISSING))
_row_values = _reader(ROW_COLUMNS)
_content_values = _reader(CONTENT_COLUMNS)
_stamps = _reader(KEPT_WHEN_MISSING)
STAGED_ARTICLES = Staging("import_articles", articles, ("id", *ARTICLE_COLUMNS))


class _Stamps(NamedTuple):
    created_at: datetime
    updated_at: datetime


def _update_articles() -> str:
    """Articles already stored change only where the line differs."""
    given = {
        c: f"coalesce(s.{c}, a.{c})" if c in KEPT_WHEN_MISSING else f"s.{c}"
        for c in STAGED_ARTICLES.columns
        if c not in ("id", "slug")  # how it was found
    }
    return f"""
UPDATE articles a
SET {", ".join(f"{c} = {value}" for c, value in given.items())}
FROM {STAGED_ARTICLES.name} s
WHERE a.id = s.id
  AND ({", ".join(f"a.{c}" for c in given)}) IS DISTINCT FROM ({", ".join(given.values())})
RETURNING a.id
"""  # noqa: S608 (column names, not input)


UPDATE_ARTICLES = _update_articles()

STAGED_FAVORITES = Staging("import_favorites", favorites, ("user_id", "article_id"))
# Triggers on `favorites` count them on their articles (migration 0007).
ADD_FAVORITES = f"""
INSERT INTO favorites (user_id, article_id) SELECT user_id, article_id FROM {STAGED_FAVORITES.name}
ON CONFLICT DO NOTHING
RETURNING article_id
"""  # noqa: S608 (a table name, not input)

# A comment's fields, the article it is on and where it came in the batch.
STAGED_COMMENTS = Staging(
    "import_comments",
    comments,
    ("article_id", *(f.name for f in fields(CommentRow))),
    position="integer",
)
ADD_NUMBERED_COMMENTS = """
INSERT INTO comments (id, article_id, author_id, body, created_at, updated_at)
SELECT id, article_id, author_id, body, coalesce(created_at, $1), coalesce(created_at, $1)
FROM import_comments WHERE id IS NOT NULL
ON CONFLICT (id) DO NOTHING
RETURNING article_id
"""
ADD_OTHER_COMMENTS = """
INSERT INTO comments (article_id, author_id, body, created_at, updated_at)
SELECT c.article_id, c.author_id, c.body, coalesce(c.created_at, $1), coalesce(c.created_at, $1)
FROM import_comments c
WHERE c.id IS NULL AND NOT EXISTS (
    SELECT 1 FROM comments x
    WHERE x.article_id = c.article_id AND x.author_id = c.author_id AND x.body = c.body
      AND (c.created_at IS NULL OR x.created_at = c.created_at))
ORDER BY c.position
RETURNING article_id
"""
# Comments imported with their ids must not be handed out again.
ADVANCE_COMMENT_IDS = """
SELECT setval('comments_id_seq',
              greatest((SELECT max(id) FROM comments), (SELECT last_value FROM comments_id_seq)))
"""

# Oldest first; ties (a batch shares its import time) broken by name, so that exporting
# the same data twice gives the same file.
EXPORT_USERS = f"""
SELECT {", ".join(USER_FIELDS)} FROM users ORDER BY created_at, username_key
"""  # noqa: S608 (column names, not input)

# The fields of `ArticleRecord` that are not columns of `articles`.
EXPORTED_BESIDE_COLUMNS = {
    "author": "u.username",
    "favorited_by": "ARRAY(SELECT fu.username FROM favorites f JOIN users fu ON fu.id = f.user_id"
    " WHERE f.article_id = a.id ORDER BY fu.username)",
    "comments": "(SELECT json_agg(json_build_object('id', c.id, 'author', cu.username,"
    " 'body', c.body, 'created_at', c.created_at) ORDER BY c.id)"
    " FROM comments c JOIN users cu ON cu.id = c.author_id WHERE c.article_id = a.id)::text",
}


def _export_articles() -> str:
    stored = _columns_of(articles, _stored_fields(ArticleRecord, articles))
    beside = [f.name for f in fields(ArticleRecord) if f.name not in ("content", *stored)]
    selected = [
        *(f"a.{c}" for c in stored),
        *(f"{EXPORTED_BESIDE_COLUMNS[name]} AS {name}" for name in beside),
    ]
    return f"""
SELECT {", ".join(selected)}
FROM articles a JOIN users u ON u.id = a.author_id
ORDER BY a.created_at, a.slug
"""  # noqa: S608 (column names, not input)


EXPORT_ARTICLES = _export_articles()


class PostgresBulkStore(BulkStore):
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def user_ids(self, usernames: set[str]) -> dict[str, UUID]:
        return await self._by_username("id", usernames)

    async def password_hashes(self, usernames: set[str]) -> dict[str, str]:
        return await self._by_username("password_hash", usernames)

    async def _by_username(self, column: str, usernames: set[str]) -> dict[str, Any]:
        async with self._connection() as connection:
            rows = await connection.fetch(
                f"SELECT username_key AS name, {column} AS value FROM users"  # noqa: S608
                " WHERE username_key = ANY($1::text[])",
                list(usernames),
            )
        return {row["name"]: row["value"] for row in rows}

    async def emails_taken(self, accounts: list[tuple[str, str]]) -> set[str]:
        if not accounts:
            return set()
        async with self._connection() as connection:
            rows = await connection.fetch(
                "SELECT u.email_key FROM users u"
                " JOIN unnest($1::text[], $2::text[]) AS given(username_key, email_key)"
                "   ON u.email_key = given.email_key"
                " WHERE u.username_key <> given.username_key",
                [identity_key(username) for username, _ in accounts],
                [identity_key(email) for _, email in accounts],
            )
        return {row["email_key"] for row in rows}

    async def write_users(self, rows: list[UserRow], *, now: datetime) -> Written:
        async with self._batch() as connection:
            await STAGED_USERS.fill(connection, [_staged_user(r) for r in rows])
            written = await connection.fetch(UPSERT_USERS, now)
        imported = sum(1 for row in written if row["inserted"])
        updated = len(written) - imported
        return Written(imported=imported, updated=updated, unchanged=len(rows) - len(written))

    async def write_articles(self, rows: list[ArticleRow], *, now: datetime) -> Written:
        """New articles are COPY'd straight into `articles` (PostgreSQL makes their ids);
        those already stored go through staging and change only where they differ."""
        async with self._batch() as connection:
            found = await connection.fetch(ARTICLE_IDS, [r.slug for r in rows])
            ids: dict[str, UUID] = {row["slug"]: row["id"] for row in found}
            new = [r for r in rows if r.slug not in ids]
            stored = [r for r in rows if r.slug in ids]
            if new:
                await connection.copy_records_to_table(
                    "articles",
                    records=[_new_article(r, now) for r in new],
                    columns=ARTICLE_COLUMNS,
                )
            changed: set[UUID] = set()
            if stored:
                await STAGED_ARTICLES.fill(
                    connection, [(ids[r.slug], *_article_values(r), *_stamps(r)) for r in stored]
                )
                changed = {row["id"] for row in await connection.fetch(UPDATE_ARTICLES)}
            if with_more := [r.slug for r in new if r.favorited_by or r.comments]:
                ids.update(
                    (row["slug"], row["id"])
                    for row in await connection.fetch(ARTICLE_IDS, with_more)
                )
            grown = await self._add_favorites_and_comments(connection, rows, ids, now)
        updated = len(changed | (grown - {ids[r.slug] for r in new if r.slug in ids}))
        return Written(imported=len(new), updated=updated, unchanged=len(stored) - updated)

    async def _add_favorites_and_comments(
        self,
        connection: asyncpg.Connection,
        rows: list[ArticleRow],
        ids: dict[str, UUID],
        now: datetime,
    ) -> set[UUID]:
        """Adds what is not there yet; returns the articles that gained something."""
        grown: set[UUID] = set()
        favorites = [
            STAGED_FAVORITES.record(user_id=fan, article_id=ids[r.slug])
            for r in rows
            for fan in r.favorited_by
        ]
        if favorites:
            await STAGED_FAVORITES.fill(connection, favorites)
            grown |= {row["article_id"] for row in await connection.fetch(ADD_FAVORITES)}
        # New comments are numbered in the order they come in: the order they are read in.
        comments = [
            STAGED_COMMENTS.record(
                **_fields_of(c, CommentRow), article_id=ids[r.slug], position=position
            )
            for position, (r, c) in enumerate((r, c) for r in rows for c in r.comments)
        ]
        if comments:
            await STAGED_COMMENTS.fill(connection, comments)
            if any(c.id is not None for r in rows for c in r.comments):
                added = await connection.fetch(ADD_NUMBERED_COMMENTS, now)
                grown |= {row["article_id"] for row in added}
                await connection.execute(ADVANCE_COMMENT_IDS)
            added = await connection.fetch(ADD_OTHER_COMMENTS, now)
            grown |= {row["article_id"] for row in added}
        return grown

    def _connection(self) -> AbstractAsyncContextManager[asyncpg.Connection]:
        return driver_connection(self._engine)

    @asynccontextmanager
    async def _batch(self) -> AsyncIterator[asyncpg.Connection]:
        """One transaction, its commit not awaited on disk."""
        async with self._connection() as connection, connection.transaction():
            # A batch lost to a crash is written again by rerunning the import: no need to
            # wait for each commit to reach the disk.
            await connection.execute(
                f"SET LOCAL statement_timeout = '{BULK_STATEMENT_TIMEOUT}';"
                " SET LOCAL synchronous_commit = off"
            )
            yield connection


@asynccontextmanager
async def driver_connection(engine: AsyncEngine) -> AsyncIterator[asyncpg.Connection]:
    """A pooled connection as asyncpg's own, for COPY and cursors; no transaction begun.
    Statements on it bypass the engine's error hook, so its failures are translated here."""
    with store_errors():
        async with engine.execution_options(isolation_level="AUTOCOMMIT").connect() as connection:
            raw = await connection.get_raw_connection()
            yield raw.driver_connection


class PostgresBulkReader(BulkReader):
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def users(self) -> AsyncIterator[UserRow]:
        async for row in self._stream(EXPORT_USERS):
            yield UserRow(**row)

    async def articles(self) -> AsyncIterator[ArticleRecord]:
        async for row in self._stream(EXPORT_ARTICLES):
            values = dict(row)
            content = ArticleContent(**{name: values.pop(name) for name in CONTENT_FIELDS})
            yield ArticleRecord(
                **values
                | {
                    "content": content,
                    "favorited_by": tuple(values["favorited_by"]),
                    "comments": tuple(
                        CommentRecord(
                            **comment
                            | {"created_at": datetime.fromisoformat(comment["created_at"])}
                        )
                        for comment in json.loads(values["comments"] or "[]")
                    ),
                }
            )

    async def _stream(self, query: str) -> AsyncIterator[Any]:
        async with driver_connection(self._engine) as connection, connection.transaction():
            await connection.execute("SET LOCAL statement_timeout = 0")
            async for row in connection.cursor(query, prefetch=500):
                yield row


def _fields_of(row: object, row_type: type) -> dict[str, Any]:
    return {f.name: getattr(row, f.name) for f in fields(row_type)}


def _staged_user(row: UserRow) -> tuple[Any, ...]:
    return (*_user_values(row), *map(identity_key, _keyed_values(row)))


def _article_values(row: ArticleRow) -> tuple[Any, ...]:
    """The row's values of `ARTICLE_COLUMNS` but the timestamps."""
    return (*_row_values(row), *_content_values(row.content))


def _new_article(row: ArticleRow, now: datetime) -> tuple[Any, ...]:
    """A record of `ARTICLE_COLUMNS`; missing timestamps are the import's time."""
    created = row.created_at or now
    stamps = _Stamps(created_at=created, updated_at=row.updated_at or created)
    return (*_article_values(row), *_stamps(stamps))
