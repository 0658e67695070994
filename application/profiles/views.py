"""Read models of profiles."""

from dataclasses import dataclass

from domain.users import User


@dataclass(frozen=True, slots=True)
class ProfileView:
    username: str
    bio: str | None
    image: str | None
    following: bool

    @classmethod
    def of(cls, user: User, *, following: bool) -> "ProfileView":
        return cls(username=user.username, bio=user.bio, image=user.image, following=following)
