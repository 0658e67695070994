from types import TracebackType
from typing import Protocol, Self

from application.ports.repositories import (
    ArticleRepository,
    AuditLog,
    CommentRepository,
    FavoriteRepository,
    FollowRepository,
    RefreshTokenRepository,
    SessionRepository,
    UserRepository,
)


class UnitOfWork(Protocol):
    """One transaction. Changes persist only on `commit()`; leaving the block without it
    rolls back. A write that a concurrent transaction makes impossible raises what the
    sequential order would have: `AlreadyTaken` for a unique value claimed meanwhile,
    `NotFound` for an article deleted meanwhile (from `commit()` or from the repository
    method that wrote). One instance serves one `async with` at a time."""

    # Plain attributes, not read-only properties: an adapter that subclasses this port sets
    # them on entering, and an inherited property would refuse the assignment.
    users: UserRepository
    articles: ArticleRepository
    comments: CommentRepository
    favorites: FavoriteRepository
    follows: FollowRepository
    sessions: SessionRepository
    refresh_tokens: RefreshTokenRepository
    audit: AuditLog

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...
