"""Migrations build the schema the code expects, from empty, and take it back down."""

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import CheckConstraint, inspect, text
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.postgres import migrator
from adapters.postgres.database import asyncpg_url
from adapters.postgres.tables import metadata


def schema_of(url: str) -> tuple[list[str], list[tuple[object, ...]]]:
    async def read() -> tuple[list[str], list[tuple[object, ...]]]:
        engine = create_async_engine(asyncpg_url(url))
        try:
            async with engine.connect() as connection:
                tables = await connection.run_sync(lambda c: sorted(inspect(c).get_table_names()))
                diff = await connection.run_sync(
                    lambda c: compare_metadata(MigrationContext.configure(c), metadata)
                )
                return tables, diff
        finally:
            await engine.dispose()

    return asyncio.run(read())


def test_upgrade_from_empty_matches_the_tables_and_downgrade_empties(
    new_database: Callable[[], str],
) -> None:
    url = new_database()
    assert migrator.current(url) is None

    migrator.upgrade(url)
    tables, diff = schema_of(url)
    assert migrator.current(url) is not None
    assert set(tables) == {table.name for table in metadata.sorted_tables} | {"alembic_version"}
    assert diff == []

    migrator.downgrade(url, "base")
    assert migrator.current(url) is None
    assert schema_of(url)[0] == ["alembic_version"]

    migrator.upgrade(url)  # and up again, so every downgrade left nothing behind
    assert schema_of(url)[1] == []


def test_upgrade_makes_exactly_the_check_constraints_of_the_tables(
    new_database: Callable[[], str],
) -> None:
    """`compare_metadata` leaves CHECK constraints out: a migration that forgets one (or a
    table that forgets the one a migration makes) is caught here, by name."""
    url = new_database()
    migrator.upgrade(url)
    [made] = execute(
        url,
        (
            "SELECT conrelid::regclass::text, conname FROM pg_constraint"
            " WHERE contype = 'c' AND connamespace = 'public'::regnamespace",
            {},
        ),
    )
    declared = {
        (table.name, str(constraint.name))
        for table in metadata.sorted_tables
        for constraint in table.constraints
        if isinstance(constraint, CheckConstraint)
    }
    # 0002 and 0003 gave full names where the convention makes them, so theirs carry the
    # prefix twice (ck_users_ck_users_role_known); until a migration renames them:
    named = {
        (table, name.replace(f"ck_{table}_ck_{table}_", f"ck_{table}_")) for table, name in made
    }
    assert named == declared


def execute(url: str, *statements: tuple[str, dict[str, object]]) -> list[list[Any]]:
    """Runs the statements in one transaction; the rows of each (none but a SELECT's)."""

    async def run() -> list[list[Any]]:
        engine = create_async_engine(asyncpg_url(url))
        try:
            async with engine.begin() as connection:
                results = [await connection.execute(text(sql), p) for sql, p in statements]
                return [list(r.all()) if r.returns_rows else [] for r in results]
        finally:
            await engine.dispose()

    return asyncio.run(run())


T0 = datetime(2026, 1, 1, tzinfo=UTC)
ACCOUNTS = [  # (id, username, email): what the lower() indexes let in, oldest first
    (UUID(int=1), "Jake", "jake@x.io"),
    (UUID(int=2), "stra\u00dfe", "strasse@x.io"),  # "ß" folds to "ss"...
    (UUID(int=3), "STRASSE", "other@x.io"),  # ...so this ASCII name keeps "strasse"
    (UUID(int=4), "\u0130van", "ivan@x.io"),
    (UUID(int=5), "jake2", "\uff4aake@x.io"),  # a fullwidth "j": jake@x.io's, once folded
    (UUID(int=6), "..", "dots@x.io"),
    (UUID(int=7), "\u0430lice", "alice@x.io"),  # Cyrillic "a"
]


def test_upgrade_keys_existing_accounts_and_tags_losing_nothing(
    new_database: Callable[[], str], caplog: pytest.LogCaptureFixture
) -> None:
    url = new_database()
    migrator.upgrade(url, "0004")
    execute(
        url,
        *(
            (
                "INSERT INTO users (id, username, email, password_hash, created_at, updated_at)"
                " VALUES (:id, :username, :email, 'h', :at, :at)",
                {"id": id_, "username": username, "email": email, "at": T0 + timedelta(n)},
            )
            for n, (id_, username, email) in enumerate(ACCOUNTS)
        ),
        (
            "INSERT INTO articles (slug, title, description, body, tag_list, author_id,"
            " created_at, updated_at) VALUES ('a', 't', 'd', 'b', :tags, :author, :at, :at)",
            {
                "tags": ["\uff44ragons", "dragons", "fi\u200bre", "\u200b"],
                "author": UUID(int=1),
                "at": T0,
            },
        ),
    )

    with caplog.at_level(logging.WARNING, logger="alembic.runtime.migration"):
        migrator.upgrade(url)

    users, articles, tags = execute(
        url,
        ("SELECT id, username, username_key, email, email_key FROM users ORDER BY id", {}),
        ("SELECT tag_list FROM articles", {}),
        ("SELECT name FROM tags ORDER BY name", {}),
    )
    assert [tuple(row) for row in users] == [
        (UUID(int=1), "Jake", "jake", "jake@x.io", "jake@x.io"),
        (UUID(int=2), "stra\u00dfe-00000000", "strasse-00000000", "strasse@x.io", "strasse@x.io"),
        (UUID(int=3), "STRASSE", "strasse", "other@x.io", "other@x.io"),
        (UUID(int=4), "\u0130van", "i\u0307van", "ivan@x.io", "ivan@x.io"),
        (UUID(int=5), "jake2", "jake2", "\uff4aake@x.io", f"jake@x.io {UUID(int=5)}"),
        (UUID(int=6), "..", "..", "dots@x.io", "dots@x.io"),
        (UUID(int=7), "\u0430lice", "\u0430lice", "alice@x.io", "alice@x.io"),
    ]
    assert articles == [(["dragons", "fire", "\u200b"],)]
    assert {"dragons", "fire"} <= {name for (name,) in tags}
    reported = "\n".join(caplog.messages)
    for id_ in (2, 5, 6, 7):
        assert str(UUID(int=id_)) in reported
    assert "can't be made of dots only" in reported and "can't mix scripts" in reported

    migrator.downgrade(url, "0004")  # and back, keeping what was renamed
    renamed = execute(url, ("SELECT username FROM users WHERE id = :id", {"id": UUID(int=2)}))
    assert renamed == [[("stra\u00dfe-00000000",)]]


def test_0005_counts_the_tags_articles_carry_and_forgets_the_rest(
    new_database: Callable[[], str],
) -> None:
    url = new_database()
    migrator.upgrade(url, "0004")
    execute(
        url,
        (
            "INSERT INTO users (id, username, email, password_hash, created_at, updated_at)"
            " VALUES (gen_random_uuid(), 'jake', 'jake@x.io', 'x', now(), now())",
            {},
        ),
        (
            "INSERT INTO articles (slug, title, description, body, tag_list, author_id,"
            " created_at, updated_at)"
            " SELECT slug, 't', 'd', 'b', tags, (SELECT id FROM users), now(), now()"
            " FROM (VALUES ('one', ARRAY['a', 'b']), ('two', ARRAY['b'])) AS given(slug, tags)",
            {},
        ),
        ("INSERT INTO tags (name) VALUES ('a'), ('b'), ('edited-away')", {}),
    )

    migrator.upgrade(url, "0005")
    assert execute(url, ("SELECT name, articles_count FROM tags ORDER BY name", {})) == [
        [("a", 1), ("b", 2)]
    ]
