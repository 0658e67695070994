from application.articles.owned import load_article
from application.errors import NotFound
from application.moderation import allow_deletion
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
            await allow_deletion(
                self._uow,
                principal,
                comment,
                permission=Permission.DELETE_ANY_COMMENT,
                resource="comment",
                target=f"comment:{comment_id} on article:{slug}",
                reason=reason,
                now=self._clock.now(),
            )
            await self._uow.comments.delete(comment)
            await self._uow.commit()
