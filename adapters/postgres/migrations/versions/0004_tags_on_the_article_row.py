"""tags: a GIN index on articles.tag_list instead of the article_tags links

Bulk imports spent half their time maintaining article_tags (three rows and six index
entries an article); the sorted tag_list on the article row, indexed with GIN, serves the
tag filter, and a names-only `tags` table serves the list of tags in use. Article ids
default to gen_random_uuid() so that imports need not make them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tags",
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_tags"),
    )
    op.execute("INSERT INTO tags (name) SELECT DISTINCT tag FROM article_tags")
    # ?tag= (tag_list @> ARRAY[tag]), and whether a tag is still in use.
    op.create_index("ix_articles_tag_list", "articles", ["tag_list"], postgresql_using="gin")
    op.drop_table("article_tags")
    op.alter_column("articles", "id", server_default=sa.text("gen_random_uuid()"))


def downgrade() -> None:
    op.alter_column("articles", "id", server_default=None)
    op.create_table(
        "article_tags",
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_tags_article_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "tag", name="pk_article_tags"),
    )
    op.create_index("ix_article_tags_tag_article_id", "article_tags", ["tag", "article_id"])
    op.execute("INSERT INTO article_tags SELECT id, unnest(tag_list) FROM articles")
    op.drop_index("ix_articles_tag_list", table_name="articles")
    op.drop_table("tags")
