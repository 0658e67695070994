from uuid import UUID

from adapters.memory.queries.reading import InMemoryReads
from application.ports.queries import ProfileQueries
from application.profiles.views import ProfileView


class InMemoryProfileQueries(InMemoryReads, ProfileQueries):
    async def profile(self, username: str, *, viewer_id: UUID | None) -> ProfileView | None:
        user = self._user_named(username)
        return None if user is None else self._profile(user, viewer_id)
