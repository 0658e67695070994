from msgspec import UNSET, UnsetType

from application.users.accounts import NewAccount
from application.users.login import Credentials
from application.users.update import AccountChanges
from application.users.views import Account
from entrypoints.http.structs import Wire, change


class NewUser(Wire):
    username: str
    email: str
    password: str


class NewUserRequest(Wire):
    user: NewUser

    def to_command(self) -> NewAccount:
        return NewAccount(self.user.username, self.user.email, self.user.password)


class LoginUser(Wire):
    email: str
    password: str


class LoginUserRequest(Wire):
    user: LoginUser

    def to_command(self) -> Credentials:
        return Credentials(self.user.email, self.user.password)


class UpdateUser(Wire):
    username: str | UnsetType = UNSET
    email: str | UnsetType = UNSET
    password: str | UnsetType = UNSET
    bio: str | UnsetType | None = UNSET
    image: str | UnsetType | None = UNSET


class UpdateUserRequest(Wire):
    user: UpdateUser

    def to_command(self) -> AccountChanges:
        user = self.user
        return AccountChanges(
            username=change(user.username),
            email=change(user.email),
            password=change(user.password),
            bio=change(user.bio),
            image=change(user.image),
        )


class User(Wire):
    email: str
    token: str
    username: str
    bio: str | None
    image: str | None


class UserResponse(Wire):
    user: User

    @classmethod
    def of(cls, account: Account, token: str) -> "UserResponse":
        return cls(
            user=User(
                email=account.email,
                token=token,
                username=account.username,
                bio=account.bio,
                image=account.image,
            )
        )
