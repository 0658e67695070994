"""Changing someone else's account: role, suspension. Each change is audited, and none
leaves the service without an active administrator."""

from uuid import UUID

from application.admin.views import UserAdminView
from application.audit import record
from application.errors import Forbidden, NotFound
from application.permissions import require_permission
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.principal import Actor, Principal
from domain.errors import ValidationFailed
from domain.roles import Permission, Role
from domain.users import User

ROLES = ", ".join(role.value for role in Role)


async def _target(uow: UnitOfWork, actor: Actor, username: str) -> tuple[User, set[UUID]]:
    """The account to change, and the active administrators. These are held until the
    change commits, so that changes made at once take turns and each sees the one before."""
    admins = await uow.users.lock_active_admins()
    if isinstance(actor, Principal) and actor.user_id not in admins:
        # Demoted or suspended since the request was authenticated: answered as if after.
        raise Forbidden("admin")
    user = await uow.users.get_by_username(username)
    if user is None:
        raise NotFound("profile")
    if isinstance(actor, Principal) and actor.user_id == user.id:
        # An administrator cannot lock themselves out; another one, or the CLI, can.
        raise Forbidden("username", "can't be your own account")
    return user, admins


def _is_last_admin(user: User, admins: set[UUID]) -> bool:
    return admins == {user.id}


class ChangeRole:
    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, actor: Actor, username: str, role: str, reason: str | None = None
    ) -> UserAdminView:
        require_permission(actor, Permission.CHANGE_ROLES, "admin")
        try:
            new_role = Role(role)
        except ValueError:
            raise ValidationFailed({"role": [f"must be one of {ROLES}"]}) from None
        async with self._uow:
            user, admins = await _target(self._uow, actor, username)
            if new_role is not Role.ADMIN and _is_last_admin(user, admins):
                raise ValidationFailed(
                    {"role": ["can't be changed for the last active administrator"]}
                )
            if user.role != new_role:
                await record(
                    self._uow,
                    actor,
                    action=f"user.role {user.role} -> {new_role}",
                    target=f"user:{user.username}",
                    reason=reason,
                    now=self._clock.now(),
                )
                user.role = new_role
                await self._uow.commit()
            return UserAdminView.of(user)


class SuspendUser:
    """The user can no longer sign in or refresh, and every session of theirs ends now."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, actor: Actor, username: str, reason: str | None = None
    ) -> UserAdminView:
        require_permission(actor, Permission.SUSPEND_USERS, "admin")
        now = self._clock.now()
        async with self._uow:
            user, admins = await _target(self._uow, actor, username)
            if _is_last_admin(user, admins):
                raise ValidationFailed({"username": ["is the last active administrator"]})
            user.suspend(now)
            await self._uow.sessions.revoke_all(user.id, now=now)
            await record(
                self._uow,
                actor,
                action="user.suspend",
                target=f"user:{user.username}",
                reason=reason,
                now=now,
            )
            await self._uow.commit()
            return UserAdminView.of(user)


class UnsuspendUser:
    """The user may sign in again (their old sessions stay closed)."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, actor: Actor, username: str, reason: str | None = None
    ) -> UserAdminView:
        require_permission(actor, Permission.SUSPEND_USERS, "admin")
        async with self._uow:
            user, _ = await _target(self._uow, actor, username)
            user.unsuspend()
            await record(
                self._uow,
                actor,
                action="user.unsuspend",
                target=f"user:{user.username}",
                reason=reason,
                now=self._clock.now(),
            )
            await self._uow.commit()
            return UserAdminView.of(user)
