"""The admin API. The router's guard lets administrators only through, whatever the route
(denied by default); each use case checks its permission again."""

from typing import Annotated, Any

from litestar import Controller, Router, get, post, put
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.handlers import BaseRouteHandler
from litestar.params import JSONBody

from application.admin.accounts import ChangeRole, SuspendUser, UnsuspendUser
from application.admin.listing import ListAudit, ListUsers
from application.errors import Forbidden
from application.ports.queries import Page
from application.principal import Principal
from domain.roles import Role
from entrypoints.http.dependencies import authenticated
from entrypoints.http.openapi import AUTHENTICATED, errors
from entrypoints.http.params import Limit, Offset, PathText, query_text
from entrypoints.http.structs.admin import (
    NO_REASON,
    AuditResponse,
    Reason,
    RoleChange,
    UserAdminResponse,
    UsersResponse,
)


async def administrators_only(
    connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
) -> None:
    principal = await authenticated(connection)
    if principal.role is not Role.ADMIN:
        raise Forbidden("admin")


class AdminUsersController(Controller):
    path = "/users"

    @get("/", summary="Accounts, newest first, optionally searched", responses=errors(401, 403))
    async def list_users(
        self,
        principal: NamedDependency[Principal],
        list_users: NamedDependency[ListUsers],
        search: Annotated[str | None, query_text("Part of a username or e-mail")] = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> UsersResponse:
        page = await list_users(principal, search, Page(limit=limit, offset=offset))
        return UsersResponse.of(page)

    @put(
        "/{username:str}/role",
        summary="Change a user's role",
        responses=errors(401, 403, 404, body=True),
    )
    async def change_role(
        self,
        username: PathText,
        data: JSONBody[RoleChange],
        principal: NamedDependency[Principal],
        change_role: NamedDependency[ChangeRole],
    ) -> UserAdminResponse:
        view = await change_role(principal, username, data.role, data.reason)
        return UserAdminResponse.of(view)

    @post(
        "/{username:str}/suspend",
        status_code=200,
        summary="Suspend a user: no sign-in, every session ended",
        responses=errors(401, 403, 404, body=True),
    )
    async def suspend(
        self,
        username: PathText,
        principal: NamedDependency[Principal],
        suspend_user: NamedDependency[SuspendUser],
        data: JSONBody[Reason] = NO_REASON,
    ) -> UserAdminResponse:
        view = await suspend_user(principal, username, data.reason)
        return UserAdminResponse.of(view)

    @post(
        "/{username:str}/unsuspend",
        status_code=200,
        summary="Let a suspended user sign in again",
        responses=errors(401, 403, 404, body=True),
    )
    async def unsuspend(
        self,
        username: PathText,
        principal: NamedDependency[Principal],
        unsuspend_user: NamedDependency[UnsuspendUser],
        data: JSONBody[Reason] = NO_REASON,
    ) -> UserAdminResponse:
        view = await unsuspend_user(principal, username, data.reason)
        return UserAdminResponse.of(view)


class AdminAuditController(Controller):
    path = "/audit"

    @get("/", summary="Privileged actions, newest first", responses=errors(401, 403))
    async def list_audit(
        self,
        principal: NamedDependency[Principal],
        list_audit: NamedDependency[ListAudit],
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> AuditResponse:
        return AuditResponse.of(await list_audit(principal, Page(limit=limit, offset=offset)))


admin_router = Router(
    "/admin",
    route_handlers=[AdminUsersController, AdminAuditController],
    guards=[administrators_only],
    security=AUTHENTICATED,
    tags=["Admin"],
)
