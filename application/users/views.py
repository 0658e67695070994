from dataclasses import dataclass

from domain.users import User


@dataclass(frozen=True, slots=True)
class Account:
    """The signed-in user's own account as the API shows it."""

    username: str
    email: str
    bio: str | None
    image: str | None

    @classmethod
    def of(cls, user: User) -> "Account":
        return cls(username=user.username, email=user.email, bio=user.bio, image=user.image)


@dataclass(frozen=True, slots=True)
class SignedIn:
    account: Account
    token: str
    """The access token."""
    refresh_token: str

    def __repr__(self) -> str:
        return f"SignedIn({self.account.username})"
