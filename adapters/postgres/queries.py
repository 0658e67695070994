"""The read side in SQL. Each call is one statement, built once per shape and cached, with
profiles, `following`, `favorited`, counts and tags inside it; a list page brings its
total count in the same round trip."""

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    Text,
    bindparam,
    exists,
    false,
    func,
    or_,
    select,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.tables import (
    articles,
    audit_log,
    comments,
    favorites,
    follows,
    sessions,
    tags,
    users,
)
from application.ports.queries import ActiveCaller, ArticleFilter, Page
from application.views import (
    ArticlePage,
    ArticleView,
    AuditPage,
    AuditView,
    CommentView,
    ProfileView,
    UserAdminView,
    UserPage,
)
from domain.identifiers import identity_key


class SqlaQueries:
    """Implements `ArticleQueries`, `CommentQueries`, `ProfileQueries`, `TagQueries`,
    `SessionLookup` and `AdminQueries`.

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
            tag=[where.tag] if where.tag is not None else None,
            author=where.author and identity_key(where.author),
            favorited_by=where.favorited_by and identity_key(where.favorited_by),
        )

    async def feed(self, page: Page, *, viewer_id: UUID) -> ArticlePage:
        statement = _article_page(
            tag=False, author=False, favorited_by=False, feed=True, viewer=True
        )
        return await self._page(statement, page, viewer_id=viewer_id)

    async def comments(
        self, article_id: UUID, page: Page, *, viewer_id: UUID | None
    ) -> list[CommentView]:
        rows = await self._all(
            _comments_of_article(viewer_id is not None),
            article_id=article_id,
            viewer_id=viewer_id,
            limit=page.limit,
            offset=page.offset,
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
            username=identity_key(username),
            viewer_id=viewer_id,
        )
        return None if row is None else _profile_view(row)

    async def tags(self, limit: int) -> list[str]:
        return [row.name for row in await self._all(_MOST_USED_TAGS, limit=limit)]

    async def active_caller(self, session_id: UUID, *, now: datetime) -> ActiveCaller | None:
        row = await self._one(_ACTIVE_CALLER, session_id=session_id, now=now)
        return None if row is None else ActiveCaller(user_id=row.user_id, role=row.role)

    async def users(self, search: str | None, page: Page) -> UserPage:
        rows = await self._all(
            _users_page(search is not None),
            search=search and f"%{_escape_like(identity_key(search))}%",
            limit=page.limit,
            offset=page.offset,
        )
        total = rows[0].total if rows else 0
        views = [
            UserAdminView(
                username=row.username,
                email=row.email,
                role=row.role,
                suspended=row.suspended_at is not None,
                created_at=row.created_at,
            )
            for row in rows
            if row.username is not None
        ]
        return UserPage(users=views, count=total)

    async def audit(self, page: Page) -> AuditPage:
        rows = await self._all(_AUDIT_PAGE, limit=page.limit, offset=page.offset)
        total = rows[0].total if rows else 0
        views = [
            AuditView(
                id=row.id,
                actor=row.actor,
                action=row.action,
                target=row.target,
                reason=row.reason,
                at=row.at,
            )
            for row in rows
            if row.id is not None
        ]
        return AuditPage(entries=views, count=total)

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

    return _counted_page(
        articles,
        conditions,
        order_by=[articles.c.created_at.desc(), articles.c.id.desc()],
        columns=_article_columns(viewer),
        joins=[(users, users.c.id == articles.c.author_id)],
    )


def _counted_page(
    table: Table,
    conditions: list[ColumnElement[bool]],
    *,
    order_by: list[Any],
    columns: list[Any],
    joins: Sequence[tuple[Any, Any]] = (),
) -> Select[Any]:
    """The total count of `table`'s rows meeting `conditions`, outer-joined to the page of
    them (`:limit`, `:offset`): one statement whose count and page each scan an index, and
    only the page's rows are joined further. Past the end, one row carries only the total."""
    total = select(func.count().label("total")).select_from(table).where(*conditions).cte("total")
    key = next(iter(table.primary_key.columns))
    page = (
        select(key)
        .where(*conditions)
        .order_by(*order_by)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
        .cte("page")
    )
    page_rows = page.join(table, key == page.c[key.name])
    for joined, on in joins:
        page_rows = page_rows.join(joined, on)
    return (
        select(total.c.total, *columns)
        .select_from(total.outerjoin(page_rows, true()))
        .order_by(*order_by)
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
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )


@cache
def _profile_by_username(viewer: bool) -> Select[Any]:
    return select(*_profile_columns(users.c.id, viewer)).where(
        users.c.username_key == bindparam("username")
    )


# The revocation check of every authenticated request: one primary key lookup, which also
# notes the session's use once a minute at most.
_ACTIVE_CALLER = text(
    """
    WITH caller AS (
        SELECT s.id, s.user_id, u.role
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = :session_id AND s.revoked_at IS NULL AND s.expires_at > :now
          AND u.suspended_at IS NULL
    ), touched AS (
        UPDATE sessions SET last_used_at = :now
        WHERE id = (SELECT id FROM caller) AND last_used_at < :now - interval '1 minute'
    )
    SELECT user_id, role FROM caller
    """
).columns(sessions.c.user_id, users.c.role)


@cache
def _users_page(search: bool) -> Select[Any]:
    pattern: Any = bindparam("search")
    conditions = (
        [
            or_(
                users.c.username_key.like(pattern, escape="\\"),
                users.c.email_key.like(pattern, escape="\\"),
            )
        ]
        if search
        else []
    )
    return _counted_page(
        users,
        conditions,
        order_by=[users.c.created_at.desc(), users.c.id.desc()],
        columns=[
            users.c.username,
            users.c.email,
            users.c.role,
            users.c.suspended_at,
            users.c.created_at,
        ],
    )


_AUDIT_PAGE = _counted_page(
    audit_log,
    [],
    order_by=[audit_log.c.at.desc(), audit_log.c.id.desc()],
    columns=[
        audit_log.c.id,
        audit_log.c.actor,
        audit_log.c.action,
        audit_log.c.target,
        audit_log.c.reason,
        audit_log.c.at,
    ],
)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# The first rows of ix_tags_articles_count_name: `tags` holds only the names in use.
_MOST_USED_TAGS = (
    select(tags.c.name)
    .order_by(tags.c.articles_count.desc(), tags.c.name)
    .limit(bindparam("limit"))
)


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
