from uuid import UUID

from sqlalchemy import exists, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres.tables import articles, tags
from domain.articles import Article


class SqlaArticleRepository:
    """Articles through the ORM; new tag names join `tags` on flush."""

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
        """Records the tag names of articles whose tags changed; runs after the ORM flush."""
        names: set[str] = set()
        for article_id, article in self._seen.items():
            stored = self._stored_tags[article_id] or []
            names.update(set(article.tag_list) - set(stored))
            self._stored_tags[article_id] = list(article.tag_list)
        if names:
            await self._session.execute(
                insert(tags)
                .values([{"name": name} for name in sorted(names)])
                .on_conflict_do_nothing()
            )
