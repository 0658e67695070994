"""Migrations build the schema the code expects, from empty, and take it back down."""

import asyncio
from collections.abc import Callable

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
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


def test_0005_counts_the_tags_articles_carry_and_forgets_the_rest(
    new_database: Callable[[], str],
) -> None:
    url = new_database()
    migrator.upgrade(url, "0004")
    run_sql(
        url,
        "INSERT INTO users (id, username, email, password_hash, created_at, updated_at)"
        " VALUES (gen_random_uuid(), 'jake', 'jake@x.io', 'x', now(), now())",
        "INSERT INTO articles (slug, title, description, body, tag_list, author_id,"
        " created_at, updated_at)"
        " SELECT slug, 't', 'd', 'b', tags, (SELECT id FROM users), now(), now()"
        " FROM (VALUES ('one', ARRAY['a', 'b']), ('two', ARRAY['b'])) AS given(slug, tags)",
        "INSERT INTO tags (name) VALUES ('a'), ('b'), ('edited-away')",
    )

    migrator.upgrade(url)
    assert run_sql(url, "SELECT name, articles_count FROM tags ORDER BY name") == [
        ("a", 1),
        ("b", 2),
    ]


def run_sql(url: str, *statements: str) -> list[tuple[object, ...]]:
    """Runs the statements in one transaction; returns the rows of the last."""

    async def run() -> list[tuple[object, ...]]:
        engine = create_async_engine(asyncpg_url(url))
        try:
            async with engine.begin() as connection:
                for statement in statements:
                    result = await connection.execute(text(statement))
                return [tuple(row) for row in result] if result.returns_rows else []
        finally:
            await engine.dispose()

    return asyncio.run(run())
