"""The list of tags costs what the tags in use cost, never what was ever used: `tags` holds
the names some article carries, each with how many do, whichever path wrote the articles."""

import json
from collections import Counter
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import text

from adapters.postgres.bulk import PostgresBulkStore
from adapters.postgres.database import Database
from adapters.postgres.queries.tags import SqlaTagQueries
from application.ports.bulk import ArticleRow
from application.principal import Principal
from application.tags.list import ListTags
from application.users.accounts import NewAccount
from domain.articles import ArticleChanges, ArticleContent
from entrypoints.container import Container
from tests.sql import recorded_statements

NOW = datetime(2026, 3, 4, tzinfo=UTC)


async def author(app: Container, name: str) -> Principal:
    account = NewAccount(name, f"{name}@example.com", "password123")
    return await app.authenticate()((await app.register_user()(account)).token)


async def stored_counts(db: Database) -> dict[str, int]:
    async with db.engine.connect() as connection:
        rows = await connection.execute(text("SELECT name, articles_count FROM tags"))
        return {name: count for name, count in rows}


async def counts_in_articles(db: Database) -> dict[str, int]:
    async with db.engine.connect() as connection:
        rows = await connection.execute(text("SELECT unnest(tag_list) FROM articles"))
        return dict(Counter(tag for (tag,) in rows))


def rows_read(plan: dict[str, Any]) -> int:
    """The most rows any node of an EXPLAIN ANALYZE plan produced, over all its loops."""
    here: int = plan["Actual Rows"] * plan["Actual Loops"]
    return max([here, *(rows_read(child) for child in plan.get("Plans", []))])


async def test_listing_tags_reads_no_more_rows_than_the_tags_in_use(
    app: Container, db: Database
) -> None:
    jake = await author(app, "jake")
    slug = (await app.create_article()(jake, ArticleContent("Churn", "d", "b", ["kept"]))).slug
    for edit in range(50):
        tags = [f"edit{edit}-{k}" for k in range(20)]
        await app.update_article()(jake, slug, ArticleChanges(tag_list=tags))
    await app.update_article()(jake, slug, ArticleChanges(tag_list=["kept", "last"]))

    with recorded_statements(db.engine) as statements:
        assert await SqlaTagQueries(db.engine).tags(ListTags.LIMIT) == ["kept", "last"]
    async with db.engine.connect() as connection:
        for statement, parameters in statements:
            explained = await connection.exec_driver_sql(
                f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", parameters
            )
            plan = explained.scalar_one()[0]["Plan"]  # JSON, decoded by the driver
            assert rows_read(plan) <= 2, json.dumps(plan, indent=1)


async def test_every_write_path_keeps_the_counts_of_what_articles_carry(
    app: Container, db: Database
) -> None:
    jake, jane = await author(app, "jake"), await author(app, "jane")
    first = await app.create_article()(jake, ArticleContent("One", "d", "b", ["a", "b", "c"]))
    second = await app.create_article()(jake, ArticleContent("Two", "d", "b", ["b", "gone"]))
    hers = await app.create_article()(jane, ArticleContent("Hers", "d", "b", ["b", "hers"]))
    await app.update_article()(jake, first.slug, ArticleChanges(tag_list=["a", "d"]))
    await app.update_article()(jake, first.slug, ArticleChanges(title="Retitled"))
    await app.favorite_article()(jane, first.slug)
    await app.delete_article()(jake, second.slug)

    bulk = PostgresBulkStore(db.engine)
    imported = [
        imported_article("new", ArticleContent("New", "d", "b", ["a", "imported"]), jake.user_id),
        imported_article(hers.slug, ArticleContent("Hers", "d", "b", ["b", "c"]), jane.user_id),
    ]
    await bulk.write_articles(imported, now=NOW)
    assert await stored_counts(db) == {"a": 2, "b": 1, "c": 1, "d": 1, "imported": 1}

    async with db.engine.begin() as connection:  # an account removed in SQL takes its work
        await connection.execute(text("DELETE FROM users WHERE username = 'jane'"))
    assert await stored_counts(db) == await counts_in_articles(db)
    assert await stored_counts(db) == {"a": 2, "d": 1, "imported": 1}


def imported_article(slug: str, content: ArticleContent, author_id: UUID) -> ArticleRow:
    return ArticleRow(
        slug=slug,
        content=content,
        author_id=author_id,
        created_at=None,
        updated_at=None,
        favorited_by=(),
        comments=(),
    )
