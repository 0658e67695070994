from uuid import UUID

from adapters.memory.queries.reading import InMemoryReads
from application.ports.queries import AccountQueries
from application.sessions.views import Account


class InMemoryAccountQueries(InMemoryReads, AccountQueries):
    async def account(self, user_id: UUID) -> Account | None:
        user = self._store.users.get(user_id)
        return None if user is None else Account.of(user)
