import dataclasses
from dataclasses import dataclass, field
from typing import TypeVar
from uuid import UUID

from domain.articles import Article
from domain.audit import AuditRecord
from domain.comments import Comment
from domain.sessions import RefreshToken, Session
from domain.users import User

K = TypeVar("K")
E = TypeVar("E", User, Article, Comment, Session, RefreshToken, AuditRecord)


@dataclass
class InMemoryStore:
    """The committed state shared by every unit of work of one fake database."""

    users: dict[UUID, User] = field(default_factory=dict)
    articles: dict[UUID, Article] = field(default_factory=dict)
    comments: dict[int, Comment] = field(default_factory=dict)
    favorites: set[tuple[UUID, UUID]] = field(default_factory=set)
    """(user id, article id)"""
    follows: set[tuple[UUID, UUID]] = field(default_factory=set)
    """(follower id, followee id)"""
    last_comment_id: int = 0
    sessions: dict[UUID, Session] = field(default_factory=dict)
    refresh_tokens: dict[str, RefreshToken] = field(default_factory=dict)
    audit: dict[int, AuditRecord] = field(default_factory=dict)

    def copy(self) -> "InMemoryStore":
        """A copy whose entities can change without touching this store."""
        return InMemoryStore(
            users=_copies(self.users),
            articles=_copies(self.articles),
            comments=_copies(self.comments),
            favorites=set(self.favorites),
            follows=set(self.follows),
            last_comment_id=self.last_comment_id,
            sessions=_copies(self.sessions),
            refresh_tokens=_copies(self.refresh_tokens),
            audit=_copies(self.audit),
        )

    def replace_with(self, other: "InMemoryStore") -> None:
        for name, value in vars(other.copy()).items():
            setattr(self, name, value)


def _copies(entities: dict[K, E]) -> dict[K, E]:
    return {key: dataclasses.replace(entity) for key, entity in entities.items()}
