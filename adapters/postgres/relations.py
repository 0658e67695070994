"""Favorites and follows: link rows written with single idempotent statements."""

from uuid import UUID

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres.tables import favorites, follows
from application.ports.repositories import FavoriteRepository, FollowRepository


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
