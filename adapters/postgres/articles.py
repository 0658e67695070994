from uuid import UUID

from sqlalchemy import delete, exists, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres.tables import article_tags, articles
from domain.articles import Article


class SqlaArticleRepository:
    """Articles through the ORM; the `article_tags` links follow `tag_list` on flush."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._stored_tags: dict[UUID, list[str] | None] = {}
        self._seen: dict[UUID, Article] = {}

    async def get_by_slug(self, slug: str) -> Article | None:
        article = (
            await self._session.scalars(select(Article).where(articles.c.slug == slug))
        ).one_or_none()
        if article is not None and article.id not in self._seen:
            self._seen[article.id] = article
            self._stored_tags[article.id] = list(article.tag_list)
        return article

    async def slug_taken(self, slug: str) -> bool:
        return bool(await self._session.scalar(select(exists().where(articles.c.slug == slug))))

    def add(self, article: Article) -> None:
        self._session.add(article)
        self._seen[article.id] = article
        self._stored_tags[article.id] = None

    async def delete(self, article: Article) -> None:
        # Comments, favorites and tag links go with it: ON DELETE CASCADE, same transaction.
        await self._session.delete(article)
        self._seen.pop(article.id, None)

    async def sync_tags(self) -> None:
        """Writes the tag links of articles whose tags changed; runs after the ORM flush."""
        for article_id, article in self._seen.items():
            if article.tag_list == self._stored_tags[article_id]:
                continue
            if self._stored_tags[article_id]:
                await self._session.execute(
                    delete(article_tags).where(article_tags.c.article_id == article_id)
                )
            if article.tag_list:
                await self._session.execute(
                    insert(article_tags),
                    [{"article_id": article_id, "tag": tag} for tag in article.tag_list],
                )
            self._stored_tags[article_id] = list(article.tag_list)
