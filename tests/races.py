"""Forcing a race to happen: another transaction deletes an article between a unit of
work's load and its write."""

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker

from adapters.postgres.articles import SqlaArticleRepository
from adapters.postgres.unit_of_work import SqlaUnitOfWork
from domain.articles import Article


def delete_after_next_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """The next article a unit of work loads is deleted, by another transaction on the same
    database, as soon as it is loaded."""
    load = SqlaArticleRepository.get_by_slug

    async def load_then_lose(self: SqlaArticleRepository, slug: str) -> Article | None:
        monkeypatch.setattr(SqlaArticleRepository, "get_by_slug", load)
        article = await load(self, slug)
        async with SqlaUnitOfWork(async_sessionmaker(self._session.bind)) as other:
            found = await other.articles.get_by_slug(slug)
            assert found is not None
            await other.articles.delete(found)
            await other.commit()
        return article

    monkeypatch.setattr(SqlaArticleRepository, "get_by_slug", load_then_lose)
