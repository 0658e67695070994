from application.admin.views import AuditPage, UserPage
from application.permissions import require_permission
from application.ports.queries import AdminQueries, Page
from application.principal import Actor
from domain.roles import Permission


class ListUsers:
    def __init__(self, queries: AdminQueries) -> None:
        self._queries = queries

    async def __call__(self, actor: Actor, search: str | None, page: Page) -> UserPage:
        require_permission(actor, Permission.VIEW_USERS, "admin")
        return await self._queries.users(search or None, page)


class ListAudit:
    def __init__(self, queries: AdminQueries) -> None:
        self._queries = queries

    async def __call__(self, actor: Actor, page: Page) -> AuditPage:
        require_permission(actor, Permission.VIEW_AUDIT, "admin")
        return await self._queries.audit(page)
