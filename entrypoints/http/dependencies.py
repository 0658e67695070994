"""Bridges container providers and the caller's identity into Litestar handlers.

Handlers name what they need (`register_user: NamedDependency[RegisterUser]`,
`principal: NamedDependency[Principal]`); the functions here resolve it from the
application's container, kept in `app.state`. Every `UseCase` provider of the container is
a dependency of its name: declaring it there is all it takes."""

from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from litestar import Request
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.di import Provide

from application.errors import AuthenticationRequired, InvalidToken
from application.principal import Principal
from application.sessions.opening import Client
from entrypoints.container import Container, UseCase
from entrypoints.http.client_ip import client_address

TOKEN_SCHEMES = ("token", "bearer")


def container_of(state: State) -> Container:
    container: Container = state.container
    return container


def _from_container(name: str) -> Callable[[State], Awaitable[Any]]:
    async def provide(state: State) -> Any:
        return getattr(container_of(state), name)()

    provide.__name__ = f"provide_{name}"
    return provide


def presented_token(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    """The token of an `Authorization: Token <jwt>` header (`Bearer` works too)."""
    header = connection.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() not in TOKEN_SCHEMES or not token.strip():
        raise InvalidToken()
    return token.strip()


async def authenticated(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    """The caller, authenticated once per request (guards and handlers share it)."""
    principal: Principal | None = connection.state.get("principal")
    if principal is None:
        token = presented_token(connection)
        if token is None:
            raise AuthenticationRequired()
        principal = await container_of(connection.app.state).authenticate()(token)
        connection.state["principal"] = principal
        structlog.contextvars.bind_contextvars(user_id=str(principal.user_id))
    return principal


async def provide_principal(request: Request[Any, Any, Any]) -> Principal:
    return await authenticated(request)


async def provide_viewer(request: Request[Any, Any, Any]) -> Principal | None:
    """The caller when a token is presented; anonymous otherwise. A bad token is refused."""
    return None if presented_token(request) is None else await authenticated(request)


async def provide_access_token(request: Request[Any, Any, Any]) -> str:
    token = presented_token(request)
    if token is None:
        raise AuthenticationRequired()
    return token


async def provide_client(request: Request[Any, Any, Any], state: State) -> Client:
    trusted = container_of(state).settings().trusted_proxies
    return Client(
        user_agent=request.headers.get("user-agent"),
        ip=client_address(request.scope, trusted),
    )


dependencies = {
    **{
        name: Provide(_from_container(name))
        for name, provider in Container.providers.items()
        if isinstance(provider, UseCase)
    },
    "access_token": Provide(provide_access_token),
    "principal": Provide(provide_principal),
    "viewer": Provide(provide_viewer),
    "client": Provide(provide_client),
}
