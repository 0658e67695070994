"""Deleting what someone else wrote: moderators may, and each such deletion is audited."""

from datetime import datetime
from typing import Protocol
from uuid import UUID

from application.audit import record
from application.permissions import require_permission
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from domain.roles import Permission


class Authored(Protocol):
    def is_written_by(self, user_id: UUID) -> bool: ...


async def allow_deletion(
    uow: UnitOfWork,
    principal: Principal,
    content: Authored,
    *,
    permission: Permission,
    resource: str,
    target: str,
    reason: str | None,
    now: datetime,
) -> None:
    """Authors delete their own `content` freely. Anyone else needs `permission` (refused as
    `Forbidden(resource)`), and the deletion is recorded as "<resource>.delete" in the
    caller's transaction, so that it is audited exactly when it commits."""
    if content.is_written_by(principal.user_id):
        return
    require_permission(principal, permission, resource)
    await record(uow, principal, action=f"{resource}.delete", target=target, reason=reason, now=now)
