"""What every query adapter shares: autocommit reads, and the statement parts that more
than one port's statements are made of."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, bindparam, exists, false, func, select, true
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.tables import follows, users
from application.profiles.views import ProfileView

VIEWER: Any = bindparam("viewer_id")


class SqlaReads:
    """Reads run outside a transaction (autocommit): no BEGIN and ROLLBACK round trips."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")

    async def _all(self, statement: Any, **parameters: Any) -> list[Row[Any]]:
        async with self._engine.connect() as connection:
            return list((await connection.execute(statement, parameters)).all())

    async def _one(self, statement: Any, **parameters: Any) -> Row[Any] | None:
        rows = await self._all(statement, **parameters)
        return rows[0] if rows else None


def following(user_id: Any, viewer: bool) -> ColumnElement[bool]:
    if not viewer:
        return false()
    return exists().where(follows.c.follower_id == VIEWER, follows.c.followee_id == user_id)


def profile_columns(user_id: Any, viewer: bool) -> list[Any]:
    return [
        users.c.username,
        users.c.bio,
        users.c.image,
        following(user_id, viewer).label("following"),
    ]


def profile_view(row: Row[Any]) -> ProfileView:
    return ProfileView(username=row.username, bio=row.bio, image=row.image, following=row.following)


def counted_page(
    table: Table,
    conditions: list[ColumnElement[bool]],
    *,
    order_by: list[Any],
    columns: list[Any],
    joins: Sequence[tuple[Any, Any]] = (),
) -> Select[Any]:
    """The total count of `table`'s rows meeting `conditions`, outer-joined to the page of
    them (`:limit`, `:offset`): one statement whose count and page each scan an index, and
    only the page's rows are joined further. Past the end, one row carries only the total."""
    total = select(func.count().label("total")).select_from(table).where(*conditions).cte("total")
    key = next(iter(table.primary_key.columns))
    page = (
        select(key)
        .where(*conditions)
        .order_by(*order_by)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
        .cte("page")
    )
    page_rows = page.join(table, key == page.c[key.name])
    for joined, on in joins:
        page_rows = page_rows.join(joined, on)
    return (
        select(total.c.total, *columns)
        .select_from(total.outerjoin(page_rows, true()))
        .order_by(*order_by)
    )
