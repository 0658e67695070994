"""The read side in SQL. Each call is one statement, built once per shape and cached, with
profiles, `following`, `favorited`, counts and tags inside it; a list page brings its
total count in the same round trip."""

from functools import cache
from typing import Any
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    exists,
    false,
    func,
    select,
    text,
    true,
)
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.tables import article_tags, articles, comments, favorites, follows, users
from application.ports.queries import ArticleFilter, Page
from application.views import ArticlePage, ArticleView, CommentView, ProfileView


class SqlaQueries:
    """Implements `ArticleQueries`, `CommentQueries`, `ProfileQueries` and `TagQueries`.

    Reads run outside a transaction (autocommit): no BEGIN and ROLLBACK round trips."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")

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
            tag=where.tag,
            author=where.author and where.author.lower(),
            favorited_by=where.favorited_by and where.favorited_by.lower(),
        )

    async def feed(self, page: Page, *, viewer_id: UUID) -> ArticlePage:
        statement = _article_page(
            tag=False, author=False, favorited_by=False, feed=True, viewer=True
        )
        return await self._page(statement, page, viewer_id=viewer_id)

    async def comments(self, article_id: UUID, *, viewer_id: UUID | None) -> list[CommentView]:
        rows = await self._all(
            _comments_of_article(viewer_id is not None), article_id=article_id, viewer_id=viewer_id
        )
        return [
            CommentView(
                id=row.id,
                body=row.body,
                created_at=row.created_at,
                updated_at=row.updated_at,
                author=_profile_view(row),
            )
            for row in rows
        ]

    async def profile(self, username: str, *, viewer_id: UUID | None) -> ProfileView | None:
        row = await self._one(
            _profile_by_username(viewer_id is not None),
            username=username.lower(),
            viewer_id=viewer_id,
        )
        return None if row is None else _profile_view(row)

    async def tags(self) -> list[str]:
        return [row.tag for row in await self._all(_DISTINCT_TAGS)]

    async def _page(self, statement: Select[Any], page: Page, **parameters: Any) -> ArticlePage:
        rows = await self._all(statement, limit=page.limit, offset=page.offset, **parameters)
        # Every row carries the total; with the page past the end, one row carries only it.
        total = rows[0].total if rows else 0
        views = [_article_view(row, body=None) for row in rows if row.slug is not None]
        return ArticlePage(articles=views, count=total)

    async def _all(self, statement: Any, **parameters: Any) -> list[Row[Any]]:
        async with self._engine.connect() as connection:
            return list((await connection.execute(statement, parameters)).all())

    async def _one(self, statement: Any, **parameters: Any) -> Row[Any] | None:
        rows = await self._all(statement, **parameters)
        return rows[0] if rows else None


# --- statements, built once per shape -----------------------------------------------------

VIEWER: Any = bindparam("viewer_id")


def _following(user_id: Any, viewer: bool) -> ColumnElement[bool]:
    if not viewer:
        return false()
    return exists().where(follows.c.follower_id == VIEWER, follows.c.followee_id == user_id)


def _profile_columns(user_id: Any, viewer: bool) -> list[Any]:
    following = _following(user_id, viewer).label("following")
    return [users.c.username, users.c.bio, users.c.image, following]


def _article_columns(viewer: bool) -> list[Any]:
    favorited = (
        exists().where(favorites.c.user_id == VIEWER, favorites.c.article_id == articles.c.id)
        if viewer
        else false()
    )
    return [
        articles.c.slug,
        articles.c.title,
        articles.c.description,
        articles.c.tag_list,
        articles.c.created_at,
        articles.c.updated_at,
        articles.c.favorites_count,
        favorited.label("favorited"),
        *_profile_columns(articles.c.author_id, viewer),
    ]


def _user_id_named(parameter: str) -> Any:
    """The id of the user whose lower-cased username is the parameter."""
    named = users.alias(f"{parameter}_user")
    return (
        select(named.c.id)
        .where(func.lower(named.c.username) == bindparam(parameter))
        .scalar_subquery()
    )


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
    """One statement: the total count of matching articles joined to the requested page of
    them, newest first, ties broken by id. The count and the page each scan an index;
    only the page's rows are joined to authors and flags."""
    conditions: list[ColumnElement[bool]] = []
    if tag:
        tagged = select(article_tags.c.article_id).where(article_tags.c.tag == bindparam("tag"))
        conditions.append(articles.c.id.in_(tagged))
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

    total = (
        select(func.count().label("total")).select_from(articles).where(*conditions).cte("total")
    )
    page = (
        select(articles.c.id)
        .where(*conditions)
        .order_by(articles.c.created_at.desc(), articles.c.id.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
        .cte("page")
    )
    page_rows = page.join(articles, articles.c.id == page.c.id).join(
        users, users.c.id == articles.c.author_id
    )
    return (
        select(total.c.total, *_article_columns(viewer))
        .select_from(total.outerjoin(page_rows, true()))
        .order_by(articles.c.created_at.desc(), articles.c.id.desc())
    )


@cache
def _comments_of_article(viewer: bool) -> Select[Any]:
    return (
        select(
            comments.c.id,
            comments.c.body,
            comments.c.created_at,
            comments.c.updated_at,
            *_profile_columns(comments.c.author_id, viewer),
        )
        .join(users, users.c.id == comments.c.author_id)
        .where(comments.c.article_id == bindparam("article_id"))
        .order_by(comments.c.created_at.desc(), comments.c.id.desc())
    )


@cache
def _profile_by_username(viewer: bool) -> Select[Any]:
    return select(*_profile_columns(users.c.id, viewer)).where(
        func.lower(users.c.username) == bindparam("username")
    )


# A skip scan over ix_article_tags_tag_article_id: one index probe per distinct tag,
# however many articles carry each.
_DISTINCT_TAGS = text(
    """
    WITH RECURSIVE distinct_tags(tag) AS (
        (SELECT tag FROM article_tags ORDER BY tag LIMIT 1)
        UNION ALL
        SELECT (SELECT t.tag FROM article_tags t WHERE t.tag > d.tag ORDER BY t.tag LIMIT 1)
        FROM distinct_tags d
        WHERE d.tag IS NOT NULL
    )
    SELECT tag FROM distinct_tags WHERE tag IS NOT NULL
    """
).columns(article_tags.c.tag)


def _profile_view(row: Row[Any]) -> ProfileView:
    return ProfileView(username=row.username, bio=row.bio, image=row.image, following=row.following)


def _article_view(row: Row[Any], *, body: str | None) -> ArticleView:
    return ArticleView(
        slug=row.slug,
        title=row.title,
        description=row.description,
        body=body,
        tags=tuple(row.tag_list),
        created_at=row.created_at,
        updated_at=row.updated_at,
        favorited=row.favorited,
        favorites_count=row.favorites_count,
        author=_profile_view(row),
    )
