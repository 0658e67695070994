from application.articles.owned import load_article
from application.audit import record
from application.errors import NotFound
from application.permissions import require_permission
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from domain.roles import Permission


class DeleteComment:
    """The comment's author deletes it. Moderators may delete anyone's, and that is
    audited."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, principal: Principal, slug: str, comment_id: int, reason: str | None = None
    ) -> None:
        async with self._uow:
            article = await load_article(self._uow, slug)
            comment = await self._uow.comments.get(comment_id, article_id=article.id)
            if comment is None:
                raise NotFound("comment")
            if not comment.is_written_by(principal.user_id):
                require_permission(principal, Permission.DELETE_ANY_COMMENT, "comment")
                await record(
                    self._uow,
                    principal,
                    action="comment.delete",
                    target=f"comment:{comment_id} on article:{slug}",
                    reason=reason,
                    now=self._clock.now(),
                )
            await self._uow.comments.delete(comment)
            await self._uow.commit()
