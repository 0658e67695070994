"""Bulk import and export on PostgreSQL. A batch is COPY'd (asyncpg, binary) into staging
tables, then merged with a few set-based statements (`INSERT … ON CONFLICT`), all in one
transaction; nothing is ever written row by row (the triggers that count tags run once a
statement). Exports stream through a server-side cursor."""

import json
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg
from sqlalchemy.ext.asyncio import AsyncEngine

from application.ports.bulk import (
    ArticleRecord,
    ArticleRow,
    BulkReader,
    BulkStore,
    CommentRecord,
    UserRecord,
    UserRow,
    Written,
)
from domain.identifiers import identity_key

BULK_STATEMENT_TIMEOUT = "10min"  # a batch's statements are few but large

# Staging tables, made on first use in a connection; COMMIT empties them.
STAGING = {
    "import_users": "username text, username_key text, email text, email_key text, bio text,"
    " image text, password_hash text",
    "import_articles": "id uuid, title text, description text, body text, tag_list text[],"
    " author_id uuid, created_at timestamptz, updated_at timestamptz",
    "import_favorites": "user_id uuid, article_id uuid",
    "import_comments": "id bigint, article_id uuid, author_id uuid, body text,"
    " created_at timestamptz, position int",
}

UPSERT_USERS = """
INSERT INTO users AS u (id, username, username_key, email, email_key, password_hash, bio, image,
                       created_at, updated_at)
SELECT gen_random_uuid(), username, username_key, email, email_key, password_hash, bio, image,
       $1, $1
FROM import_users
ON CONFLICT (username_key) DO UPDATE
SET username = excluded.username, email = excluded.email, email_key = excluded.email_key,
    bio = excluded.bio, image = excluded.image, password_hash = excluded.password_hash,
    updated_at = $1
WHERE (u.username, u.email, u.bio, u.image, u.password_hash)
      IS DISTINCT FROM (excluded.username, excluded.email, excluded.bio, excluded.image,
                        excluded.password_hash)
RETURNING xmax = 0 AS inserted
"""

ARTICLE_IDS = "SELECT slug, id FROM articles WHERE slug = ANY($1::text[])"
ARTICLE_COLUMNS = [
    "slug",
    "title",
    "description",
    "body",
    "tag_list",
    "author_id",
    "created_at",
    "updated_at",
]

# Articles already stored change only where the line differs; timestamps left out of a
# line keep the stored ones.
UPDATE_ARTICLES = """
UPDATE articles a
SET title = s.title, description = s.description, body = s.body, tag_list = s.tag_list,
    author_id = s.author_id, created_at = coalesce(s.created_at, a.created_at),
    updated_at = coalesce(s.updated_at, a.updated_at)
FROM import_articles s
WHERE a.id = s.id
  AND (a.title, a.description, a.body, a.tag_list, a.author_id, a.created_at, a.updated_at)
      IS DISTINCT FROM (s.title, s.description, s.body, s.tag_list, s.author_id,
                        coalesce(s.created_at, a.created_at), coalesce(s.updated_at, a.updated_at))
RETURNING a.id
"""

ADD_FAVORITES = """
WITH added AS (
    INSERT INTO favorites (user_id, article_id) SELECT user_id, article_id FROM import_favorites
    ON CONFLICT DO NOTHING
    RETURNING article_id
)
UPDATE articles a SET favorites_count = a.favorites_count + n.added
FROM (SELECT article_id, count(*) AS added FROM added GROUP BY article_id) n
WHERE a.id = n.article_id
RETURNING a.id
"""

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
EXPORT_USERS = """
SELECT username, email, bio, image, password_hash FROM users ORDER BY created_at, username_key
"""
EXPORT_ARTICLES = """
SELECT a.slug, a.title, a.description, a.body, a.tag_list, u.username AS author,
       a.created_at, a.updated_at,
       ARRAY(SELECT fu.username FROM favorites f JOIN users fu ON fu.id = f.user_id
             WHERE f.article_id = a.id ORDER BY fu.username) AS favorited_by,
       (SELECT json_agg(json_build_array(c.id, cu.username, c.body, c.created_at)
                        ORDER BY c.id)
        FROM comments c JOIN users cu ON cu.id = c.author_id
        WHERE c.article_id = a.id)::text AS comments
FROM articles a JOIN users u ON u.id = a.author_id
ORDER BY a.created_at, a.slug
"""


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
            await _stage(
                connection,
                "import_users",
                [
                    (
                        r.username,
                        identity_key(r.username),
                        r.email,
                        identity_key(r.email),
                        r.bio,
                        r.image,
                        r.password_hash,
                    )
                    for r in rows
                ],
            )
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
                await _stage(
                    connection, "import_articles", [_staged_article(r, ids[r.slug]) for r in stored]
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
        favorites = [(fan, ids[r.slug]) for r in rows for fan in r.favorited_by]
        if favorites:
            await _stage(connection, "import_favorites", favorites)
            grown |= {row["id"] for row in await connection.fetch(ADD_FAVORITES)}
        # New comments are numbered in the order they come in: the order they are read in.
        comments = [
            (c.id, ids[r.slug], c.author_id, c.body, c.created_at, position)
            for position, (r, c) in enumerate((r, c) for r in rows for c in r.comments)
        ]
        if comments:
            await _stage(connection, "import_comments", comments)
            if any(comment[0] is not None for comment in comments):
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


async def _stage(connection: asyncpg.Connection, table: str, records: list[Any]) -> None:
    await connection.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {table} ({STAGING[table]}) ON COMMIT DELETE ROWS"
    )
    await connection.copy_records_to_table(table, records=records)


@asynccontextmanager
async def driver_connection(engine: AsyncEngine) -> AsyncIterator[asyncpg.Connection]:
    """A pooled connection as asyncpg's own, for COPY and cursors; no transaction begun."""
    async with engine.execution_options(isolation_level="AUTOCOMMIT").connect() as connection:
        raw = await connection.get_raw_connection()
        yield raw.driver_connection


class PostgresBulkReader(BulkReader):
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def users(self) -> AsyncIterator[UserRecord]:
        async for row in self._stream(EXPORT_USERS):
            yield UserRecord(
                username=row["username"],
                email=row["email"],
                bio=row["bio"],
                image=row["image"],
                password_hash=row["password_hash"],
            )

    async def articles(self) -> AsyncIterator[ArticleRecord]:
        async for row in self._stream(EXPORT_ARTICLES):
            yield ArticleRecord(
                slug=row["slug"],
                title=row["title"],
                description=row["description"],
                body=row["body"],
                tags=tuple(row["tag_list"]),
                author=row["author"],
                created_at=row["created_at"],
                updated_at=row["updated_at"],
                favorited_by=tuple(row["favorited_by"]),
                comments=tuple(
                    CommentRecord(
                        id=comment_id,
                        author=author,
                        body=body,
                        created_at=datetime.fromisoformat(created_at),
                    )
                    for comment_id, author, body, created_at in json.loads(row["comments"] or "[]")
                ),
            )

    async def _stream(self, query: str) -> AsyncIterator[Any]:
        async with driver_connection(self._engine) as connection, connection.transaction():
            await connection.execute("SET LOCAL statement_timeout = 0")
            async for row in connection.cursor(query, prefetch=500):
                yield row


def _new_article(row: ArticleRow, now: datetime) -> tuple[object, ...]:
    created = row.created_at or now
    return (
        row.slug,
        row.title,
        row.description,
        row.body,
        list(row.tags),
        row.author_id,
        created,
        row.updated_at or created,
    )


def _staged_article(row: ArticleRow, article_id: UUID) -> tuple[object, ...]:
    return (
        article_id,
        row.title,
        row.description,
        row.body,
        list(row.tags),
        row.author_id,
        row.created_at,
        row.updated_at,
    )
