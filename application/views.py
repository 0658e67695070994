"""Read models: what the read side returns, shaped for display, never for changing."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.articles import Article
from domain.audit import AuditRecord
from domain.comments import Comment
from domain.roles import Role
from domain.sessions import Session
from domain.users import User


@dataclass(frozen=True, slots=True)
class ProfileView:
    username: str
    bio: str | None
    image: str | None
    following: bool

    @classmethod
    def of(cls, user: User, *, following: bool) -> "ProfileView":
        return cls(username=user.username, bio=user.bio, image=user.image, following=following)


@dataclass(frozen=True, slots=True)
class ArticleView:
    """`body` is None in lists, which leave it out."""

    slug: str
    title: str
    description: str
    body: str | None
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    favorited: bool
    favorites_count: int
    author: ProfileView

    @classmethod
    def of_new(cls, article: Article, author: User) -> "ArticleView":
        """The view of an article its author has just written."""
        return cls(
            slug=article.slug,
            title=article.title,
            description=article.description,
            body=article.body,
            tags=tuple(article.tag_list),
            created_at=article.created_at,
            updated_at=article.updated_at,
            favorited=False,
            favorites_count=0,
            author=ProfileView.of(author, following=False),
        )


@dataclass(frozen=True, slots=True)
class ArticlePage:
    articles: list[ArticleView]
    count: int
    """How many articles match in all, not just on this page."""


@dataclass(frozen=True, slots=True)
class CommentView:
    id: int
    body: str
    created_at: datetime
    updated_at: datetime
    author: ProfileView

    @classmethod
    def of_new(cls, comment: Comment, author: User) -> "CommentView":
        """The view of a comment its author has just posted."""
        assert comment.id is not None, "a stored comment has an id"
        return cls(
            id=comment.id,
            body=comment.body,
            created_at=comment.created_at,
            updated_at=comment.updated_at,
            author=ProfileView.of(author, following=False),
        )


@dataclass(frozen=True, slots=True)
class SessionView:
    id: UUID
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    user_agent: str | None
    ip: str | None
    current: bool
    """Whether this is the session the request came in."""

    @classmethod
    def of(cls, session: Session, *, current: bool) -> "SessionView":
        return cls(
            id=session.id,
            created_at=session.created_at,
            last_used_at=session.last_used_at,
            expires_at=session.expires_at,
            user_agent=session.user_agent,
            ip=session.ip,
            current=current,
        )


@dataclass(frozen=True, slots=True)
class UserAdminView:
    """An account as administrators see it."""

    username: str
    email: str
    role: Role
    suspended: bool
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> "UserAdminView":
        return cls(
            username=user.username,
            email=user.email,
            role=user.role,
            suspended=user.suspended,
            created_at=user.created_at,
        )


@dataclass(frozen=True, slots=True)
class UserPage:
    users: list[UserAdminView]
    count: int


@dataclass(frozen=True, slots=True)
class AuditView:
    id: int
    actor: str
    action: str
    target: str
    reason: str | None
    at: datetime

    @classmethod
    def of(cls, record: AuditRecord) -> "AuditView":
        assert record.id is not None, "a stored record has an id"
        return cls(
            id=record.id,
            actor=record.actor,
            action=record.action,
            target=record.target,
            reason=record.reason,
            at=record.at,
        )


@dataclass(frozen=True, slots=True)
class AuditPage:
    entries: list[AuditView]
    count: int
