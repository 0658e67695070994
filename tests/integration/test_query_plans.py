"""Every list filter and sort order the read side runs can be served by one of the indexes
the migration names: with sequential scans off, the plan of the statement the adapter
really sends names the index."""

from collections.abc import Awaitable, Callable
from uuid import uuid4

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.database import Database
from adapters.postgres.queries.articles import SqlaArticleQueries as Articles
from adapters.postgres.queries.comments import SqlaCommentQueries as Comments
from adapters.postgres.queries.profiles import SqlaProfileQueries as Profiles
from adapters.postgres.queries.tags import SqlaTagQueries as Tags
from application.ports.queries import ArticleFilter, Page
from tests.sql import recorded_statements

VIEWER = uuid4()

Query = Callable[[AsyncEngine], Awaitable[object]]
CASES: dict[str, tuple[Query, str]] = {
    "all articles": (
        lambda e: Articles(e).articles(ArticleFilter(), Page(), viewer_id=None),
        "ix_articles_created_at_id",
    ),
    "by author": (
        lambda e: Articles(e).articles(ArticleFilter(author="jake"), Page(), viewer_id=None),
        "ix_articles_author_created_at_id",
    ),
    "author lookup": (
        lambda e: Articles(e).articles(ArticleFilter(author="jake"), Page(), viewer_id=None),
        "uq_users_username_key",
    ),
    "by tag": (
        lambda e: Articles(e).articles(ArticleFilter(tag="dragons"), Page(), viewer_id=None),
        "ix_articles_tag_list",
    ),
    "favorited by": (
        lambda e: Articles(e).articles(ArticleFilter(favorited_by="jake"), Page(), viewer_id=None),
        "pk_favorites",
    ),
    "favorited flag": (
        lambda e: Articles(e).articles(ArticleFilter(), Page(), viewer_id=VIEWER),
        "pk_favorites",
    ),
    "following flag": (
        lambda e: Articles(e).articles(ArticleFilter(), Page(), viewer_id=VIEWER),
        "pk_follows",
    ),
    "feed": (
        lambda e: Articles(e).feed(Page(), viewer_id=VIEWER),
        "ix_articles_author_created_at_id",
    ),
    "comments": (
        lambda e: Comments(e).comments(uuid4(), Page(), viewer_id=None),
        "ix_comments_article_id_created_at_id",
    ),
    "single article": (
        lambda e: Articles(e).article("slug", viewer_id=None),
        "uq_articles_slug",
    ),
    "profile": (
        lambda e: Profiles(e).profile("jake", viewer_id=None),
        "uq_users_username_key",
    ),
    "most used tags": (lambda e: Tags(e).tags(100), "ix_tags_articles_count_name"),
}


@pytest.mark.parametrize("case", CASES)
async def test_served_by_its_index(db: Database, case: str) -> None:
    run, index = CASES[case]
    with recorded_statements(db.engine) as statements:
        await run(db.engine)

    plans = []
    async with db.engine.connect() as connection:
        await connection.execute(text("SET LOCAL enable_seqscan = off"))
        for statement, parameters in statements:
            result = await connection.exec_driver_sql(f"EXPLAIN {statement}", parameters)
            plans.append("\n".join(row[0] for row in result))
    assert any(index in plan for plan in plans), "\n\n".join(plans)
