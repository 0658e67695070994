from uuid import UUID

from sqlalchemy import bindparam, select

from adapters.postgres.queries.reading import SqlaReads
from adapters.postgres.tables import users
from application.ports.queries import AccountQueries
from application.sessions.views import Account


class SqlaAccountQueries(SqlaReads, AccountQueries):
    async def account(self, user_id: UUID) -> Account | None:
        row = await self._one(_ACCOUNT, user_id=user_id)
        if row is None:
            return None
        return Account(username=row.username, email=row.email, bio=row.bio, image=row.image)


_ACCOUNT = select(users.c.username, users.c.email, users.c.bio, users.c.image).where(
    users.c.id == bindparam("user_id")
)
