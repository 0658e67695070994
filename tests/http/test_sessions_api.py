"""Sessions through HTTP: refresh, logout, the session list, and what stops a token."""

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.security.keys import load_key_file
from tests.forgeries import claims_of, forgeries
from tests.http.conftest import Client, auth, sign_up


async def test_register_and_login_return_a_refresh_token(client: Client) -> None:
    user = await sign_up(client, "jake")
    assert len(user["refreshToken"]) >= 43
    login = await client.post(
        "/api/users/login", json={"user": {"email": "jake@example.com", "password": "password123"}}
    )
    assert login.json()["user"]["refreshToken"] not in (None, user["refreshToken"])
    me = (await client.get("/api/user", headers=auth(user["token"]))).json()["user"]
    assert "refreshToken" not in me


async def test_refresh_rotates_and_a_replayed_token_ends_the_session(client: Client) -> None:
    user = await sign_up(client, "jake")
    first = await client.post("/api/users/refresh", json={"refreshToken": user["refreshToken"]})
    assert first.status_code == 200
    renewed = first.json()["user"]
    assert renewed["username"] == "jake"
    assert renewed["refreshToken"] != user["refreshToken"]
    assert (await client.get("/api/user", headers=auth(renewed["token"]))).status_code == 200

    replay = await client.post("/api/users/refresh", json={"refreshToken": user["refreshToken"]})
    assert (replay.status_code, replay.json()) == (401, {"errors": {"refreshToken": ["invalid"]}})
    stolen_session = await client.get("/api/user", headers=auth(renewed["token"]))
    assert stolen_session.status_code == 401
    again = await client.post("/api/users/refresh", json={"refreshToken": renewed["refreshToken"]})
    assert again.status_code == 401


async def test_concurrent_refreshes_with_one_token_let_one_through_at_most(
    client: Client,
) -> None:
    user = await sign_up(client, "jake")
    responses = await asyncio.gather(
        *(
            client.post("/api/users/refresh", json={"refreshToken": user["refreshToken"]})
            for _ in range(5)
        )
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(200) <= 1
    assert set(statuses) <= {200, 401}
    # The replays were detected, so the session is over for everyone.
    assert (await client.get("/api/user", headers=auth(user["token"]))).status_code == 401


@pytest.mark.parametrize(
    "body", [{}, {"refreshToken": ""}, {"refreshToken": 5}, {"refreshToken": "x"}]
)
async def test_bad_refresh_requests(client: Client, body: dict[str, object]) -> None:
    response = await client.post("/api/users/refresh", json=body)
    assert response.status_code in (401, 422)
    assert list(response.json()["errors"]) == ["refreshToken"]


async def test_logout_stops_the_token_at_once(client: Client) -> None:
    user = await sign_up(client, "jake")
    out = await client.post("/api/users/logout", headers=auth(user["token"]))
    assert (out.status_code, out.content) == (204, b"")
    after = await client.get("/api/user", headers=auth(user["token"]))
    assert (after.status_code, after.json()) == (401, {"errors": {"token": ["invalid"]}})
    refresh = await client.post("/api/users/refresh", json={"refreshToken": user["refreshToken"]})
    assert refresh.status_code == 401


async def test_list_and_revoke_sessions(client: Client) -> None:
    user = await sign_up(client, "jake")
    login = await client.post(
        "/api/users/login",
        json={"user": {"email": "jake@example.com", "password": "password123"}},
        headers={"User-Agent": "laptop"},
    )
    laptop_token = login.json()["user"]["token"]

    listed = (await client.get("/api/user/sessions", headers=auth(user["token"]))).json()
    assert [(s["userAgent"], s["current"]) for s in listed["sessions"]] == [
        ("laptop", False),
        ("testclient", True),
    ]
    laptop = listed["sessions"][0]
    assert laptop["id"] == claims_of(laptop_token)["sid"]

    revoked = await client.delete(f"/api/user/sessions/{laptop['id']}", headers=auth(user["token"]))
    assert revoked.status_code == 204
    assert (await client.get("/api/user", headers=auth(laptop_token))).status_code == 401
    again = await client.delete(f"/api/user/sessions/{laptop['id']}", headers=auth(user["token"]))
    assert (again.status_code, again.json()) == (404, {"errors": {"session": ["not found"]}})
    bad = await client.delete("/api/user/sessions/not-a-uuid", headers=auth(user["token"]))
    assert bad.status_code in (404, 422)


async def test_a_password_change_signs_out_every_other_session(client: Client) -> None:
    here = await sign_up(client, "jake")
    there = (
        await client.post(
            "/api/users/login",
            json={"user": {"email": "jake@example.com", "password": "password123"}},
        )
    ).json()["user"]
    changed = await client.put(
        "/api/user", headers=auth(here["token"]), json={"user": {"password": "a new password"}}
    )
    assert changed.status_code == 200
    assert (await client.get("/api/user", headers=auth(here["token"]))).status_code == 200
    assert (await client.get("/api/user", headers=auth(there["token"]))).status_code == 401
    refresh = await client.post("/api/users/refresh", json={"refreshToken": there["refreshToken"]})
    assert refresh.status_code == 401


async def test_a_role_is_never_taken_from_a_request_body(client: Client) -> None:
    response = await client.post(
        "/api/users",
        json={
            "user": {
                "username": "sneaky",
                "email": "sneaky@example.com",
                "password": "password123",
                "role": "admin",
            }
        },
    )
    token = response.json()["user"]["token"]
    await client.put("/api/user", headers=auth(token), json={"user": {"role": "admin", "bio": "x"}})
    assert (await client.get("/api/admin/users", headers=auth(token))).status_code == 403


async def test_every_forgery_of_a_live_token_is_401_token_invalid(
    client: Client, key_file: Path
) -> None:
    token = (await sign_up(client, "jake"))["token"]
    assert (await client.get("/api/user", headers=auth(token))).status_code == 200
    for name, forged in forgeries(token, load_key_file(key_file), datetime.now(UTC)).items():
        response = await client.get("/api/user", headers=auth(forged))
        assert (response.status_code, response.json()) == (
            401,
            {"errors": {"token": ["invalid"]}},
        ), name
