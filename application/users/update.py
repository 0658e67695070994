from dataclasses import dataclass
from datetime import timedelta

from application.errors import AlreadyTaken, ReauthenticationRequired, WrongCurrentPassword
from application.ports.clock import Clock
from application.ports.monitoring import SignInAttempts
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from application.sessions.opening import UNKNOWN_CLIENT, Client
from application.sessions.views import Account
from application.users.current import load_caller
from application.users.throttle import LoginLockout
from domain.account_fields import check_account_fields
from domain.changes import UNCHANGED, Change
from domain.errors import FieldErrors


@dataclass(frozen=True, slots=True)
class AccountChanges:
    """Fields to change; `UNCHANGED` leaves one as it is. An empty bio or image clears it."""

    username: Change[str] = UNCHANGED
    email: Change[str] = UNCHANGED
    password: Change[str] = UNCHANGED
    bio: Change[str | None] = UNCHANGED
    image: Change[str | None] = UNCHANGED

    def __repr__(self) -> str:
        changed = [name for name in self.__slots__ if getattr(self, name) is not UNCHANGED]
        return f"AccountChanges({', '.join(changed)})"


class UpdateUser:
    """Changes the caller's account. A new e-mail or password takes more than an access
    token, which may have been stolen: the current password, or a password login within
    `reauth_window` (a refresh does not count)."""

    def __init__(
        self,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        clock: Clock,
        lockout: LoginLockout,
        attempts: SignInAttempts,
        *,
        reauth_window: timedelta,
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._clock = clock
        self._lockout = lockout
        self._attempts = attempts
        self._reauth_window = reauth_window

    async def __call__(
        self,
        principal: Principal,
        changes: AccountChanges,
        current_password: str | None = None,
        client: Client = UNKNOWN_CLIENT,
    ) -> Account:
        errors = FieldErrors()
        fields = check_account_fields(
            errors,
            username=_given(changes.username),
            email=_given(changes.email),
            bio=_given(changes.bio),
            image=_given(changes.image),
            password=_given(changes.password),
        )
        errors.raise_if_any()
        username = fields.username.value if fields.username is not None else None
        email = fields.email.value if fields.email is not None else None
        password = fields.password.value if fields.password is not None else None
        if email is not None or password is not None:
            await self._reauthenticate(principal, email, password, current_password, client)

        # Hashed before the transaction so no connection waits on the hasher.
        password_hash = await self._hasher.hash(password) if password is not None else None
        async with self._uow:
            user = await load_caller(self._uow, principal)
            if username is not None or email is not None:
                taken = await self._uow.users.taken(
                    username=username, email=email, excluding=user.id
                )
                if taken:
                    raise AlreadyTaken(taken)
            now = self._clock.now()
            if password_hash is not None:
                # Whoever else knew the old password is signed out everywhere.
                await self._uow.sessions.revoke_all(user.id, now=now, keep=principal.session_id)
            user.update_profile(
                now=now,
                username=fields.username,
                email=fields.email,
                password_hash=password_hash,
                bio=fields.bio,
                image=fields.image,
            )
            await self._uow.commit()
            return Account.of(user)

    async def _reauthenticate(
        self,
        principal: Principal,
        email: str | None,
        password: str | None,
        current_password: str | None,
        client: Client,
    ) -> None:
        """Refuses a new e-mail or password unless the caller has just proved who they are."""
        if self._clock.now() < principal.auth_time + self._reauth_window:
            return
        async with self._uow:
            user = await load_caller(self._uow, principal)
        if password is None and email == user.email:
            return  # stock front ends send the whole user back, its e-mail as it is
        if current_password is None:
            raise ReauthenticationRequired()
        # Guesses through a stolen token meet the lock-out of guesses at login.
        await self._lockout.refuse_while_locked(user.email, client.ip)
        if not await self._hasher.verify(user.password_hash, current_password):
            await self._lockout.failed(user.email, client.ip)
            self._attempts.failed()
            raise WrongCurrentPassword()
        await self._lockout.succeeded(user.email, client.ip)


def _given(change: Change[str | None]) -> str | None:
    """A change as `check_account_fields` takes it: None for unchanged; a bio or image of
    None clears it, as an empty one does."""
    if change is UNCHANGED:
        return None
    return "" if change is None else change
