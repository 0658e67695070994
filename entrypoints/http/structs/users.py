from typing import Annotated
from uuid import UUID

from msgspec import UNSET, Meta, UnsetType

from application.sessions.views import SessionView
from application.users.accounts import NewAccount
from application.users.login import Credentials
from application.users.update import AccountChanges
from application.users.views import Account, SignedIn
from domain import values
from entrypoints.http.structs import Wire, change, documented, timestamp

# msgspec checks the lengths; the domain checks the rest, and the document declares it all.
Username = Annotated[
    str,
    Meta(
        min_length=1,
        max_length=values.Username.MAX_LENGTH,
        description="Letters of one script, digits, '_', '-' and '.', not only dots; "
        "unique ignoring case and width",
        extra_json_schema=documented(pattern=values.Username.PATTERN),
    ),
]
Email = Annotated[
    str,
    Meta(
        min_length=1,
        max_length=values.Email.MAX_LENGTH,
        extra_json_schema=documented(pattern=values.Email.PATTERN),
    ),
]
Password = Annotated[
    str,
    Meta(
        min_length=1,
        description=f"At least {values.Password.MIN_LENGTH} characters, "
        f"at most {values.Password.MAX_BYTES} bytes in UTF-8",
        # A character takes at most 4 bytes in UTF-8.
        extra_json_schema=documented(
            minLength=values.Password.MIN_LENGTH, maxLength=values.Password.MAX_BYTES // 4
        ),
    ),
]
Bio = Annotated[
    str,
    Meta(
        max_length=values.BIO_MAX_LENGTH,
        extra_json_schema=documented(pattern=values.STORABLE_TEXT_PATTERN),
    ),
]
CurrentPassword = Annotated[
    str,
    Meta(
        min_length=1,
        description="Needed to change `email` or `password` unless the session's password "
        "login is recent (CONDUIT_REAUTH_WINDOW, 10 minutes by default)",
    ),
]
Image = Annotated[
    str,
    Meta(
        max_length=values.IMAGE_MAX_LENGTH,
        description="An http(s) URL, or empty",
        extra_json_schema=documented(pattern=values.IMAGE_PATTERN),
    ),
]


class NewUser(Wire):
    username: Username
    email: Email
    password: Password


class NewUserRequest(Wire):
    user: NewUser

    def to_command(self) -> NewAccount:
        return NewAccount(self.user.username, self.user.email, self.user.password)


class LoginUser(Wire):
    email: Email
    password: Annotated[str, Meta(min_length=1)]


class LoginUserRequest(Wire):
    user: LoginUser

    def to_command(self) -> Credentials:
        return Credentials(self.user.email, self.user.password)


class UpdateUser(Wire):
    username: Username | UnsetType = UNSET
    email: Email | UnsetType = UNSET
    password: Password | UnsetType = UNSET
    bio: Bio | UnsetType | None = UNSET
    image: Image | UnsetType | None = UNSET
    current_password: CurrentPassword | UnsetType = UNSET


class UpdateUserRequest(Wire):
    user: UpdateUser

    @property
    def current_password(self) -> str | None:
        given = self.user.current_password
        return None if isinstance(given, UnsetType) else given

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
    """The access token: send it as `Authorization: Token <token>`."""
    username: str
    bio: str | None
    image: str | None
    refresh_token: str | UnsetType = UNSET
    """Only on register, login and refresh: trade it at /api/users/refresh, once."""


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

    @classmethod
    def signed_in(cls, signed_in: SignedIn) -> "UserResponse":
        response = cls.of(signed_in.account, signed_in.token)
        response.user.refresh_token = signed_in.refresh_token
        return response


class RefreshRequest(Wire):
    refresh_token: Annotated[str, Meta(min_length=1, max_length=256)]


class Session(Wire):
    id: UUID
    created_at: str
    last_used_at: str
    expires_at: str
    user_agent: str | None
    ip: str | None
    current: bool

    @classmethod
    def of(cls, view: SessionView) -> "Session":
        return cls(
            id=view.id,
            created_at=timestamp(view.created_at),
            last_used_at=timestamp(view.last_used_at),
            expires_at=timestamp(view.expires_at),
            user_agent=view.user_agent,
            ip=view.ip,
            current=view.current,
        )


class SessionsResponse(Wire):
    sessions: list[Session]
