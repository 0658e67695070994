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


def test_serve_refuses_a_forged_host_and_publishes_only_checked_urls(serve: Any) -> None:
    with serve() as server:
        forged = httpx.get(
            f"{server.url}/.well-known/openid-configuration", headers={"Host": "evil.example"}
        )
        local = httpx.get(f"{server.url}/.well-known/openid-configuration")
    assert (forged.status_code, forged.json()) == (400, {"errors": {"host": ["is not allowed"]}})
    assert "evil.example" not in forged.text
    assert local.json()["jwks_uri"] == f"{server.url}/.well-known/jwks.json"


def test_metrics_under_serve_need_the_token_and_are_off_without_one(serve: Any) -> None:
    with serve() as server:
        off = httpx.get(f"{server.url}/metrics")
    assert (off.status_code, off.json()) == (404, {"errors": {"route": ["not found"]}})
    with serve(CONDUIT_METRICS_TOKEN="scrape-me") as server:
        missing = httpx.get(f"{server.url}/metrics")
        right = httpx.get(f"{server.url}/metrics", headers={"Authorization": "Bearer scrape-me"})
    assert (missing.status_code, missing.headers["www-authenticate"]) == (401, "Bearer")
    assert right.status_code == 200


def test_dev_on_loopback_keeps_metrics_open(serve: Any) -> None:
    with serve(command="dev") as server:
        scraped = httpx.get(f"{server.url}/metrics")
    assert scraped.status_code == 200
    assert "conduit_http_requests_total" in scraped.text
