from uuid import UUID

from adapters.memory.store import InMemoryStore
from application.ports.repositories import FollowRepository


class InMemoryFollowRepository(FollowRepository):
    def __init__(self, state: InMemoryStore) -> None:
        self._state = state

    async def add(self, *, follower_id: UUID, followee_id: UUID) -> None:
        self._state.follows.add((follower_id, followee_id))

    async def remove(self, *, follower_id: UUID, followee_id: UUID) -> None:
        self._state.follows.discard((follower_id, followee_id))
