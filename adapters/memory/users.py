import copy
from uuid import UUID

from adapters.memory.store import InMemoryStore
from domain.users import User


class InMemoryUserRepository:
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self._loaded: dict[UUID, User] = {}

    async def get(self, user_id: UUID) -> User | None:
        return self._load(self._store.users.get(user_id))

    async def get_by_email(self, email: str) -> User | None:
        wanted = email.lower()
        match = next((u for u in self._store.users.values() if u.email.lower() == wanted), None)
        return self._load(match)

    async def taken(
        self,
        *,
        username: str | None = None,
        email: str | None = None,
        excluding: UUID | None = None,
    ) -> list[str]:
        others = [u for u in self._store.users.values() if u.id != excluding]
        fields: list[str] = []
        if username is not None and any(u.username.lower() == username.lower() for u in others):
            fields.append("username")
        if email is not None and any(u.email.lower() == email.lower() for u in others):
            fields.append("email")
        return fields

    def add(self, user: User) -> None:
        self._loaded[user.id] = user

    def pending(self) -> dict[UUID, User]:
        return dict(self._loaded)

    def forget(self) -> None:
        self._loaded.clear()

    def _load(self, stored: User | None) -> User | None:
        if stored is None:
            return None
        return self._loaded.setdefault(stored.id, copy.copy(stored))
