"""`conduit serve` as a process: it starts, answers, and stops on SIGTERM."""

from typing import Any

import httpx


def test_serve_answers_the_api_and_stops_on_sigterm(serve: Any) -> None:
    with serve() as server:
        user = {"username": "e2e", "email": "e2e@x.io", "password": "password123"}
        response = httpx.post(f"{server.url}/api/users", json={"user": user})
        assert response.status_code == 201
        token = response.json()["user"]["token"]
        me = httpx.get(f"{server.url}/api/user", headers={"Authorization": f"Token {token}"})
        assert me.json()["user"]["username"] == "e2e"
    assert server.process.returncode == 0, server.output.decode()
    assert b"password123" not in server.output


def test_logout_on_one_server_is_seen_at_once_by_another(serve: Any) -> None:
    with serve() as first, serve() as second:
        user = {"username": "both", "email": "both@x.io", "password": "password123"}
        signed_up = httpx.post(f"{first.url}/api/users", json={"user": user}).json()["user"]
        headers = {"Authorization": f"Token {signed_up['token']}"}
        assert httpx.get(f"{second.url}/api/user", headers=headers).status_code == 200

        assert httpx.post(f"{first.url}/api/users/logout", headers=headers).status_code == 204

        after = httpx.get(f"{second.url}/api/user", headers=headers)
        assert (after.status_code, after.json()) == (401, {"errors": {"token": ["invalid"]}})
