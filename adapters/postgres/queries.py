"""The read side in SQL: each call runs a fixed number of statements whatever the page
size, with profiles, `following`, `favorited`, counts and tags in those statements."""

from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, exists, false, func, select, text
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.tables import article_tags, articles, comments, favorites, follows, users
from application.ports.queries import ArticleFilter, Page
from application.views import ArticlePage, ArticleView, CommentView, ProfileView

NEWEST_FIRST = (articles.c.created_at.desc(), articles.c.id.desc())


class SqlaQueries:
    """Implements `ArticleQueries`, `CommentQueries`, `ProfileQueries` and `TagQueries`.

    Reads run outside a transaction (autocommit): no BEGIN and ROLLBACK round trips."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")

    async def article(self, slug: str, *, viewer_id: UUID | None) -> ArticleView | None:
        query = _article_select(viewer_id, with_body=True).where(articles.c.slug == slug)
        async with self._engine.connect() as connection:
            row = (await connection.execute(query)).one_or_none()
        return None if row is None else _article_view(row)

    async def articles(
        self, where: ArticleFilter, page: Page, *, viewer_id: UUID | None
    ) -> ArticlePage:
        return await self._page(_filter_conditions(where), page, viewer_id)

    async def feed(self, page: Page, *, viewer_id: UUID) -> ArticlePage:
        followed = select(follows.c.followee_id).where(follows.c.follower_id == viewer_id)
        return await self._page([articles.c.author_id.in_(followed)], page, viewer_id)

    async def comments(self, article_id: UUID, *, viewer_id: UUID | None) -> list[CommentView]:
        query = (
            select(
                comments.c.id,
                comments.c.body,
                comments.c.created_at,
                comments.c.updated_at,
                *_profile_columns(comments.c.author_id, viewer_id),
            )
            .join(users, users.c.id == comments.c.author_id)
            .where(comments.c.article_id == article_id)
            .order_by(comments.c.created_at.desc(), comments.c.id.desc())
        )
        async with self._engine.connect() as connection:
            rows = (await connection.execute(query)).all()
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
        query = select(*_profile_columns(users.c.id, viewer_id)).where(
            func.lower(users.c.username) == username.lower()
        )
        async with self._engine.connect() as connection:
            row = (await connection.execute(query)).one_or_none()
        return None if row is None else _profile_view(row)

    async def tags(self) -> list[str]:
        async with self._engine.connect() as connection:
            return list((await connection.scalars(_DISTINCT_TAGS)).all())

    async def _page(
        self, conditions: list[ColumnElement[bool]], page: Page, viewer_id: UUID | None
    ) -> ArticlePage:
        count = select(func.count()).select_from(articles).where(*conditions)
        rows_query = (
            _article_select(viewer_id, with_body=False)
            .where(*conditions)
            .order_by(*NEWEST_FIRST)
            .limit(page.limit)
            .offset(page.offset)
        )
        async with self._engine.connect() as connection:
            total = await connection.scalar(count)
            rows = (await connection.execute(rows_query)).all()
        return ArticlePage(articles=[_article_view(row) for row in rows], count=total or 0)


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


def _user_id_of(username: str) -> Any:
    """The id of the user with that username (ignoring case), as a scalar subquery."""
    named = users.alias("named")
    return (
        select(named.c.id).where(func.lower(named.c.username) == username.lower()).scalar_subquery()
    )


def _filter_conditions(where: ArticleFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if where.tag is not None:
        tagged = select(article_tags.c.article_id).where(article_tags.c.tag == where.tag)
        conditions.append(articles.c.id.in_(tagged))
    if where.author is not None:
        conditions.append(articles.c.author_id == _user_id_of(where.author))
    if where.favorited_by is not None:
        favorited = select(favorites.c.article_id).where(
            favorites.c.user_id == _user_id_of(where.favorited_by)
        )
        conditions.append(articles.c.id.in_(favorited))
    return conditions


def _profile_columns(user_id: Any, viewer_id: UUID | None) -> list[Any]:
    following = (
        exists().where(follows.c.follower_id == viewer_id, follows.c.followee_id == user_id)
        if viewer_id is not None
        else false()
    )
    return [users.c.username, users.c.bio, users.c.image, following.label("following")]


def _article_select(viewer_id: UUID | None, *, with_body: bool) -> Select[Any]:
    favorited = (
        exists().where(favorites.c.user_id == viewer_id, favorites.c.article_id == articles.c.id)
        if viewer_id is not None
        else false()
    )
    columns = [
        articles.c.slug,
        articles.c.title,
        articles.c.description,
        *([articles.c.body] if with_body else []),
        articles.c.tag_list,
        articles.c.created_at,
        articles.c.updated_at,
        articles.c.favorites_count,
        favorited.label("favorited"),
        *_profile_columns(articles.c.author_id, viewer_id),
    ]
    return select(*columns).join_from(articles, users, users.c.id == articles.c.author_id)


def _profile_view(row: Row[Any]) -> ProfileView:
    return ProfileView(username=row.username, bio=row.bio, image=row.image, following=row.following)


def _article_view(row: Row[Any]) -> ArticleView:
    return ArticleView(
        slug=row.slug,
        title=row.title,
        description=row.description,
        body=getattr(row, "body", None),
        tags=tuple(row.tag_list),
        created_at=row.created_at,
        updated_at=row.updated_at,
        favorited=row.favorited,
        favorites_count=row.favorites_count,
        author=_profile_view(row),
    )
