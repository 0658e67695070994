from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres.tables import articles
from application.ports.repositories import ArticleRepository
from domain.articles import Article


class SqlaArticleRepository(ArticleRepository):
    """Articles through the ORM; triggers on `articles` keep `tags` counting them."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get_by_slug(self, slug: str) -> Article | None:
        return (
            await self._session.scalars(select(Article).where(articles.c.slug == slug))
        ).one_or_none()

    async def slug_taken(self, slug: str) -> bool:
        return bool(await self._session.scalar(select(exists().where(articles.c.slug == slug))))

    def add(self, article: Article) -> None:
        self._session.add(article)

    async def delete(self, article: Article) -> None:
        # Comments and favorites go with it: ON DELETE CASCADE, same transaction.
        await self._session.delete(article)
