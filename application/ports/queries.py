"""Query ports: the read side. Each call is a fixed, small number of statements whatever
the page size; list pages never load full aggregates."""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from application.admin.views import AuditPage, UserPage
from application.articles.views import ArticlePage, ArticleView
from application.comments.views import CommentView
from application.profiles.views import ProfileView
from domain.errors import FieldErrors
from domain.roles import Role


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Filters by tag, author username and username of a user who favorited; None is
    "any". Usernames match by `identity_key`; an unknown one matches nothing."""

    tag: str | None = None
    author: str | None = None
    favorited_by: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """A window on a list: at most `MAX_LIMIT` items after skipping `offset`."""

    limit: int = 20
    offset: int = 0

    MAX_LIMIT = 100
    MAX_OFFSET = 2**31 - 1

    def __post_init__(self) -> None:
        errors = FieldErrors()
        if not 1 <= self.limit <= self.MAX_LIMIT:
            errors.add("limit", f"must be between 1 and {self.MAX_LIMIT}")
        if not 0 <= self.offset <= self.MAX_OFFSET:
            errors.add("offset", f"must be between 0 and {self.MAX_OFFSET}")
        errors.raise_if_any()


class ArticleQueries(Protocol):
    async def article(self, slug: str, *, viewer_id: UUID | None) -> ArticleView | None: ...

    async def articles(
        self, where: ArticleFilter, page: Page, *, viewer_id: UUID | None
    ) -> ArticlePage:
        """Newest first, ties broken by id, so pages are stable."""
        ...

    async def feed(self, page: Page, *, viewer_id: UUID) -> ArticlePage:
        """Articles of the authors the viewer follows, newest first."""
        ...


class CommentQueries(Protocol):
    async def comments(
        self, article_id: UUID, page: Page, *, viewer_id: UUID | None
    ) -> list[CommentView]:
        """Newest first, ties broken by id, so pages are stable."""
        ...


class ProfileQueries(Protocol):
    async def profile(self, username: str, *, viewer_id: UUID | None) -> ProfileView | None: ...


class TagQueries(Protocol):
    async def tags(self, limit: int) -> list[str]:
        """The `limit` tags carried by the most articles, the most used first, ties
        alphabetical. Costs the same however many tags were ever used or are in use."""
        ...


@dataclass(frozen=True, slots=True)
class ActiveCaller:
    user_id: UUID
    role: Role


class SessionLookup(Protocol):
    async def active_caller(self, session_id: UUID, *, now: datetime) -> ActiveCaller | None:
        """The user of the session if it is neither revoked nor expired and the user is not
        suspended; None otherwise. Runs on every authenticated request, so it costs one
        indexed lookup; it also records the session's use (at most once a minute)."""
        ...


class AdminQueries(Protocol):
    async def users(self, search: str | None, page: Page) -> UserPage:
        """Accounts whose username or e-mail contains `search`, compared by their
        `identity_key`s, newest first."""
        ...

    async def audit(self, page: Page) -> AuditPage:
        """Audit records, newest first."""
        ...
