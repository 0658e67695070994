from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from adapters.postgres.database import Database
from application.principal import Operator
from entrypoints.container import Container, shutdown
from entrypoints.http.app import create_app
from entrypoints.settings import Settings

Client = AsyncTestClient[Litestar]


@pytest.fixture
def container(settings: Settings, db: Database) -> Container:
    """The app's container. The test client serves the app on a loop of its own, so call
    use cases directly through `console` instead."""
    return Container(settings=settings)


@pytest.fixture
async def client(container: Container) -> AsyncIterator[Client]:
    async with AsyncTestClient(create_app(container)) as client:
        yield client


@pytest.fixture
async def console(settings: Settings, db: Database) -> AsyncIterator[Container]:
    """What an operator at the server's console uses: the same database, this loop."""
    container = Container(settings=settings)
    yield container
    await shutdown(container)


async def sign_up(client: Client, name: str, password: str = "password123") -> dict[str, Any]:
    """Registers `name`; returns the `user` of the response, tokens included."""
    response = await client.post(
        "/api/users",
        json={"user": {"username": name, "email": f"{name}@example.com", "password": password}},
    )
    assert response.status_code == 201, response.text
    user: dict[str, Any] = response.json()["user"]
    return user


async def register(client: Client, name: str = "jake", password: str = "password123") -> str:
    """Registers `name`; returns its access token."""
    token: str = (await sign_up(client, name, password))["token"]
    return token


OPERATOR = Operator(name="cli:test")


async def make(console: Container, username: str, role: str) -> None:
    await console.change_role()(OPERATOR, username, role)


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Token {token}"}
