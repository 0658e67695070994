"""List endpoints run the same few statements whatever the page size."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from dependency_injector import providers
from litestar.testing import AsyncTestClient

from adapters.memory.clock import FakeClock
from adapters.postgres.database import Database
from entrypoints.container import Container
from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.http.conftest import Client, auth, register
from tests.sql import recorded_statements


@pytest.fixture
async def app_and_client(
    settings: Settings, db: Database
) -> AsyncIterator[tuple[Container, Client]]:
    container = Container(settings=settings)
    async with AsyncTestClient(create_app(container)) as client:
        yield container, client


async def test_lists_cost_the_same_at_limit_1_and_100(
    app_and_client: tuple[Container, Client],
) -> None:
    container, client = app_and_client
    author = await register(client, "author")
    reader = await register(client, "reader")
    await client.post("/api/profiles/author/follow", headers=auth(reader))
    for n in range(101):
        response = await client.post(
            "/api/articles",
            headers=auth(author),
            json={
                "article": {
                    "title": f"A{n}",
                    "description": "d",
                    "body": "b",
                    "tagList": ["t", f"x{n % 3}"],
                }
            },
        )
        assert response.status_code == 201
        slug = response.json()["article"]["slug"]
        await client.post(f"/api/articles/{slug}/favorite", headers=auth(reader))
        await client.post(
            f"/api/articles/{slug}/comments", headers=auth(reader), json={"comment": {"body": "c"}}
        )
    for n in range(100):
        await client.post(
            f"/api/articles/{slug}/comments",
            headers=auth(author),
            json={"comment": {"body": f"c{n}"}},
        )

    lists = [
        "/api/articles?limit={limit}",
        "/api/articles?tag=t&limit={limit}",
        "/api/articles?author=author&limit={limit}",
        "/api/articles?favorited=reader&limit={limit}",
        "/api/articles/feed?limit={limit}",
    ]
    for url in lists:
        counts = {}
        for limit in (1, 100):
            with recorded_statements(container.database().engine) as statements:
                response = await client.get(url.format(limit=limit), headers=auth(reader))
            assert response.status_code == 200
            assert len(response.json()["articles"]) == limit
            counts[limit] = len(statements)
        assert counts[1] == counts[100] <= 3, (url, counts)

    comments = "/api/articles/{slug}/comments{query}"
    costs: dict[str, int] = {}
    for query, listed in (("?limit=1", 1), ("?limit=100", 100), ("", 100)):
        with recorded_statements(container.database().engine) as statements:
            response = await client.get(
                comments.format(slug=slug, query=query), headers=auth(reader)
            )
        assert len(response.json()["comments"]) == listed
        costs[query] = len(statements)
    assert costs["?limit=1"] == costs["?limit=100"] == costs[""] <= 3, costs


async def test_a_request_checks_its_session_in_one_read_and_notes_its_use_once_a_minute(
    app_and_client: tuple[Container, Client],
) -> None:
    container, client = app_and_client
    clock = FakeClock(datetime.now(UTC))
    container.clock.override(providers.Object(clock))
    token = await register(client, "jake")

    async def statements_of_a_request() -> list[str]:
        with recorded_statements(container.database().engine) as statements:
            response = await client.get("/api/user", headers=auth(token))
        assert response.status_code == 200
        return [statement.lstrip().split()[0].upper() for statement, _ in statements]

    assert await statements_of_a_request() == ["SELECT", "SELECT"]  # session, then account
    clock.advance(timedelta(seconds=61))
    assert await statements_of_a_request() == ["SELECT", "UPDATE", "SELECT"]
    clock.advance(timedelta(seconds=30))
    assert await statements_of_a_request() == ["SELECT", "SELECT"]
