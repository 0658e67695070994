from uuid import UUID

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres.tables import users
from application.ports.repositories import UserRepository
from domain.identifiers import identity_key
from domain.roles import Role
from domain.users import User


class SqlaUserRepository(UserRepository):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, user_id: UUID) -> User | None:
        return await self._session.get(User, user_id)

    async def get_by_email(self, email: str) -> User | None:
        query = select(User).where(users.c.email_key == identity_key(email))
        return (await self._session.scalars(query)).one_or_none()

    async def get_by_username(self, username: str) -> User | None:
        query = select(User).where(users.c.username_key == identity_key(username))
        return (await self._session.scalars(query)).one_or_none()

    async def taken(
        self,
        *,
        username: str | None = None,
        email: str | None = None,
        excluding: UUID | None = None,
    ) -> list[str]:
        checks = {
            "username": users.c.username_key == identity_key(username) if username else None,
            "email": users.c.email_key == identity_key(email) if email else None,
        }
        wanted = {field: check for field, check in checks.items() if check is not None}
        if not wanted:
            return []
        query = select(*(check.label(field) for field, check in wanted.items())).where(
            or_(*wanted.values())
        )
        if excluding is not None:
            query = query.where(users.c.id != excluding)
        rows = (await self._session.execute(query)).all()
        return [field for field in wanted if any(getattr(row, field) for row in rows)]

    def add(self, user: User) -> None:
        self._session.add(user)

    async def lock_active_admins(self) -> set[UUID]:
        query = (
            select(users.c.id)
            .where(users.c.role == Role.ADMIN, users.c.suspended_at.is_(None))
            .order_by(users.c.id)  # every caller locks in one order, so none deadlock
            .with_for_update()
        )
        return set((await self._session.scalars(query)).all())
