"""articles, tags, favorites, follows, comments

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _user_ref(name: str, table: str) -> sa.Column[Any]:
    return sa.Column(
        name,
        sa.Uuid(),
        sa.ForeignKey("users.id", name=f"fk_{table}_{name}", ondelete="CASCADE"),
        nullable=False,
    )


def _article_ref(table: str) -> sa.Column[Any]:
    return sa.Column(
        "article_id",
        sa.Uuid(),
        sa.ForeignKey("articles.id", name=f"fk_{table}_article_id", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("slug", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "tag_list", postgresql.ARRAY(sa.Text()), nullable=False, server_default=sa.text("'{}'")
        ),
        _user_ref("author_id", "articles"),
        sa.Column("favorites_count", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("slug", name="uq_articles_slug"),
        sa.CheckConstraint("favorites_count >= 0", name="ck_articles_favorites_count_not_negative"),
    )
    # GET /articles: newest first, ties broken by id.
    op.create_index(
        "ix_articles_created_at_id",
        "articles",
        [sa.text("created_at DESC"), sa.text("id DESC")],
    )
    # ?author= and the feed (author_id IN followed), in the same order.
    op.create_index(
        "ix_articles_author_created_at_id",
        "articles",
        ["author_id", sa.text("created_at DESC"), sa.text("id DESC")],
    )

    op.create_table(
        "article_tags",
        _article_ref("article_tags"),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "tag", name="pk_article_tags"),
    )
    # ?tag= and GET /tags (a skip scan over the distinct tags).
    op.create_index("ix_article_tags_tag_article_id", "article_tags", ["tag", "article_id"])

    op.create_table(
        "favorites",
        _user_ref("user_id", "favorites"),
        _article_ref("favorites"),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        # ?favorited= and the `favorited` flag.
        sa.PrimaryKeyConstraint("user_id", "article_id", name="pk_favorites"),
    )
    # Deleting an article removes its favorites.
    op.create_index("ix_favorites_article_id", "favorites", ["article_id"])

    op.create_table(
        "follows",
        _user_ref("follower_id", "follows"),
        _user_ref("followee_id", "follows"),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        # The feed and the `following` flag.
        sa.PrimaryKeyConstraint("follower_id", "followee_id", name="pk_follows"),
    )
    op.create_index("ix_follows_followee_id", "follows", ["followee_id"])

    op.create_table(
        "comments",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        _article_ref("comments"),
        _user_ref("author_id", "comments"),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_comments"),
    )
    # GET /articles/{slug}/comments, newest first.
    op.create_index(
        "ix_comments_article_id_created_at_id",
        "comments",
        ["article_id", sa.text("created_at DESC"), sa.text("id DESC")],
    )
    op.create_index("ix_comments_author_id", "comments", ["author_id"])


def downgrade() -> None:
    op.drop_table("comments")
    op.drop_table("follows")
    op.drop_table("favorites")
    op.drop_table("article_tags")
    op.drop_table("articles")
