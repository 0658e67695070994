from typing import Protocol
from uuid import UUID

from domain.users import User


class UserRepository(Protocol):
    async def get(self, user_id: UUID) -> User | None: ...

    async def get_by_email(self, email: str) -> User | None:
        """Looks the e-mail up ignoring case."""
        ...

    async def taken(
        self,
        *,
        username: str | None = None,
        email: str | None = None,
        excluding: UUID | None = None,
    ) -> list[str]:
        """Which of the given identifiers ("username", "email") another account already uses,
        ignoring case."""
        ...

    def add(self, user: User) -> None: ...
