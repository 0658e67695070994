from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from adapters.postgres.database import Database
from entrypoints.container import Container
from entrypoints.http.app import create_app
from entrypoints.settings import Settings

Client = AsyncTestClient[Litestar]


@pytest.fixture
async def client(settings: Settings, db: Database) -> AsyncIterator[Client]:
    async with AsyncTestClient(create_app(Container(settings=settings))) as client:
        yield client


async def register(client: Client, name: str = "jake", password: str = "password123") -> str:
    response = await client.post(
        "/api/users",
        json={"user": {"username": name, "email": f"{name}@example.com", "password": password}},
    )
    assert response.status_code == 201, response.text
    token: str = response.json()["user"]["token"]
    return token


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Token {token}"}
