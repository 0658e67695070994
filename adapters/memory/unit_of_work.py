import copy
from collections.abc import Iterable
from types import TracebackType
from typing import Self

from adapters.memory.store import InMemoryStore
from adapters.memory.users import InMemoryUserRepository
from application.errors import AlreadyTaken
from domain.users import User


class InMemoryUnitOfWork:
    """Hands out copies, so changes reach the store only on commit, as with a database."""

    users: InMemoryUserRepository

    def __init__(self, store: InMemoryStore) -> None:
        self.store = store
        self.committed = 0

    async def __aenter__(self) -> Self:
        self.users = InMemoryUserRepository(self.store)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        del self.users

    async def commit(self) -> None:
        users = {**self.store.users, **self.users.pending()}
        _check_unique(users.values())
        self.store.users = {user_id: copy.copy(user) for user_id, user in users.items()}
        self.users.forget()
        self.committed += 1


def _check_unique(users: Iterable[User]) -> None:
    seen: dict[str, set[str]] = {"username": set(), "email": set()}
    taken: list[str] = []
    for user in users:
        for name in ("username", "email"):
            key = getattr(user, name).lower()
            if key in seen[name] and name not in taken:
                taken.append(name)
            seen[name].add(key)
    if taken:
        raise AlreadyTaken(taken)
