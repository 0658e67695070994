"""Favoriting and unfavoriting: both idempotent, both answer with the article."""

from application.articles.get import find_article
from application.articles.owned import load_article
from application.articles.views import ArticleView
from application.ports.queries import ArticleQueries
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal


class _FavoriteToggle:
    favorite: bool

    def __init__(self, uow: UnitOfWork, articles: ArticleQueries) -> None:
        self._uow = uow
        self._articles = articles

    async def __call__(self, principal: Principal, slug: str) -> ArticleView:
        async with self._uow:
            article = await load_article(self._uow, slug)
            change = self._uow.favorites.add if self.favorite else self._uow.favorites.remove
            await change(user_id=principal.user_id, article_id=article.id)
            await self._uow.commit()
        return await find_article(self._articles, slug, principal)


class FavoriteArticle(_FavoriteToggle):
    """Favoriting twice counts once."""

    favorite = True


class UnfavoriteArticle(_FavoriteToggle):
    """Unfavoriting an article not favorited changes nothing."""

    favorite = False
