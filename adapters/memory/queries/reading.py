from uuid import UUID

from adapters.memory.store import InMemoryStore
from application.profiles.views import ProfileView
from domain.identifiers import identity_key
from domain.users import User


class InMemoryReads:
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store

    def _profile(self, user: User, viewer_id: UUID | None) -> ProfileView:
        return ProfileView.of(user, following=(viewer_id, user.id) in self._store.follows)

    def _user_named(self, username: str) -> User | None:
        wanted = identity_key(username)
        return next((u for u in self._store.users.values() if u.username_key == wanted), None)
