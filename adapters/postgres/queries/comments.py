from functools import cache
from typing import Any
from uuid import UUID

from sqlalchemy import Select, bindparam, select, true

from adapters.postgres.queries.reading import SqlaReads, profile_columns, profile_view
from adapters.postgres.tables import articles, comments, users
from application.comments.views import CommentView
from application.ports.queries import CommentQueries, Page


class SqlaCommentQueries(SqlaReads, CommentQueries):
    async def comments(
        self, slug: str, page: Page, *, viewer_id: UUID | None
    ) -> list[CommentView] | None:
        rows = await self._all(
            _comments_of_article(viewer_id is not None),
            slug=slug,
            viewer_id=viewer_id,
            limit=page.limit,
            offset=page.offset,
        )
        if not rows:
            return None
        return [
            CommentView(
                id=row.id,
                body=row.body,
                created_at=row.created_at,
                updated_at=row.updated_at,
                author=profile_view(row),
            )
            for row in rows
            if row.id is not None
        ]


@cache
def _comments_of_article(viewer: bool) -> Select[Any]:
    """The article's row outer-joined to the page of its comments: no row at all when
    there is no such article, one without a comment when the page is empty."""
    article = select(articles.c.id).where(articles.c.slug == bindparam("slug")).cte("article")
    page = (
        select(
            comments.c.id,
            comments.c.body,
            comments.c.created_at,
            comments.c.updated_at,
            *profile_columns(comments.c.author_id, viewer),
        )
        .join(users, users.c.id == comments.c.author_id)
        .where(comments.c.article_id == select(article.c.id).scalar_subquery())
        .order_by(comments.c.created_at.desc(), comments.c.id.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
        .cte("page")
    )
    return (
        select(page)
        .select_from(article.outerjoin(page, true()))
        .order_by(page.c.created_at.desc(), page.c.id.desc())
    )
