from dataclasses import dataclass

from application.changes import UNCHANGED, Change
from application.errors import AlreadyTaken
from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from application.users.current import load_caller
from application.users.views import Account
from domain import values
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
    def __init__(self, uow: UnitOfWork, hasher: PasswordHasher, clock: Clock) -> None:
        self._uow = uow
        self._hasher = hasher
        self._clock = clock

    async def __call__(self, principal: Principal, changes: AccountChanges) -> Account:
        errors = FieldErrors()
        username: str | None = None
        email: str | None = None
        password: str | None = None
        bio: Change[str | None] = UNCHANGED
        image: Change[str | None] = UNCHANGED
        if (raw_username := changes.username) is not UNCHANGED:
            with errors.collect("username"):
                username = values.Username(raw_username).value
        if (raw_email := changes.email) is not UNCHANGED:
            with errors.collect("email"):
                email = values.Email(raw_email).value
        if (raw_password := changes.password) is not UNCHANGED:
            with errors.collect("password"):
                password = values.Password(raw_password).value
        if (raw_bio := changes.bio) is not UNCHANGED:
            with errors.collect("bio"):
                bio = values.bio(raw_bio)
        if (raw_image := changes.image) is not UNCHANGED:
            with errors.collect("image"):
                image = values.image_url(raw_image)
        errors.raise_if_any()

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
            if username is not None:
                user.rename(username)
            if email is not None:
                user.change_email(email)
            now = self._clock.now()
            if password_hash is not None:
                user.password_hash = password_hash
                # Whoever else knew the old password is signed out everywhere.
                await self._uow.sessions.revoke_all(user.id, now=now, keep=principal.session_id)
            if bio is not UNCHANGED:
                user.bio = bio
            if image is not UNCHANGED:
                user.image = image
            user.touch(now)
            await self._uow.commit()
            return Account.of(user)
