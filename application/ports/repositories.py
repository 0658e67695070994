"""Repositories: the aggregates a unit of work loads and stores."""

from typing import Protocol
from uuid import UUID

from domain.articles import Article
from domain.comments import Comment
from domain.users import User


class UserRepository(Protocol):
    async def get(self, user_id: UUID) -> User | None: ...

    async def get_by_email(self, email: str) -> User | None:
        """Looks the e-mail up ignoring case."""
        ...

    async def get_by_username(self, username: str) -> User | None:
        """Looks the username up ignoring case."""
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
