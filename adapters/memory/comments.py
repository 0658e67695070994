from uuid import UUID

from adapters.memory.store import InMemoryStore
from application.ports.repositories import CommentRepository
from domain.comments import Comment


class InMemoryCommentRepository(CommentRepository):
    def __init__(self, state: InMemoryStore) -> None:
        self._state = state

    async def get(self, comment_id: int, *, article_id: UUID) -> Comment | None:
        comment = self._state.comments.get(comment_id)
        return comment if comment is not None and comment.article_id == article_id else None

    async def add(self, comment: Comment) -> None:
        self._state.last_comment_id += 1
        comment.id = self._state.last_comment_id
        self._state.comments[comment.id] = comment

    async def delete(self, comment: Comment) -> None:
        assert comment.id is not None
        del self._state.comments[comment.id]
