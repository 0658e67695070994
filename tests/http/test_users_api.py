"""The user and authentication endpoints, through Litestar against PostgreSQL."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from dependency_injector import providers
from litestar.testing import AsyncTestClient

from adapters.memory.clock import FakeClock
from adapters.postgres.database import Database
from entrypoints.container import Container
from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.http.conftest import Client, auth, register, sign_up


async def test_register_login_and_read_the_current_user(client: Client) -> None:
    response = await client.post(
        "/api/users",
        json={"user": {"username": "jake", "email": "jake@jake.jake", "password": "jakejake"}},
    )
    assert response.status_code == 201
    user = response.json()["user"]
    assert user["username"] == "jake" and user["email"] == "jake@jake.jake"
    assert user["bio"] is None and user["image"] is None and user["token"]

    response = await client.post(
        "/api/users/login", json={"user": {"email": "JAKE@jake.jake", "password": "jakejake"}}
    )
    assert response.status_code == 200
    token = response.json()["user"]["token"]

    response = await client.get("/api/user", headers=auth(token))
    assert response.status_code == 200
    assert response.json()["user"] == {
        "email": "jake@jake.jake",
        "token": token,
        "username": "jake",
        "bio": None,
        "image": None,
    }


async def test_bearer_scheme_is_accepted_too(client: Client) -> None:
    token = await register(client)
    response = await client.get("/api/user", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


async def test_update_user_fields_and_normalisation(client: Client) -> None:
    token = await register(client)
    headers = auth(token)

    response = await client.put(
        "/api/user",
        headers=headers,
        json={"user": {"bio": "I like to skateboard", "image": "https://i.stack.imgur.com/x.jpg"}},
    )
    assert response.status_code == 200
    assert response.json()["user"]["bio"] == "I like to skateboard"

    response = await client.put(
        "/api/user", headers=headers, json={"user": {"bio": "", "image": None}}
    )
    assert response.json()["user"]["bio"] is None
    assert response.json()["user"]["image"] is None

    response = await client.put(
        "/api/user", headers=headers, json={"user": {"username": "jake2", "email": "j2@x.io"}}
    )
    assert response.status_code == 200
    response = await client.get("/api/user", headers=headers)
    assert response.json()["user"]["username"] == "jake2"
    assert response.json()["user"]["email"] == "j2@x.io"


async def test_password_change_takes_effect(client: Client) -> None:
    token = await register(client)
    response = await client.put(
        "/api/user", headers=auth(token), json={"user": {"password": "a" * 64}}
    )
    assert response.status_code == 200
    login = {"user": {"email": "jake@example.com", "password": "a" * 64}}
    assert (await client.post("/api/users/login", json=login)).status_code == 200
    login["user"]["password"] = "password123"
    assert (await client.post("/api/users/login", json=login)).status_code == 401


@pytest.fixture
def now() -> FakeClock:
    return FakeClock(datetime.now(UTC))


@pytest.fixture
async def client_at(settings: Settings, db: Database, now: FakeClock) -> AsyncIterator[Client]:
    """A client of an app whose clock is `now`."""
    container = Container(settings=settings)
    container.clock.override(providers.Object(now))
    async with AsyncTestClient(create_app(container)) as client:
        yield client


async def test_email_and_password_change_freely_for_10_minutes_after_a_password_login(
    client_at: Client, now: FakeClock
) -> None:
    client = client_at
    user = await sign_up(client, "jake")
    # A stock front end sends the whole user back, e-mail included.
    whole = {key: user[key] for key in ("username", "email", "bio", "image")}

    async def update(token: str, **changes: Any) -> tuple[int, Any]:
        body = {"user": {**whole, **changes}}
        response = await client.put("/api/user", headers=auth(token), json=body)
        return response.status_code, response.json()

    now.advance(timedelta(minutes=10) - timedelta(seconds=1))
    assert (await update(user["token"], password="new password"))[0] == 200
    now.advance(timedelta(seconds=1))
    assert (await update(user["token"], bio="still fine"))[0] == 200
    required = {"errors": {"currentPassword": ["is required to change email or password"]}}
    assert await update(user["token"], email="new@example.com") == (403, required)

    refresh = {"refreshToken": user["refreshToken"]}
    refreshed = (await client.post("/api/users/refresh", json=refresh)).json()["user"]
    assert await update(refreshed["token"], email="new@example.com") == (403, required)

    login = {"user": {"email": "jake@example.com", "password": "new password"}}
    logged_in = (await client.post("/api/users/login", json=login)).json()["user"]
    status, body = await update(logged_in["token"], email="new@example.com")
    assert (status, body["user"]["email"]) == (200, "new@example.com")


@pytest.mark.parametrize(
    ("user", "errors"),
    [
        (
            {"username": "", "email": "a@b.co", "password": "password123"},
            {"username": ["can't be blank"]},
        ),
        ({"username": "a", "email": "", "password": "password123"}, {"email": ["can't be blank"]}),
        ({"username": "a", "email": "a@b.co", "password": ""}, {"password": ["can't be blank"]}),
        ({"username": "a", "email": "a@b.co"}, {"password": ["can't be blank"]}),
        (
            {"username": "a", "email": "a@b.co", "password": "x" * 1025},
            {"password": ["is too long (maximum is 1024 bytes)"]},
        ),
        (
            {"username": 7, "email": "a@b.co", "password": "password123"},
            {"username": ["must be a string"]},
        ),
    ],
)
async def test_register_rejects_invalid_fields_with_422(
    client: Client, user: dict[str, object], errors: dict[str, list[str]]
) -> None:
    response = await client.post("/api/users", json={"user": user})
    assert response.status_code == 422
    assert response.json() == {"errors": errors}


async def test_duplicates_are_409_per_field(client: Client) -> None:
    await register(client, "jake")
    response = await client.post(
        "/api/users",
        json={"user": {"username": "Jake", "email": "other@x.io", "password": "password123"}},
    )
    assert response.status_code == 409
    assert response.json() == {"errors": {"username": ["has already been taken"]}}
    response = await client.post(
        "/api/users",
        json={
            "user": {"username": "other", "email": "JAKE@example.com", "password": "password123"}
        },
    )
    assert response.json() == {"errors": {"email": ["has already been taken"]}}


async def test_concurrent_registrations_of_one_name_give_one_201_and_the_rest_409(
    client: Client,
) -> None:
    async def attempt(n: int) -> int:
        response = await client.post(
            "/api/users",
            json={
                "user": {"username": "race", "email": f"race{n}@x.io", "password": "password123"}
            },
        )
        return response.status_code

    statuses = await asyncio.gather(*(attempt(n) for n in range(8)))
    assert sorted(statuses) == [201] + [409] * 7


async def test_wrong_password_is_401_credentials_invalid(client: Client) -> None:
    await register(client)
    response = await client.post(
        "/api/users/login", json={"user": {"email": "jake@example.com", "password": "nope-nope"}}
    )
    assert response.status_code == 401
    assert response.json() == {"errors": {"credentials": ["invalid"]}}


@pytest.mark.parametrize("method", ["get", "put"])
async def test_current_user_needs_a_token(client: Client, method: str) -> None:
    response = await client.request(method, "/api/user", json={"user": {"bio": "x"}})
    assert response.status_code == 401
    assert response.json() == {"errors": {"token": ["is missing"]}}


@pytest.mark.parametrize(
    "header",
    ["Token", "Token ", "Token garbage", "Basic dXNlcjpwYXNz", "Token a.b.c", "x" * 5000],
)
async def test_any_unusable_authorization_is_401_token_invalid(client: Client, header: str) -> None:
    response = await client.get("/api/user", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json() == {"errors": {"token": ["invalid"]}}


@pytest.mark.parametrize(
    "user",
    [
        {"email": None},
        {"username": None},
        {"password": None},
        {"email": ""},
        {"username": ""},
        {"password": "short7c"},
        {"image": "javascript:alert(1)"},
        {"bio": 5},
    ],
)
async def test_update_rejects_invalid_values_with_422_and_changes_nothing(
    client: Client, user: dict[str, object]
) -> None:
    token = await register(client)
    response = await client.put("/api/user", headers=auth(token), json={"user": user})
    assert response.status_code == 422
    (field,) = user
    assert list(response.json()["errors"]) == [field]
    current = (await client.get("/api/user", headers=auth(token))).json()["user"]
    assert (current["username"], current["email"]) == ("jake", "jake@example.com")
