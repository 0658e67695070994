from litestar import Controller, get, post, put
from litestar.di import NamedDependency
from litestar.params import JSONBody

from application.principal import Principal
from application.users.current import GetCurrentUser
from application.users.login import LogIn
from application.users.register import RegisterUser
from application.users.update import UpdateUser
from entrypoints.http.openapi import AUTHENTICATED, errors
from entrypoints.http.structs.users import (
    LoginUserRequest,
    NewUserRequest,
    UpdateUserRequest,
    UserResponse,
)


class UsersController(Controller):
    path = "/users"
    tags = ["User and Authentication"]

    @post("/", status_code=201, summary="Register a new user", responses=errors(400, 409, 422))
    async def register(
        self, data: JSONBody[NewUserRequest], register_user: NamedDependency[RegisterUser]
    ) -> UserResponse:
        signed_in = await register_user(data.to_command())
        return UserResponse.of(signed_in.account, signed_in.token)

    @post("/login", status_code=200, summary="Existing user login", responses=errors(400, 401, 422))
    async def log_in(
        self, data: JSONBody[LoginUserRequest], log_in: NamedDependency[LogIn]
    ) -> UserResponse:
        signed_in = await log_in(data.to_command())
        return UserResponse.of(signed_in.account, signed_in.token)


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

    @put("/", summary="Update current user", responses=errors(400, 401, 409, 422))
    async def update(
        self,
        data: JSONBody[UpdateUserRequest],
        principal: NamedDependency[Principal],
        access_token: NamedDependency[str],
        update_user: NamedDependency[UpdateUser],
    ) -> UserResponse:
        return UserResponse.of(await update_user(principal, data.to_command()), access_token)
