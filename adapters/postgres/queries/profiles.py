from functools import cache
from typing import Any
from uuid import UUID

from sqlalchemy import Select, bindparam, select

from adapters.postgres.queries.reading import SqlaReads, profile_columns, profile_view
from adapters.postgres.tables import users
from application.ports.queries import ProfileQueries
from application.profiles.views import ProfileView
from domain.identifiers import identity_key


class SqlaProfileQueries(SqlaReads, ProfileQueries):
    async def profile(self, username: str, *, viewer_id: UUID | None) -> ProfileView | None:
        row = await self._one(
            _profile_by_username(viewer_id is not None),
            username=identity_key(username),
            viewer_id=viewer_id,
        )
        return None if row is None else profile_view(row)


@cache
def _profile_by_username(viewer: bool) -> Select[Any]:
    return select(*profile_columns(users.c.id, viewer)).where(
        users.c.username_key == bindparam("username")
    )
