from application.articles.owned import load_article
from application.audit import record
from application.permissions import require_permission
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from domain.roles import Permission


class DeleteArticle:
    """The author deletes an article, and with it its comments, favorites and tags.
    Moderators may delete anyone's, and that is audited."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, principal: Principal, slug: str, reason: str | None = None) -> None:
        async with self._uow:
            article = await load_article(self._uow, slug)
            if not article.is_written_by(principal.user_id):
                require_permission(principal, Permission.DELETE_ANY_ARTICLE, "article")
                await record(
                    self._uow,
                    principal,
                    action="article.delete",
                    target=f"article:{slug}",
                    reason=reason,
                    now=self._clock.now(),
                )
            await self._uow.articles.delete(article)
            await self._uow.commit()
