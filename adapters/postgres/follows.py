from uuid import UUID

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres.tables import follows
from application.ports.repositories import FollowRepository


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
