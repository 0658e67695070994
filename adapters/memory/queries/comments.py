from uuid import UUID

from adapters.memory.queries.reading import InMemoryReads
from application.comments.views import CommentView
from application.ports.queries import CommentQueries, Page


class InMemoryCommentQueries(InMemoryReads, CommentQueries):
    async def comments(
        self, article_id: UUID, page: Page, *, viewer_id: UUID | None
    ) -> list[CommentView]:
        found = [c for c in self._store.comments.values() if c.article_id == article_id]
        found.sort(key=lambda c: (c.created_at, c.id or 0), reverse=True)
        return [
            CommentView(
                id=c.id or 0,
                body=c.body,
                created_at=c.created_at,
                updated_at=c.updated_at,
                author=self._profile(self._store.users[c.author_id], viewer_id),
            )
            for c in found[page.offset : page.offset + page.limit]
        ]
