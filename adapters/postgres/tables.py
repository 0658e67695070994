"""The schema as SQLAlchemy Core tables; migrations create it, mappings and queries use it.

Read paths are served from the article row: `favorites_count` (kept by triggers on
`favorites`, migration 0007) and the sorted `tag_list` are kept on it, in the same
transaction as the favorite or the edit that changes them; a GIN index on `tag_list` serves
the tag filter. `tags` counts the articles carrying each name."""

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    Enum,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY

from domain.roles import Role

metadata = MetaData(
    naming_convention={
        "pk": "pk_%(table_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)


def _timestamp(name: str) -> Column[object]:
    return Column(name, DateTime(timezone=True), nullable=False)


def _user_ref(name: str, *, deferrable: bool = False) -> Column[object]:
    """Deferrable references are checked at commit, so a user and what belongs to them
    (say, their first session) can be inserted in one transaction in any order."""
    reference = ForeignKey(
        "users.id",
        ondelete="CASCADE",
        deferrable=deferrable or None,
        initially="DEFERRED" if deferrable else None,
    )
    return Column(name, Uuid, reference, nullable=False)


def _article_ref() -> Column[object]:
    return Column("article_id", Uuid, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


users = Table(
    "users",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("username", Text, nullable=False),
    Column("email", Text, nullable=False),
    # `domain.identifiers.identity_key` of each: what every lookup compares. PostgreSQL's
    # lower() is never used for identity; it disagrees with Python's (say, on "İ").
    Column("username_key", Text, nullable=False, unique=True),
    Column("email_key", Text, nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("bio", Text),
    Column("image", Text),
    _timestamp("created_at"),
    _timestamp("updated_at"),
    Column(
        "role",
        Enum(
            Role,
            native_enum=False,
            create_constraint=False,
            length=16,
            values_callable=lambda roles: [r.value for r in roles],
        ),
        nullable=False,
        server_default=Role.USER.value,
    ),
    Column("suspended_at", DateTime(timezone=True)),
    CheckConstraint("role IN ('user', 'moderator', 'admin')", name="role_known"),
)

articles = Table(
    "articles",
    metadata,
    # The domain makes the ids; bulk imports let PostgreSQL make them.
    Column("id", Uuid, primary_key=True, server_default=func.gen_random_uuid()),
    Column("slug", Text, nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("tag_list", ARRAY(Text), nullable=False, server_default=text("'{}'")),
    _user_ref("author_id"),
    Column("favorites_count", Integer, nullable=False, server_default=text("0")),
    _timestamp("created_at"),
    _timestamp("updated_at"),
    CheckConstraint("favorites_count >= 0", name="favorites_count_not_negative"),
)
# Newest first, ties broken by id: the global list, and the author filter and feed.
Index("ix_articles_created_at_id", articles.c.created_at.desc(), articles.c.id.desc())
# ?tag= (tag_list @> ARRAY[tag]).
Index("ix_articles_tag_list", articles.c.tag_list, postgresql_using="gin")
Index(
    "ix_articles_author_created_at_id",
    articles.c.author_id,
    articles.c.created_at.desc(),
    articles.c.id.desc(),
)

# The tag names some article carries, each with how many do: kept by triggers on
# `articles` (migration 0005), the row deleted when its count reaches zero.
tags = Table(
    "tags",
    metadata,
    Column("name", Text, primary_key=True),
    Column("articles_count", Integer, nullable=False),
)
# GET /api/tags: the most used first, ties alphabetical.
Index("ix_tags_articles_count_name", tags.c.articles_count.desc(), tags.c.name)

favorites = Table(
    "favorites",
    metadata,
    _user_ref("user_id"),
    _article_ref(),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    PrimaryKeyConstraint("user_id", "article_id"),  # the favorited filter and flag
)
Index("ix_favorites_article_id", favorites.c.article_id)

follows = Table(
    "follows",
    metadata,
    _user_ref("follower_id"),
    _user_ref("followee_id"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    PrimaryKeyConstraint("follower_id", "followee_id"),  # the feed and the following flag
)
Index("ix_follows_followee_id", follows.c.followee_id)

comments = Table(
    "comments",
    metadata,
    Column("id", BigInteger, Identity(always=False), primary_key=True),
    _article_ref(),
    _user_ref("author_id"),
    Column("body", Text, nullable=False),
    _timestamp("created_at"),
    _timestamp("updated_at"),
)
Index(
    "ix_comments_article_id_created_at_id",
    comments.c.article_id,
    comments.c.created_at.desc(),
    comments.c.id.desc(),
)
Index("ix_comments_author_id", comments.c.author_id)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Uuid, primary_key=True),  # looked up on every authenticated request
    _user_ref("user_id", deferrable=True),
    _timestamp("created_at"),
    _timestamp("last_used_at"),
    _timestamp("expires_at"),
    Column("user_agent", Text),
    Column("ip", Text),
    Column("revoked_at", DateTime(timezone=True)),
)
Index("ix_sessions_user_id_created_at", sessions.c.user_id, sessions.c.created_at.desc())
Index("ix_sessions_expires_at", sessions.c.expires_at)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    Column("digest", Text, primary_key=True),
    Column(
        "session_id",
        Uuid,
        ForeignKey("sessions.id", ondelete="CASCADE", deferrable=True, initially="DEFERRED"),
        nullable=False,
    ),
    _timestamp("created_at"),
    Column("used_at", DateTime(timezone=True)),
)
Index("ix_refresh_tokens_session_id", refresh_tokens.c.session_id)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigInteger, Identity(always=False), primary_key=True),
    Column("actor_id", Uuid, ForeignKey("users.id", ondelete="SET NULL")),
    Column("actor", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("target", Text, nullable=False),
    Column("reason", Text),
    _timestamp("at"),
)
Index("ix_audit_log_at_id", audit_log.c.at.desc(), audit_log.c.id.desc())
