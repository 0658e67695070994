from uuid import UUID

from adapters.memory.store import InMemoryStore
from application.ports.repositories import UserRepository
from domain.identifiers import identity_key
from domain.roles import Role
from domain.users import User


class InMemoryUserRepository(UserRepository):
    def __init__(self, state: InMemoryStore) -> None:
        self._state = state

    async def get(self, user_id: UUID) -> User | None:
        return self._state.users.get(user_id)

    async def get_by_email(self, email: str) -> User | None:
        return self._find("email_key", email)

    async def get_by_username(self, username: str) -> User | None:
        return self._find("username_key", username)

    async def taken(
        self,
        *,
        username: str | None = None,
        email: str | None = None,
        excluding: UUID | None = None,
    ) -> list[str]:
        wanted = {"username": username, "email": email}
        return [
            field
            for field, value in wanted.items()
            if value is not None
            and (found := self._find(f"{field}_key", value)) is not None
            and found.id != excluding
        ]

    def add(self, user: User) -> None:
        self._state.users[user.id] = user

    async def lock_active_admins(self) -> set[UUID]:
        # Nothing to hold: a unit of work here changes a copy that replaces the store whole.
        users = self._state.users.values()
        return {u.id for u in users if u.role is Role.ADMIN and not u.suspended}

    def _find(self, key: str, value: str) -> User | None:
        wanted = identity_key(value)
        users = self._state.users.values()
        return next((u for u in users if getattr(u, key) == wanted), None)
