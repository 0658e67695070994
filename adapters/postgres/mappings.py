"""Maps the plain domain classes onto the tables from outside (imperative mapping)."""

from sqlalchemy.orm import registry

from adapters.postgres.tables import (
    articles,
    audit_log,
    comments,
    metadata,
    refresh_tokens,
    sessions,
    users,
)
from domain.articles import Article
from domain.audit import AuditRecord
from domain.comments import Comment
from domain.sessions import RefreshToken, Session
from domain.users import User

mapper_registry = registry(metadata=metadata)


def start_mappers() -> None:
    """Idempotent: maps every entity once per process."""
    if mapper_registry.mappers:
        return
    mapper_registry.map_imperatively(User, users)
    # The favorites count is the read side's: kept by SQL, never written by the ORM.
    mapper_registry.map_imperatively(Article, articles, exclude_properties=["favorites_count"])
    mapper_registry.map_imperatively(Comment, comments)
    mapper_registry.map_imperatively(Session, sessions)
    mapper_registry.map_imperatively(RefreshToken, refresh_tokens)
    mapper_registry.map_imperatively(AuditRecord, audit_log)
