"""tags: how many articles carry each tag, kept by a trigger; unused names go

GET /api/tags checked every name ever used against the articles, so its cost grew with the
history of edits. `tags` now holds only the names in use, each with how many articles carry
it, kept by statement-level triggers on `articles` (the API, bulk imports' COPY, cascades
and any later migration alike), so the list of tags reads the first rows of an index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# One pass per statement over the rows it changed (transition tables), locking the tags'
# rows in name order so that concurrent writers wait on each other but never deadlock
# within one statement. A name whose count reaches zero is deleted.
COUNT_ARTICLE_TAGS = """
CREATE FUNCTION count_article_tags() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added text[] := '{}';
    removed text[] := '{}';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        added := ARRAY(SELECT unnest(tag_list) FROM new_articles);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        removed := ARRAY(SELECT unnest(tag_list) FROM old_articles);
    END IF;
    INSERT INTO tags AS t (name, articles_count)
    SELECT name, sum(change) FROM (
        SELECT unnest(added) AS name, 1 AS change
        UNION ALL
        SELECT unnest(removed), -1
    ) AS changes
    GROUP BY name HAVING sum(change) <> 0
    ORDER BY name
    ON CONFLICT (name) DO UPDATE SET articles_count = t.articles_count + excluded.articles_count;
    DELETE FROM tags WHERE name = ANY(removed) AND articles_count <= 0;
    RETURN NULL;
END
$$
"""
TRIGGERS = {  # name: (event, transition tables)
    "articles_count_tags_inserted": ("INSERT", "NEW TABLE AS new_articles"),
    "articles_count_tags_updated": (
        "UPDATE",
        "OLD TABLE AS old_articles NEW TABLE AS new_articles",
    ),
    "articles_count_tags_deleted": ("DELETE", "OLD TABLE AS old_articles"),
}


def upgrade() -> None:
    op.add_column(
        "tags",
        sa.Column("articles_count", sa.Integer(), nullable=False, server_default="0"),
    )
    op.execute("LOCK TABLE articles IN SHARE MODE")  # no edit between the count and the trigger
    op.execute("DELETE FROM tags")
    op.execute(
        "INSERT INTO tags (name, articles_count)"
        " SELECT tag, count(*) FROM articles, unnest(tag_list) AS tag GROUP BY tag"
    )
    op.alter_column("tags", "articles_count", server_default=None)
    # GET /api/tags: the most used first, ties alphabetical.
    op.create_index("ix_tags_articles_count_name", "tags", [sa.text("articles_count DESC"), "name"])
    op.execute(COUNT_ARTICLE_TAGS)
    for name, (event, tables) in TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON articles REFERENCING {tables}"
            " FOR EACH STATEMENT EXECUTE FUNCTION count_article_tags()"
        )


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name} ON articles")
    op.execute("DROP FUNCTION count_article_tags()")
    op.drop_index("ix_tags_articles_count_name", table_name="tags")
    op.drop_column("tags", "articles_count")
