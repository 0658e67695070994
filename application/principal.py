"""Who is acting: an authenticated API caller, or the operator at the command line."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.roles import Permission, Role, allows


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated caller: a user, in one of their sessions, with their current role.
    `auth_time` is when the password login that opened the session happened."""

    user_id: UUID
    session_id: UUID
    auth_time: datetime
    role: Role = Role.USER

    def may(self, permission: Permission) -> bool:
        return allows(self.role, permission)


@dataclass(frozen=True, slots=True)
class Operator:
    """Whoever runs the `conduit` command on a server: every power, and audited by name."""

    name: str
    role: Role = Role.ADMIN

    def may(self, permission: Permission) -> bool:
        return allows(self.role, permission)


Actor = Principal | Operator
