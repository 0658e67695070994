from typing import Annotated

from msgspec import Meta, Struct

from application.admin.views import AuditPage, UserAdminView, UserPage
from domain.audit import REASON_MAX_LENGTH
from domain.roles import Role
from domain.values import STORABLE_TEXT_PATTERN
from entrypoints.http.structs import Wire, documented, timestamp

RoleName = Annotated[str, Meta(extra_json_schema=documented(enum=[role.value for role in Role]))]
ReasonText = Annotated[
    str,
    Meta(
        max_length=REASON_MAX_LENGTH,
        description="Why (audited)",
        extra_json_schema=documented(pattern=STORABLE_TEXT_PATTERN),
    ),
]


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
    role: RoleName
    reason: ReasonText | None = None


class Reason(Struct, frozen=True, kw_only=True):
    """A body that may be left out: frozen, so that one `NO_REASON` can stand in for it (a
    `Wire` is not, and typing forbids a frozen subclass of it)."""

    reason: ReasonText | None = None


NO_REASON = Reason()


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
