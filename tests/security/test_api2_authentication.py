"""API2:2023 Broken Authentication: forged or stolen tokens and guessed passwords fail."""

from datetime import UTC, datetime
from pathlib import Path

from httpx import Response

from adapters.security.keys import load_key_file
from entrypoints.container import Container
from tests.forgeries import forgeries
from tests.http.conftest import OPERATOR, Client, auth, sign_up
from tests.security.conftest import LOOPBACK_PROXY, ClientWith


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


async def log_in_from(client: Client, address: str, email: str, password: str) -> Response:
    return await client.post(
        "/api/users/login",
        json={"user": {"email": email, "password": password}},
        headers={"X-Forwarded-For": address},
    )


async def test_a_guesser_cannot_lock_the_owner_out_from_elsewhere(client_with: ClientWith) -> None:
    # As many requests as one address may make in a minute (the default limit).
    async with client_with(auth_rate_limit_per_minute=10, trusted_proxies=LOOPBACK_PROXY) as client:
        await sign_up(client, "victim")
        guesses = [
            await log_in_from(client, "203.0.113.9", "victim@example.com", f"guess {n}")
            for n in range(9)
        ]
        assert [guess.status_code for guess in guesses] == [401] * 5 + [429] * 4
        # The guesser's address stays locked, even with the right password ...
        again = await log_in_from(client, "203.0.113.9", "victim@example.com", "password123")
        assert (again.status_code, list(again.json()["errors"])) == (429, ["account"])
        # ... while the owner, elsewhere, signs in.
        owner = await log_in_from(client, "198.51.100.7", "victim@example.com", "password123")
        assert owner.status_code == 200


async def test_guesses_from_many_addresses_meet_an_account_wide_ceiling(
    client_with: ClientWith,
) -> None:
    async with client_with(trusted_proxies=LOOPBACK_PROXY) as client:
        await sign_up(client, "victim")
        statuses = [
            (
                await log_in_from(client, f"203.0.113.{n // 5}", "VICTIM@example.com", "guess")
            ).status_code
            for n in range(50)
        ]
        assert statuses == [401] * 50
        # A botnet can spend the account's budget, and then nobody signs in for a while.
        owner = await log_in_from(client, "198.51.100.7", "victim@example.com", "password123")
        assert (owner.status_code, list(owner.json()["errors"])) == (429, ["account"])
        assert 1 <= int(owner.headers["Retry-After"]) <= 60


async def test_a_suspended_account_answers_right_and_wrong_passwords_alike(
    client: Client, console: Container
) -> None:
    await sign_up(client, "jake")
    await console.suspend_user()(OPERATOR, "jake")

    async def answer(password: str) -> tuple[int, bytes, str | None]:
        response = await client.post(
            "/api/users/login",
            json={"user": {"email": "jake@example.com", "password": password}},
        )
        return response.status_code, response.content, response.headers.get("content-type")

    right, wrong = await answer("password123"), await answer("wrong password")
    assert right == wrong
    assert right[0] == 401
    # The right password counts as a failure too, or the lock-out would tell them apart.
    for n in range(3):
        assert (await answer(f"guess {n}"))[0] == 401
    assert (await answer("password123"))[0] == 429


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
