"""List endpoints run the same few statements whatever the page size."""

from collections.abc import AsyncIterator

import pytest
from litestar.testing import AsyncTestClient

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
