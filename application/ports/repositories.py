"""Repositories: the aggregates a unit of work loads and stores."""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from domain.articles import Article
from domain.audit import AuditRecord
from domain.comments import Comment
from domain.sessions import RefreshToken, Session
from domain.users import User


class UserRepository(Protocol):
    async def get(self, user_id: UUID) -> User | None: ...

    async def get_by_email(self, email: str) -> User | None:
        """Looks the e-mail up by its `identity_key`."""
        ...

    async def get_by_username(self, username: str) -> User | None:
        """Looks the username up by its `identity_key`."""
        ...

    async def taken(
        self,
        *,
        username: str | None = None,
        email: str | None = None,
        excluding: UUID | None = None,
    ) -> list[str]:
        """Which of the given identifiers ("username", "email") another account already uses,
        by `identity_key`."""
        ...

    def add(self, user: User) -> None: ...

    async def lock_active_admins(self) -> set[UUID]:
        """The ids of the administrators not suspended, held until the transaction ends: a
        concurrent caller waits, then sees what this transaction changed. So changes of
        roles and suspensions take turns."""
        ...


class ArticleRepository(Protocol):
    async def get_by_slug(self, slug: str) -> Article | None: ...

    async def slug_taken(self, slug: str) -> bool: ...

    def add(self, article: Article) -> None: ...

    async def delete(self, article: Article) -> None:
        """Removes the article with its comments, favorites and tags."""
        ...


class CommentRepository(Protocol):
    async def get(self, comment_id: int, *, article_id: UUID) -> Comment | None:
        """The comment with that id on that article."""
        ...

    async def add(self, comment: Comment) -> None:
        """Stores the comment and gives it its id."""
        ...

    async def delete(self, comment: Comment) -> None: ...


class FavoriteRepository(Protocol):
    """Favorites, keeping each article's favorites count exact under concurrency."""

    async def add(self, *, user_id: UUID, article_id: UUID) -> None:
        """Idempotent: favoriting twice counts once."""
        ...

    async def remove(self, *, user_id: UUID, article_id: UUID) -> None: ...


class FollowRepository(Protocol):
    async def add(self, *, follower_id: UUID, followee_id: UUID) -> None:
        """Idempotent."""
        ...

    async def remove(self, *, follower_id: UUID, followee_id: UUID) -> None: ...


class SessionRepository(Protocol):
    async def get(self, session_id: UUID) -> Session | None: ...

    def add(self, session: Session) -> None: ...

    async def of_user(self, user_id: UUID) -> list[Session]:
        """Every session of the user, newest first, revoked and expired ones included."""
        ...

    async def revoke_all(self, user_id: UUID, *, now: datetime, keep: UUID | None = None) -> None:
        """Revokes every session of the user but `keep`."""
        ...

    async def delete_expired(self, *, now: datetime) -> int:
        """Removes sessions past their expiry or revoked before `now`; returns how many."""
        ...


@dataclass(frozen=True, slots=True)
class RefreshClaim:
    session_id: UUID
    reused: bool
    """The token had been used before: someone is replaying it."""


class RefreshTokenRepository(Protocol):
    def add(self, token: RefreshToken) -> None: ...

    async def claim(self, digest: str, *, now: datetime) -> RefreshClaim | None:
        """Marks the token with this digest used. Atomic: of concurrent claims of one token,
        exactly one is not `reused`. An unknown digest gives None."""
        ...


class AuditLog(Protocol):
    def add(self, record: AuditRecord) -> None: ...
