"""The user account aggregate."""

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID, uuid4

from domain.identifiers import identity_key
from domain.roles import Role
from domain.values import Bio, Email, ImageUrl, Username, next_timestamp, to_milliseconds


@dataclass(eq=False)
class User:
    """An account. Fields hold already validated values (see `domain.values`).

    `username_key` and `email_key` are what the account is found and kept unique by
    (`identity_key`); `rename` and `change_email` keep them in step."""

    id: UUID
    username: str
    email: str
    password_hash: str
    created_at: datetime
    updated_at: datetime
    bio: str | None = None
    image: str | None = None
    role: Role = Role.USER
    suspended_at: datetime | None = None
    username_key: str = field(init=False, repr=False)
    email_key: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.rename(self.username)
        self.change_email(self.email)

    @classmethod
    def register(cls, *, username: str, email: str, password_hash: str, now: datetime) -> "User":
        now = to_milliseconds(now)
        return cls(
            id=uuid4(),
            username=username,
            email=email,
            password_hash=password_hash,
            created_at=now,
            updated_at=now,
        )

    def rename(self, username: str) -> None:
        self.username = username
        self.username_key = identity_key(username)

    def change_email(self, email: str) -> None:
        self.email = email
        self.email_key = identity_key(email)

    def update_profile(
        self,
        *,
        now: datetime,
        username: Username | None = None,
        email: Email | None = None,
        password_hash: str | None = None,
        bio: Bio | None = None,
        image: ImageUrl | None = None,
    ) -> None:
        """Replaces each field given (None leaves it as it is; an empty `Bio` or `ImageUrl`
        clears it). The account counts as modified even when no value differs."""
        if username is not None:
            self.rename(username.value)
        if email is not None:
            self.change_email(email.value)
        if password_hash is not None:
            self.password_hash = password_hash
        if bio is not None:
            self.bio = bio.value
        if image is not None:
            self.image = image.value
        self.updated_at = next_timestamp(now, self.updated_at)

    def change_role(self, role: Role) -> bool:
        """False, changing nothing, when the account has that role already."""
        if role == self.role:
            return False
        self.role = role
        return True

    @property
    def suspended(self) -> bool:
        return self.suspended_at is not None

    def suspend(self, now: datetime) -> None:
        if self.suspended_at is None:
            self.suspended_at = to_milliseconds(now)

    def unsuspend(self) -> None:
        self.suspended_at = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, User) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)
