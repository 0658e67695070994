"""Bridges container providers and the caller's identity into Litestar handlers.

Handlers name what they need (`register_user: RegisterUser`, `principal: Principal`); the
functions here resolve it from the application's container, kept in `app.state`."""

from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Request
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide

from application.errors import AuthenticationRequired, InvalidToken
from application.principal import Principal
from application.users.authenticate import Authenticate
from entrypoints.container import Container

TOKEN_SCHEMES = ("token", "bearer")


def container_of(state: State) -> Container:
    container: Container = state.container
    return container


def _from_container(name: str) -> Callable[[State], Awaitable[Any]]:
    async def provide(state: State) -> Any:
        return getattr(container_of(state), name)()

    provide.__name__ = f"provide_{name}"
    return provide


def presented_token(request: Request[Any, Any, Any]) -> str | None:
    """The token of an `Authorization: Token <jwt>` header (`Bearer` works too)."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() not in TOKEN_SCHEMES or not token.strip():
        raise InvalidToken()
    return token.strip()


async def provide_access_token(request: Request[Any, Any, Any]) -> str:
    token = presented_token(request)
    if token is None:
        raise AuthenticationRequired()
    return token


async def provide_principal(
    access_token: NamedDependency[str], authenticate: NamedDependency[Authenticate]
) -> Principal:
    return await authenticate(access_token)


async def provide_viewer(
    request: Request[Any, Any, Any], authenticate: NamedDependency[Authenticate]
) -> Principal | None:
    """The caller when a token is presented; anonymous otherwise. A bad token is refused."""
    token = presented_token(request)
    return None if token is None else await authenticate(token)


USE_CASES = (
    "authenticate",
    "register_user",
    "log_in",
    "get_current_user",
    "update_user",
    "get_profile",
    "follow_user",
    "unfollow_user",
    "list_articles",
    "get_feed",
    "get_article",
    "create_article",
    "update_article",
    "delete_article",
    "favorite_article",
    "unfavorite_article",
    "list_comments",
    "add_comment",
    "delete_comment",
    "list_tags",
)

dependencies = {
    **{name: Provide(_from_container(name)) for name in USE_CASES},
    "access_token": Provide(provide_access_token),
    "principal": Provide(provide_principal),
    "viewer": Provide(provide_viewer),
}
