from adapters.memory.queries.reading import InMemoryReads
from application.admin.views import AuditPage, AuditView, UserAdminView, UserPage
from application.ports.queries import AdminQueries, Page
from domain.identifiers import identity_key


class InMemoryAdminQueries(InMemoryReads, AdminQueries):
    async def users(self, search: str | None, page: Page) -> UserPage:
        wanted = identity_key(search or "")
        found = [
            u
            for u in self._store.users.values()
            if wanted in u.username_key or wanted in u.email_key
        ]
        found.sort(key=lambda u: (u.created_at, u.id), reverse=True)
        window = found[page.offset : page.offset + page.limit]
        return UserPage(users=[UserAdminView.of(u) for u in window], count=len(found))

    async def audit(self, page: Page) -> AuditPage:
        records = sorted(self._store.audit.values(), key=lambda r: (r.at, r.id or 0), reverse=True)
        window = records[page.offset : page.offset + page.limit]
        return AuditPage(entries=[AuditView.of(r) for r in window], count=len(records))
