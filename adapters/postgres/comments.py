from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres.tables import comments
from application.ports.repositories import CommentRepository
from domain.comments import Comment


class SqlaCommentRepository(CommentRepository):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, comment_id: int, *, article_id: UUID) -> Comment | None:
        query = select(Comment).where(
            comments.c.id == comment_id, comments.c.article_id == article_id
        )
        return (await self._session.scalars(query)).one_or_none()

    async def add(self, comment: Comment) -> None:
        self._session.add(comment)
        await self._session.flush()  # the database numbers it

    async def delete(self, comment: Comment) -> None:
        await self._session.delete(comment)
