from application.articles.get import find_article
from application.articles.owned import load_own_article
from application.articles.views import ArticleView
from application.ports.clock import Clock
from application.ports.queries import ArticleQueries
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from domain.articles import ArticleChanges


class UpdateArticle:
    """The author edits an article. Its slug stays, so links to it keep working."""

    def __init__(self, uow: UnitOfWork, articles: ArticleQueries, clock: Clock) -> None:
        self._uow = uow
        self._articles = articles
        self._clock = clock

    async def __call__(
        self, principal: Principal, slug: str, changes: ArticleChanges
    ) -> ArticleView:
        async with self._uow:
            article = await load_own_article(self._uow, slug, principal)
            article.edit(changes, self._clock.now())
            await self._uow.commit()
        return await find_article(self._articles, article.slug, principal)
