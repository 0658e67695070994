"""Every list filter and sort order the read side runs can be served by one of the indexes
the migration names: with sequential scans off, the plan of the statement the adapter
really sends names the index."""

from collections.abc import Awaitable, Callable
from uuid import uuid4

import pytest
from sqlalchemy import text

from adapters.postgres.database import Database
from adapters.postgres.queries import SqlaQueries
from application.ports.queries import ArticleFilter, Page
from tests.sql import recorded_statements

VIEWER = uuid4()

Query = Callable[[SqlaQueries], Awaitable[object]]
CASES: dict[str, tuple[Query, str]] = {
    "all articles": (
        lambda q: q.articles(ArticleFilter(), Page(), viewer_id=None),
        "ix_articles_created_at_id",
    ),
    "by author": (
        lambda q: q.articles(ArticleFilter(author="jake"), Page(), viewer_id=None),
        "ix_articles_author_created_at_id",
    ),
    "author lookup": (
        lambda q: q.articles(ArticleFilter(author="jake"), Page(), viewer_id=None),
        "uq_users_username_key",
    ),
    "by tag": (
        lambda q: q.articles(ArticleFilter(tag="dragons"), Page(), viewer_id=None),
        "ix_articles_tag_list",
    ),
    "favorited by": (
        lambda q: q.articles(ArticleFilter(favorited_by="jake"), Page(), viewer_id=None),
        "pk_favorites",
    ),
    "favorited flag": (
        lambda q: q.articles(ArticleFilter(), Page(), viewer_id=VIEWER),
        "pk_favorites",
    ),
    "following flag": (
        lambda q: q.articles(ArticleFilter(), Page(), viewer_id=VIEWER),
        "pk_follows",
    ),
    "feed": (lambda q: q.feed(Page(), viewer_id=VIEWER), "ix_articles_author_created_at_id"),
    "comments": (
        lambda q: q.comments(uuid4(), Page(), viewer_id=None),
        "ix_comments_article_id_created_at_id",
    ),
    "single article": (lambda q: q.article("slug", viewer_id=None), "uq_articles_slug"),
    "profile": (lambda q: q.profile("jake", viewer_id=None), "uq_users_username_key"),
    "most used tags": (lambda q: q.tags(100), "ix_tags_articles_count_name"),
}


@pytest.mark.parametrize("case", CASES)
async def test_served_by_its_index(db: Database, case: str) -> None:
    run, index = CASES[case]
    with recorded_statements(db.engine) as statements:
        await run(SqlaQueries(db.engine))

    plans = []
    async with db.engine.connect() as connection:
        await connection.execute(text("SET LOCAL enable_seqscan = off"))
        for statement, parameters in statements:
            result = await connection.exec_driver_sql(f"EXPLAIN {statement}", parameters)
            plans.append("\n".join(row[0] for row in result))
    assert any(index in plan for plan in plans), "\n\n".join(plans)
