"""API4:2023 Unrestricted Resource Consumption: every request is bounded in size, page,
rate and time."""

import pytest
from sqlalchemy import text

from adapters.postgres.database import Database
from application.errors import StoreUnavailable
from tests.http.conftest import Client, auth, sign_up
from tests.security.conftest import ClientWith


async def test_a_body_over_the_limit_is_413_and_stores_nothing(client_with: ClientWith) -> None:
    async with client_with(max_body_bytes=2048) as client:
        user = {"username": "big", "email": "big@example.com", "password": "p" * 3000}
        response = await client.post("/api/users", json={"user": user})
        assert response.status_code == 413
        assert response.json() == {"errors": {"body": ["is too large (maximum is 2048 bytes)"]}}
        login = {"user": {"email": "big@example.com", "password": "p" * 3000}}
        assert (await client.post("/api/users/login", json=login)).status_code == 413


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "t" * 201),
        ("description", "d" * 1001),
        ("body", "b" * 100_001),
        ("tagList", ["t" * 41]),
        ("tagList", [f"t{n}" for n in range(21)]),
    ],
)
async def test_field_sizes_are_bounded(client: Client, field: str, value: object) -> None:
    token = (await sign_up(client, "jake"))["token"]
    article = {"title": "t", "description": "d", "body": "b", field: value}
    response = await client.post("/api/articles", headers=auth(token), json={"article": article})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]


async def test_pages_are_bounded(client: Client) -> None:
    response = await client.get("/api/articles?limit=1000")
    assert response.status_code == 422


async def test_the_general_rate_limit_answers_429_with_its_headers(
    client_with: ClientWith,
) -> None:
    async with client_with(rate_limit_per_minute=3) as client:
        responses = [await client.get("/api/tags") for _ in range(4)]
        assert [r.status_code for r in responses] == [200, 200, 200, 429]
        assert [r.headers["RateLimit-Remaining"] for r in responses] == ["2", "1", "0", "0"]
        refused = responses[-1]
        assert refused.headers["RateLimit-Limit"] == "3"
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        assert int(refused.headers["RateLimit-Reset"]) == int(refused.headers["Retry-After"])
        assert list(refused.json()["errors"]) == ["request"]
        # Health checks are never limited.
        assert (await client.get("/health/live")).status_code == 200


async def test_login_register_and_refresh_have_a_stricter_limit(client_with: ClientWith) -> None:
    async with client_with(auth_rate_limit_per_minute=2, rate_limit_per_minute=100) as client:
        for path, body in [
            ("/api/users/login", {"user": {"email": "a@b.co", "password": "x"}}),
            ("/api/users", {"user": {"username": "", "email": "", "password": ""}}),
            ("/api/users/refresh", {"refreshToken": "x"}),
        ]:
            await client.post(path, json=body)
        response = await client.post("/api/users/refresh", json={"refreshToken": "x"})
        assert response.status_code == 429
        assert (await client.get("/api/tags")).status_code == 200


async def test_statements_have_a_time_limit(database_url_for_tests: str) -> None:
    database = Database(database_url_for_tests, pool_size=1, statement_timeout_ms=200)
    try:
        async with database.engine.connect() as connection:
            with pytest.raises(StoreUnavailable):
                await connection.execute(text("SELECT pg_sleep(2)"))
    finally:
        await database.close()


async def test_an_unreachable_database_is_503_with_retry_after_promptly(
    client_with: ClientWith,
) -> None:
    async with client_with(database_url="postgresql://nobody@127.0.0.1:9/none") as client:
        response = await client.get("/api/articles")
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "5"
        assert list(response.json()["errors"]) == ["database"]
