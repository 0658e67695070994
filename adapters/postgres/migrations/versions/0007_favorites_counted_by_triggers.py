"""articles.favorites_count: kept by triggers on `favorites`

The API's favorite and unfavorite and the bulk import each wrote the count beside the link,
in SQL of their own. Statement-level triggers on `favorites` now keep it, like the tag
counts (0005): whatever adds or removes favorites (the API, COPY-fed imports, cascades)
moves the counts of their articles by as many rows, in the same statement. The counts are
exact already: nothing to backfill.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# One UPDATE per statement, of the articles whose favorites changed (transition tables):
# the row lock it takes makes concurrent favorites of one article count exactly.
COUNT_FAVORITES = """
CREATE FUNCTION count_favorites() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE articles a SET favorites_count = a.favorites_count + n.changed
        FROM (SELECT article_id, count(*) AS changed FROM new_favorites GROUP BY article_id) n
        WHERE a.id = n.article_id;
    ELSE
        UPDATE articles a SET favorites_count = a.favorites_count - n.changed
        FROM (SELECT article_id, count(*) AS changed FROM old_favorites GROUP BY article_id) n
        WHERE a.id = n.article_id;
    END IF;
    RETURN NULL;
END
$$
"""
TRIGGERS = {  # name: (event, transition table)
    "favorites_counted_inserted": ("INSERT", "NEW TABLE AS new_favorites"),
    "favorites_counted_deleted": ("DELETE", "OLD TABLE AS old_favorites"),
}


def upgrade() -> None:
    op.execute(COUNT_FAVORITES)
    for name, (event, table) in TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON favorites REFERENCING {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION count_favorites()"
        )


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name} ON favorites")
    op.execute("DROP FUNCTION count_favorites()")
