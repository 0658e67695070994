"""Favorites and follows: link rows written with single idempotent statements."""

from uuid import UUID

from sqlalchemy import CTE, Update, delete, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres.tables import articles, favorites, follows
from application.ports.repositories import FavoriteRepository, FollowRepository


class SqlaFavoriteRepository(FavoriteRepository):
    """The article's `favorites_count` changes in the same statement as the link, only when
    the link really changed, so concurrent favorites count exactly."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, *, user_id: UUID, article_id: UUID) -> None:
        added = (
            insert(favorites)
            .values(user_id=user_id, article_id=article_id)
            .on_conflict_do_nothing()
            .returning(favorites.c.article_id)
            .cte("added")
        )
        await self._session.execute(self._count_change(added, +1))

    async def remove(self, *, user_id: UUID, article_id: UUID) -> None:
        removed = (
            delete(favorites)
            .where(favorites.c.user_id == user_id, favorites.c.article_id == article_id)
            .returning(favorites.c.article_id)
            .cte("removed")
        )
        await self._session.execute(self._count_change(removed, -1))

    @staticmethod
    def _count_change(changed: CTE, step: int) -> Update:
        return (
            update(articles)
            .where(articles.c.id.in_(select(changed.c.article_id)))
            .values(favorites_count=articles.c.favorites_count + step)
        )


class SqlaFollowRepository(FollowRepository):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, *, follower_id: UUID, followee_id: UUID) -> None:
        await self._session.execute(
            insert(follows)
            .values(follower_id=follower_id, followee_id=followee_id)
            .on_conflict_do_nothing()
        )

    async def remove(self, *, follower_id: UUID, followee_id: UUID) -> None:
        await self._session.execute(
            delete(follows).where(
                follows.c.follower_id == follower_id, follows.c.followee_id == followee_id
            )
        )
