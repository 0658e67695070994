"""API2:2023 Broken Authentication: forged or stolen tokens and guessed passwords fail."""

import ipaddress
from datetime import UTC, datetime
from pathlib import Path

from adapters.security.keys import load_key_file
from tests.forgeries import forgeries
from tests.http.conftest import Client, auth, sign_up
from tests.security.conftest import ClientWith


async def test_every_forged_token_is_refused(client: Client, key_file: Path) -> None:
    token = (await sign_up(client, "jake"))["token"]
    for name, forged in forgeries(token, load_key_file(key_file), datetime.now(UTC)).items():
        response = await client.get("/api/user", headers=auth(forged))
        assert response.status_code == 401, name


async def test_repeated_failed_logins_lock_the_account_for_a_while(client: Client) -> None:
    await sign_up(client, "victim")
    await sign_up(client, "bystander")

    async def log_in(email: str, password: str) -> int:
        body = {"user": {"email": email, "password": password}}
        return (await client.post("/api/users/login", json=body)).status_code

    assert [await log_in("victim@example.com", f"guess {n}") for n in range(5)] == [401] * 5
    locked = await client.post(
        "/api/users/login",
        json={"user": {"email": "VICTIM@example.com", "password": "password123"}},
    )
    assert locked.status_code == 429
    assert list(locked.json()["errors"]) == ["account"]
    assert 1 <= int(locked.headers["Retry-After"]) <= 60
    # Only that account is held back.
    assert await log_in("bystander@example.com", "password123") == 200


async def test_attempts_on_one_account_from_many_addresses_meet_one_limit(
    client_with: ClientWith,
) -> None:
    everywhere = (ipaddress.ip_network("0.0.0.0/0"),)
    async with client_with(auth_rate_limit_per_minute=3, trusted_proxies=everywhere) as client:
        statuses = []
        for n in range(5):
            response = await client.post(
                "/api/users/login",
                json={"user": {"email": "target@example.com", "password": "password123"}},
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
            )
            statuses.append(response.status_code)
        assert statuses == [401, 401, 401, 429, 429]


async def test_a_replayed_refresh_token_ends_the_session(client: Client) -> None:
    user = await sign_up(client, "jake")
    renewed = await client.post("/api/users/refresh", json={"refreshToken": user["refreshToken"]})
    replayed = await client.post("/api/users/refresh", json={"refreshToken": user["refreshToken"]})
    assert (renewed.status_code, replayed.status_code) == (200, 401)
    new_token = renewed.json()["user"]["token"]
    assert (await client.get("/api/user", headers=auth(new_token))).status_code == 401


async def test_a_stolen_access_token_cannot_change_email_or_password(
    client_with: ClientWith,
) -> None:
    required = {"errors": {"currentPassword": ["is required to change email or password"]}}
    async with client_with(reauth_window=0) as client:
        token = (await sign_up(client, "jake"))["token"]

        async def update(**user: str) -> tuple[int, object]:
            response = await client.put("/api/user", headers=auth(token), json={"user": user})
            return response.status_code, response.json()

        assert await update(email="thief@example.com") == (403, required)
        assert await update(password="thief's password") == (403, required)
        assert await update(email="thief@example.com", currentPassword="guess") == (
            403,
            {"errors": {"currentPassword": ["is invalid"]}},
        )
        status, _ = await update(username="jake2", email="jake@example.com", bio="unchanged")
        assert status == 200
        status, body = await update(email="new@example.com", currentPassword="password123")
        assert (status, body["user"]["email"]) == (200, "new@example.com")  # type: ignore[index]
