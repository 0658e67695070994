from dataclasses import fields
from functools import cache
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, Text, bindparam, exists, false, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Row

from adapters.postgres.queries.reading import (
    VIEWER,
    SqlaReads,
    counted_page,
    profile_columns,
    profile_view,
)
from adapters.postgres.tables import articles, favorites, follows, users
from application.articles.views import ArticlePage, ArticleView
from application.ports.queries import ArticleFilter, ArticleQueries, Page
from domain.identifiers import identity_key


class SqlaArticleQueries(SqlaReads, ArticleQueries):
    async def article(self, slug: str, *, viewer_id: UUID | None) -> ArticleView | None:
        row = await self._one(
            _article_by_slug(viewer_id is not None), slug=slug, viewer_id=viewer_id
        )
        return None if row is None else _article_view(row, body=row.body)

    async def articles(
        self, where: ArticleFilter, page: Page, *, viewer_id: UUID | None
    ) -> ArticlePage:
        statement = _article_page(
            tag=where.tag is not None,
            author=where.author is not None,
            favorited_by=where.favorited_by is not None,
            feed=False,
            viewer=viewer_id is not None,
        )
        return await self._page(
            statement,
            page,
            viewer_id=viewer_id,
            tag=[where.tag] if where.tag is not None else None,
            author=where.author and identity_key(where.author),
            favorited_by=where.favorited_by and identity_key(where.favorited_by),
        )

    async def feed(self, page: Page, *, viewer_id: UUID) -> ArticlePage:
        statement = _article_page(
            tag=False, author=False, favorited_by=False, feed=True, viewer=True
        )
        return await self._page(statement, page, viewer_id=viewer_id)

    async def _page(self, statement: Select[Any], page: Page, **parameters: Any) -> ArticlePage:
        rows = await self._all(statement, limit=page.limit, offset=page.offset, **parameters)
        # Every row carries the total; with the page past the end, one row carries only it.
        total = rows[0].total if rows else 0
        views = [_article_view(row, body=None) for row in rows if row.slug is not None]
        return ArticlePage(articles=views, count=total)


def _article_columns(viewer: bool) -> list[Any]:
    favorited = (
        exists().where(favorites.c.user_id == VIEWER, favorites.c.article_id == articles.c.id)
        if viewer
        else false()
    )
    return [
        *(articles.c[name] for name in LISTED_COLUMNS),
        favorited.label("favorited"),
        *profile_columns(articles.c.author_id, viewer),
    ]


# The view's fields that are columns of `articles`, by name; lists leave out the body.
VIEWED_COLUMNS = tuple(f.name for f in fields(ArticleView) if f.name in articles.c)
LISTED_COLUMNS = tuple(name for name in VIEWED_COLUMNS if name != "body")


def _user_id_named(parameter: str) -> Any:
    """The id of the user whose username key is the parameter."""
    named = users.alias(f"{parameter}_user")
    return select(named.c.id).where(named.c.username_key == bindparam(parameter)).scalar_subquery()


@cache
def _article_by_slug(viewer: bool) -> Select[Any]:
    return (
        select(*_article_columns(viewer), articles.c.body)
        .join_from(articles, users, users.c.id == articles.c.author_id)
        .where(articles.c.slug == bindparam("slug"))
    )


@cache
def _article_page(
    *, tag: bool, author: bool, favorited_by: bool, feed: bool, viewer: bool
) -> Select[Any]:
    """Matching articles, newest first, ties broken by id, with their total count."""
    conditions: list[ColumnElement[bool]] = []
    if tag:
        conditions.append(articles.c.tag_list.contains(bindparam("tag", type_=ARRAY(Text))))
    if author:
        conditions.append(articles.c.author_id == _user_id_named("author"))
    if favorited_by:
        favorited = select(favorites.c.article_id).where(
            favorites.c.user_id == _user_id_named("favorited_by")
        )
        conditions.append(articles.c.id.in_(favorited))
    if feed:
        followed = select(follows.c.followee_id).where(follows.c.follower_id == VIEWER)
        conditions.append(articles.c.author_id.in_(followed))

    return counted_page(
        articles,
        conditions,
        order_by=[articles.c.created_at.desc(), articles.c.id.desc()],
        columns=_article_columns(viewer),
        joins=[(users, users.c.id == articles.c.author_id)],
    )


def _article_view(row: Row[Any], *, body: str | None) -> ArticleView:
    return ArticleView.of({**row._mapping, "body": body}, author=profile_view(row))
