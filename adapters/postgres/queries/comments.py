from functools import cache
from typing import Any
from uuid import UUID

from sqlalchemy import Select, bindparam, select

from adapters.postgres.queries.reading import SqlaReads, profile_columns, profile_view
from adapters.postgres.tables import comments, users
from application.comments.views import CommentView
from application.ports.queries import CommentQueries, Page


class SqlaCommentQueries(SqlaReads, CommentQueries):
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
                author=profile_view(row),
            )
            for row in rows
        ]


@cache
def _comments_of_article(viewer: bool) -> Select[Any]:
    return (
        select(
            comments.c.id,
            comments.c.body,
            comments.c.created_at,
            comments.c.updated_at,
            *profile_columns(comments.c.author_id, viewer),
        )
        .join(users, users.c.id == comments.c.author_id)
        .where(comments.c.article_id == bindparam("article_id"))
        .order_by(comments.c.created_at.desc(), comments.c.id.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
