from uuid import UUID

from litestar import Controller, delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from application.principal import Principal
from application.sessions.logout import LogOut
from application.sessions.manage import ListSessions, RevokeSession
from application.sessions.opening import Client
from application.sessions.refresh import RefreshSession
from application.users.current import GetCurrentUser
from application.users.login import LogIn
from application.users.register import RegisterUser
from application.users.update import UpdateUser
from entrypoints.http.middleware import CARRIES_TOKENS
from entrypoints.http.openapi import AUTHENTICATED, errors
from entrypoints.http.structs.users import (
    LoginUserRequest,
    NewUserRequest,
    RefreshRequest,
    Session,
    SessionsResponse,
    UpdateUserRequest,
    UserResponse,
)


class UsersController(Controller):
    path = "/users"
    tags = ["User and Authentication"]

    @post(
        "/",
        status_code=201,
        summary="Register a new user",
        responses=errors(409, body=True),
        opt={CARRIES_TOKENS: True},
    )
    async def register(
        self,
        data: JSONBody[NewUserRequest],
        client: NamedDependency[Client],
        register_user: NamedDependency[RegisterUser],
    ) -> UserResponse:
        return UserResponse.signed_in(await register_user(data.to_command(), client))

    @post(
        "/login",
        status_code=200,
        summary="Existing user login",
        description="A suspended account answers as a wrong password does.",
        responses=errors(401, body=True),
        opt={CARRIES_TOKENS: True},
    )
    async def log_in(
        self,
        data: JSONBody[LoginUserRequest],
        client: NamedDependency[Client],
        log_in: NamedDependency[LogIn],
    ) -> UserResponse:
        return UserResponse.signed_in(await log_in(data.to_command(), client))

    @post(
        "/refresh",
        status_code=200,
        summary="Trade a refresh token for new tokens",
        description="Each refresh token works once. Presenting a used one ends its session.",
        responses=errors(401, 403, body=True),
        opt={CARRIES_TOKENS: True},
    )
    async def refresh(
        self,
        data: JSONBody[RefreshRequest],
        client: NamedDependency[Client],
        refresh_session: NamedDependency[RefreshSession],
    ) -> UserResponse:
        return UserResponse.signed_in(await refresh_session(data.refresh_token, client))

    @post(
        "/logout",
        status_code=204,
        summary="End the current session",
        security=AUTHENTICATED,
        responses=errors(401),
    )
    async def log_out(
        self, principal: NamedDependency[Principal], log_out: NamedDependency[LogOut]
    ) -> None:
        await log_out(principal)


class CurrentUserController(Controller):
    path = "/user"
    tags = ["User and Authentication"]
    security = AUTHENTICATED

    @get("/", summary="Get current user", responses=errors(401))
    async def get_current(
        self,
        principal: NamedDependency[Principal],
        access_token: NamedDependency[str],
        get_current_user: NamedDependency[GetCurrentUser],
    ) -> UserResponse:
        return UserResponse.of(await get_current_user(principal), access_token)

    @put(
        "/",
        summary="Update current user",
        description="A new password ends every other session of the user. A new `email` or "
        "`password` needs `currentPassword`, unless the session's password login is recent.",
        responses=errors(401, 403, 409, body=True),
    )
    async def update(
        self,
        data: JSONBody[UpdateUserRequest],
        principal: NamedDependency[Principal],
        access_token: NamedDependency[str],
        client: NamedDependency[Client],
        update_user: NamedDependency[UpdateUser],
    ) -> UserResponse:
        account = await update_user(principal, data.to_command(), data.current_password, client)
        return UserResponse.of(account, access_token)

    @get("/sessions", summary="The current user's open sessions", responses=errors(401))
    async def sessions(
        self,
        principal: NamedDependency[Principal],
        list_sessions: NamedDependency[ListSessions],
    ) -> SessionsResponse:
        views = await list_sessions(principal)
        return SessionsResponse(sessions=[Session.of(view) for view in views])

    @delete("/sessions/{session_id:uuid}", summary="End one session", responses=errors(401, 404))
    async def revoke_session(
        self,
        session_id: FromPath[UUID],
        principal: NamedDependency[Principal],
        revoke_session: NamedDependency[RevokeSession],
    ) -> None:
        await revoke_session(principal, session_id)
