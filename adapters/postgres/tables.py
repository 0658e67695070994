"""The schema as SQLAlchemy Core tables; migrations create it, mappings and queries use it.

Read paths are served from the article row: `favorites_count` and the sorted `tag_list`
are kept on it, in the same transaction as the favorite or the edit that changes them."""

from sqlalchemy import (
    ARRAY,
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
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


def _user_ref(name: str) -> Column[object]:
    return Column(name, Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False)


def _article_ref() -> Column[object]:
    return Column("article_id", Uuid, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


users = Table(
    "users",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("username", Text, nullable=False),
    Column("email", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("bio", Text),
    Column("image", Text),
    _timestamp("created_at"),
    _timestamp("updated_at"),
)
Index("uq_users_username_lower", func.lower(users.c.username), unique=True)
Index("uq_users_email_lower", func.lower(users.c.email), unique=True)

articles = Table(
    "articles",
    metadata,
    Column("id", Uuid, primary_key=True),
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
Index(
    "ix_articles_author_created_at_id",
    articles.c.author_id,
    articles.c.created_at.desc(),
    articles.c.id.desc(),
)

article_tags = Table(
    "article_tags",
    metadata,
    _article_ref(),
    Column("tag", Text, nullable=False),
    PrimaryKeyConstraint("article_id", "tag"),
)
# The tag filter, and the distinct tags in use.
Index("ix_article_tags_tag_article_id", article_tags.c.tag, article_tags.c.article_id)

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

# Unique indexes whose violation means "this value is already taken": index -> field.
UNIQUE_FIELDS = {
    "uq_users_username_lower": "username",
    "uq_users_email_lower": "email",
    "uq_articles_slug": "slug",
}
