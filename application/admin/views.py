"""Read models of administration: accounts and the audit trail."""

from dataclasses import dataclass
from datetime import datetime

from domain.audit import AuditRecord
from domain.roles import Role
from domain.users import User


@dataclass(frozen=True, slots=True)
class UserAdminView:
    """An account as administrators see it."""

    username: str
    email: str
    role: Role
    suspended: bool
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> "UserAdminView":
        return cls(
            username=user.username,
            email=user.email,
            role=user.role,
            suspended=user.suspended,
            created_at=user.created_at,
        )


@dataclass(frozen=True, slots=True)
class UserPage:
    users: list[UserAdminView]
    count: int


@dataclass(frozen=True, slots=True)
class AuditView:
    id: int
    actor: str
    action: str
    target: str
    reason: str | None
    at: datetime

    @classmethod
    def of(cls, record: AuditRecord) -> "AuditView":
        assert record.id is not None, "a stored record has an id"
        return cls(
            id=record.id,
            actor=record.actor,
            action=record.action,
            target=record.target,
            reason=record.reason,
            at=record.at,
        )


@dataclass(frozen=True, slots=True)
class AuditPage:
    entries: list[AuditView]
    count: int
