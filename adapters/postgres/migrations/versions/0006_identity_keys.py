"""users: username_key and email_key, the canonical forms every lookup compares

PostgreSQL's lower() and Python's disagree (on "İ", for one), so a name registered could
be unreachable by its own profile URL. Each account now stores `identity_key` of its
username and e-mail (NFKC, case folded), computed by the domain, uniquely indexed; the
lower() indexes go. Existing tags are normalised like new ones.

Nothing is deleted or refused; what the new rules would not accept is kept and reported
as a warning naming the account or article, for an operator to settle:
- of accounts with one username key, one keeps its name (one whose name is printable
  ASCII, else the oldest); each other is renamed "<name>-<first 8 hex digits of its id>";
- of accounts with one e-mail key, the others keep their addresses with a key no address
  can have ("<key> <id>"): they cannot sign in until their addresses are changed;
- usernames and e-mails the new rules refuse (only dots, mixed scripts, invisible or
  bidirectional control characters) are kept;
- tags lose their invisible characters and take their NFKC form; a tag of nothing else is
  kept as it was.

Rows already in canonical form (printable ASCII) are keyed in SQL, the rest in Python.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

import logging
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from domain import identifiers
from domain.articles import tag_name
from domain.errors import InvalidValue
from domain.values import Email, Username

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")

ASCII_ROW = "username ~ '^[ -~]*$' AND email ~ '^[ -~]*$'"
UPPER, LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
RENAMED_NAME_LENGTH = Username.MAX_LENGTH - 9  # room for "-" and 8 hex digits


def upgrade() -> None:
    connection = op.get_bind()
    op.add_column("users", sa.Column("username_key", sa.Text(), nullable=True))
    op.add_column("users", sa.Column("email_key", sa.Text(), nullable=True))
    op.execute(
        f"UPDATE users SET username_key = translate(username, '{UPPER}', '{LOWER}'),"  # noqa: S608
        f" email_key = translate(email, '{UPPER}', '{LOWER}') WHERE {ASCII_ROW}"
    )
    _key_the_other_users(connection)
    _report_refused_names(connection)
    op.alter_column("users", "username_key", nullable=False)
    op.alter_column("users", "email_key", nullable=False)
    op.drop_index("uq_users_username_lower", table_name="users")
    op.drop_index("uq_users_email_lower", table_name="users")
    op.create_unique_constraint("uq_users_username_key", "users", ["username_key"])
    op.create_unique_constraint("uq_users_email_key", "users", ["email_key"])
    _normalise_tags(connection)


def downgrade() -> None:
    op.drop_constraint("uq_users_email_key", "users", type_="unique")
    op.drop_constraint("uq_users_username_key", "users", type_="unique")
    op.drop_column("users", "email_key")
    op.drop_column("users", "username_key")
    op.create_index("uq_users_username_lower", "users", [sa.text("lower(username)")], unique=True)
    op.create_index("uq_users_email_lower", "users", [sa.text("lower(email)")], unique=True)


def _key_the_other_users(connection: sa.Connection) -> None:
    """Oldest first: of two accounts with one key, the earlier keeps it."""
    rows = connection.execute(
        sa.text(
            "SELECT id, username, email FROM users WHERE username_key IS NULL"
            " ORDER BY created_at, id"
        )
    ).all()
    if not rows:
        return
    taken_names = _taken(connection, "username_key", {_key(r.username) for r in rows})
    taken_emails = _taken(connection, "email_key", {_key(r.email) for r in rows})
    updates: list[dict[str, Any]] = []
    for row in rows:
        username, username_key = row.username, _key(row.username)
        if username_key in taken_names:
            username = f"{row.username[:RENAMED_NAME_LENGTH]}-{row.id.hex[:8]}"
            username_key = _key(username)
            if username_key in taken_names:  # as unlikely as it gets, and then unique
                username = username_key = str(row.id)
            log.warning("user %s: username %r is taken, renamed %r", row.id, row.username, username)
        email_key = _key(row.email)
        if email_key in taken_emails:
            email_key = f"{email_key} {row.id}"
            log.warning("user %s: e-mail %r is taken; it cannot sign in", row.id, row.email)
        taken_names.add(username_key)
        taken_emails.add(email_key)
        updates.append(
            {
                "id": row.id,
                "username": username,
                "username_key": username_key,
                "email_key": email_key,
            }
        )
    connection.execute(
        sa.text(
            "UPDATE users SET username = :username, username_key = :username_key,"
            " email_key = :email_key WHERE id = :id"
        ),
        updates,
    )


def _key(text: str) -> str:
    return identifiers.identity_key(text)


def _taken(connection: sa.Connection, column: str, keys: set[str]) -> set[str]:
    found = connection.execute(
        sa.text(f"SELECT {column} FROM users WHERE {column} = ANY(:keys)"),  # noqa: S608
        {"keys": sorted(keys)},
    )
    return set(found.scalars())


REFUSED_CANDIDATES = (
    f"SELECT id, username, email FROM users WHERE NOT ({ASCII_ROW}) OR username ~ '^[.]+$'"  # noqa: S608
)


def _report_refused_names(connection: sa.Connection) -> None:
    """Accounts the new rules would not let register; printable ASCII names break only
    the rule against names of dots only."""
    for row in connection.execute(sa.text(REFUSED_CANDIDATES)):
        for field, rule, value in (
            ("username", Username, row.username),
            ("email", Email, row.email),
        ):
            try:
                rule(value)
            except InvalidValue as refused:
                log.warning("user %s: %s %r %s; kept", row.id, field, value, refused.message)


def _normalise_tags(connection: sa.Connection) -> None:
    rows = connection.execute(
        sa.text("SELECT id, tag_list FROM articles WHERE array_to_string(tag_list, ' ') ~ '[^ -~]'")
    ).all()
    updates = []
    for row in rows:
        tags = sorted({_canonical_tag(row.id, tag) for tag in row.tag_list})
        if tags != row.tag_list:
            updates.append({"id": row.id, "tags": tags})
    if updates:
        # The triggers of 0005 count the new names in `tags`, and drop the old ones.
        connection.execute(sa.text("UPDATE articles SET tag_list = :tags WHERE id = :id"), updates)


def _canonical_tag(article_id: object, tag: str) -> str:
    visible = "".join(ch for ch in tag if not identifiers.has_invisible(ch))
    canonical = tag_name(visible)
    if not canonical:
        log.warning("article %s: tag %r is only invisible characters; kept", article_id, tag)
        return tag
    return canonical
