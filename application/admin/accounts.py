"""Changing someone else's account: role, suspension. Each change is audited."""

from application.audit import record, require
from application.errors import Forbidden, NotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.principal import Actor, Principal
from application.views import UserAdminView
from domain.errors import ValidationFailed
from domain.roles import Permission, Role
from domain.users import User

ROLES = ", ".join(role.value for role in Role)


async def _target(uow: UnitOfWork, actor: Actor, username: str) -> User:
    user = await uow.users.get_by_username(username)
    if user is None:
        raise NotFound("profile")
    if isinstance(actor, Principal) and actor.user_id == user.id:
        # An administrator cannot lock themselves out; another one, or the CLI, can.
        raise Forbidden("username", "can't be your own account")
    return user


class ChangeRole:
    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, actor: Actor, username: str, role: str, reason: str | None = None
    ) -> UserAdminView:
        require(actor, Permission.CHANGE_ROLES, "admin")
        try:
            new_role = Role(role)
        except ValueError:
            raise ValidationFailed({"role": [f"must be one of {ROLES}"]}) from None
        async with self._uow:
            user = await _target(self._uow, actor, username)
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
        require(actor, Permission.SUSPEND_USERS, "admin")
        now = self._clock.now()
        async with self._uow:
            user = await _target(self._uow, actor, username)
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
        require(actor, Permission.SUSPEND_USERS, "admin")
        async with self._uow:
            user = await _target(self._uow, actor, username)
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
