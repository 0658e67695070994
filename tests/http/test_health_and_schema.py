from dataclasses import replace
from typing import Any

from litestar.testing import AsyncTestClient

from entrypoints.container import Container
from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.http.conftest import Client


async def test_live_and_ready(client: Client) -> None:
    live = await client.get("/health/live")
    assert (live.status_code, live.json()) == (200, {"status": "ok"})
    ready = await client.get("/health/ready")
    assert (ready.status_code, ready.json()) == (200, {"status": "ok"})


async def test_not_ready_names_what_does_not_answer_but_still_live(
    settings: Settings, redis_url: str
) -> None:
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"database_url": "postgresql://nobody@127.0.0.1:1/none"}, ["database"]),
        ({"redis_url": "redis://127.0.0.1:9/0"}, ["redis"]),
        (
            {
                "database_url": "postgresql://nobody@127.0.0.1:1/none",
                "redis_url": "redis://127.0.0.1:9/0",
            },
            ["database", "redis"],
        ),
    ]
    for changes, failing in cases:
        broken = replace(settings, **changes)
        async with AsyncTestClient(create_app(Container(settings=broken))) as client:
            ready = await client.get("/health/ready")
            assert ready.status_code == 503
            assert ready.json() == {"status": "unavailable", "failing": failing}
            assert (await client.get("/health/live")).status_code == 200
    with_redis = replace(settings, redis_url=redis_url)
    async with AsyncTestClient(create_app(Container(settings=with_redis))) as client:
        assert (await client.get("/health/ready")).json() == {"status": "ok"}


async def test_openapi_describes_every_route_with_its_schemas(client: Client) -> None:
    document = (await client.get("/schema/openapi.json")).json()
    paths = document["paths"]
    assert set(paths) >= {"/api/users", "/api/users/login", "/api/user", "/health/live"}
    register = paths["/api/users"]["post"]
    assert register["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "NewUserRequest"
    )
    assert "201" in register["responses"]
    assert paths["/api/user"]["get"]["security"] == [{"Token": []}]
    new_user = document["components"]["schemas"]["NewUser"]
    assert set(new_user["required"]) == {"username", "email", "password"}
    assert document["components"]["securitySchemes"]["Token"]["in"] == "header"
