from application.articles.owned import load_own_article
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal


class DeleteArticle:
    """The author deletes an article, and with it its comments, favorites and tags."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, principal: Principal, slug: str) -> None:
        async with self._uow:
            article = await load_own_article(self._uow, slug, principal)
            await self._uow.articles.delete(article)
            await self._uow.commit()
