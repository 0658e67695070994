from application.views import AuditPage, UserAdminView, UserPage
from entrypoints.http.structs import Wire, timestamp


class UserAdmin(Wire):
    username: str
    email: str
    role: str
    suspended: bool
    created_at: str

    @classmethod
    def of(cls, view: UserAdminView) -> "UserAdmin":
        return cls(
            username=view.username,
            email=view.email,
            role=view.role.value,
            suspended=view.suspended,
            created_at=timestamp(view.created_at),
        )


class UserAdminResponse(Wire):
    user: UserAdmin

    @classmethod
    def of(cls, view: UserAdminView) -> "UserAdminResponse":
        return cls(user=UserAdmin.of(view))


class UsersResponse(Wire):
    users: list[UserAdmin]
    users_count: int

    @classmethod
    def of(cls, page: UserPage) -> "UsersResponse":
        return cls(users=[UserAdmin.of(view) for view in page.users], users_count=page.count)


class RoleChange(Wire):
    role: str
    reason: str | None = None


class Reason(Wire):
    reason: str | None = None


class AuditEntry(Wire):
    id: int
    actor: str
    action: str
    target: str
    reason: str | None
    at: str


class AuditResponse(Wire):
    entries: list[AuditEntry]
    entries_count: int

    @classmethod
    def of(cls, page: AuditPage) -> "AuditResponse":
        entries = [
            AuditEntry(
                id=entry.id,
                actor=entry.actor,
                action=entry.action,
                target=entry.target,
                reason=entry.reason,
                at=timestamp(entry.at),
            )
            for entry in page.entries
        ]
        return cls(entries=entries, entries_count=page.count)
