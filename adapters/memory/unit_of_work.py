from types import TracebackType
from typing import Self

from adapters.memory.articles import InMemoryArticleRepository, InMemoryFavoriteRepository
from adapters.memory.comments import InMemoryCommentRepository
from adapters.memory.follows import InMemoryFollowRepository
from adapters.memory.sessions import (
    InMemoryAuditLog,
    InMemoryRefreshTokenRepository,
    InMemorySessionRepository,
)
from adapters.memory.store import InMemoryStore
from adapters.memory.users import InMemoryUserRepository
from application.errors import AlreadyTaken
from application.ports.unit_of_work import UnitOfWork


class InMemoryUnitOfWork(UnitOfWork):
    """Works on a copy of the store that replaces it on commit, so uncommitted changes
    vanish as with a database. Enforces the same unique rules as the schema."""

    users: InMemoryUserRepository
    articles: InMemoryArticleRepository
    comments: InMemoryCommentRepository
    favorites: InMemoryFavoriteRepository
    follows: InMemoryFollowRepository
    sessions: InMemorySessionRepository
    refresh_tokens: InMemoryRefreshTokenRepository
    audit: InMemoryAuditLog

    def __init__(self, store: InMemoryStore) -> None:
        self.store = store
        self.committed = 0

    async def __aenter__(self) -> Self:
        self._state = state = self.store.copy()
        self.users = InMemoryUserRepository(state)
        self.articles = InMemoryArticleRepository(state)
        self.comments = InMemoryCommentRepository(state)
        self.favorites = InMemoryFavoriteRepository(state)
        self.follows = InMemoryFollowRepository(state)
        self.sessions = InMemorySessionRepository(state)
        self.refresh_tokens = InMemoryRefreshTokenRepository(state)
        self.audit = InMemoryAuditLog(state)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    async def commit(self) -> None:
        _check_unique(self._state)
        _check_references(self._state)
        self.store.replace_with(self._state)
        self.committed += 1


def _check_references(state: InMemoryStore) -> None:
    """What the schema's foreign keys check at commit."""
    orphans: list[object] = [s for s in state.sessions.values() if s.user_id not in state.users]
    orphans += [t for t in state.refresh_tokens.values() if t.session_id not in state.sessions]
    if orphans:
        raise ValueError(f"references to nothing: {orphans}")


def _check_unique(state: InMemoryStore) -> None:
    columns = {
        "username": [u.username_key for u in state.users.values()],
        "email": [u.email_key for u in state.users.values()],
        "slug": [a.slug for a in state.articles.values()],
    }
    taken = [name for name, values in columns.items() if len(values) != len(set(values))]
    if taken:
        raise AlreadyTaken(taken)
