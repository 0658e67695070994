"""Articles and favorites."""

from uuid import UUID

from sqlalchemy import delete, exists, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres.tables import articles, favorites
from application.ports.repositories import ArticleRepository, FavoriteRepository
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


class SqlaFavoriteRepository(FavoriteRepository):
    """The article's `favorites_count` follows the links: triggers on `favorites` keep it
    (migration 0007), only when a link really changed."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, *, user_id: UUID, article_id: UUID) -> None:
        await self._session.execute(
            insert(favorites)
            .values(user_id=user_id, article_id=article_id)
            .on_conflict_do_nothing()
        )

    async def remove(self, *, user_id: UUID, article_id: UUID) -> None:
        await self._session.execute(
            delete(favorites).where(
                favorites.c.user_id == user_id, favorites.c.article_id == article_id
            )
        )
