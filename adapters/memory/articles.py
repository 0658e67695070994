from uuid import UUID

from adapters.memory.store import InMemoryStore
from application.ports.repositories import ArticleRepository, FavoriteRepository
from domain.articles import Article


class InMemoryArticleRepository(ArticleRepository):
    def __init__(self, state: InMemoryStore) -> None:
        self._state = state

    async def get_by_slug(self, slug: str) -> Article | None:
        return next((a for a in self._state.articles.values() if a.slug == slug), None)

    async def slug_taken(self, slug: str) -> bool:
        return await self.get_by_slug(slug) is not None

    def add(self, article: Article) -> None:
        self._state.articles[article.id] = article

    async def delete(self, article: Article) -> None:
        state = self._state
        del state.articles[article.id]
        state.comments = {k: c for k, c in state.comments.items() if c.article_id != article.id}
        state.favorites = {f for f in state.favorites if f[1] != article.id}


class InMemoryFavoriteRepository(FavoriteRepository):
    def __init__(self, state: InMemoryStore) -> None:
        self._state = state

    async def add(self, *, user_id: UUID, article_id: UUID) -> None:
        self._state.favorites.add((user_id, article_id))

    async def remove(self, *, user_id: UUID, article_id: UUID) -> None:
        self._state.favorites.discard((user_id, article_id))
