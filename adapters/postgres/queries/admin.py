from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, or_

from adapters.postgres.queries.reading import SqlaReads, counted_page
from adapters.postgres.tables import audit_log, users
from application.admin.views import AuditPage, AuditView, UserAdminView, UserPage
from application.ports.queries import AdminQueries, Page
from domain.identifiers import identity_key


class SqlaAdminQueries(SqlaReads, AdminQueries):
    async def users(self, search: str | None, page: Page) -> UserPage:
        rows = await self._all(
            _users_page(search is not None),
            search=search and f"%{_escape_like(identity_key(search))}%",
            limit=page.limit,
            offset=page.offset,
        )
        total = rows[0].total if rows else 0
        views = [
            UserAdminView(
                username=row.username,
                email=row.email,
                role=row.role,
                suspended=row.suspended_at is not None,
                created_at=row.created_at,
            )
            for row in rows
            if row.username is not None
        ]
        return UserPage(users=views, count=total)

    async def audit(self, page: Page) -> AuditPage:
        rows = await self._all(_AUDIT_PAGE, limit=page.limit, offset=page.offset)
        total = rows[0].total if rows else 0
        views = [
            AuditView(
                id=row.id,
                actor=row.actor,
                action=row.action,
                target=row.target,
                reason=row.reason,
                at=row.at,
            )
            for row in rows
            if row.id is not None
        ]
        return AuditPage(entries=views, count=total)


@cache
def _users_page(search: bool) -> Select[Any]:
    pattern: Any = bindparam("search")
    conditions = (
        [
            or_(
                users.c.username_key.like(pattern, escape="\\"),
                users.c.email_key.like(pattern, escape="\\"),
            )
        ]
        if search
        else []
    )
    return counted_page(
        users,
        conditions,
        order_by=[users.c.created_at.desc(), users.c.id.desc()],
        columns=[
            users.c.username,
            users.c.email,
            users.c.role,
            users.c.suspended_at,
            users.c.created_at,
        ],
    )


_AUDIT_PAGE = counted_page(
    audit_log,
    [],
    order_by=[audit_log.c.at.desc(), audit_log.c.id.desc()],
    columns=[
        audit_log.c.id,
        audit_log.c.actor,
        audit_log.c.action,
        audit_log.c.target,
        audit_log.c.reason,
        audit_log.c.at,
    ],
)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
