import re
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from entrypoints.container import Container
from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.http.conftest import Client, auth, sign_up


def value(text: str, series: str) -> float:
    match = re.search("^" + re.escape(series) + r" (\S+)$", text, re.MULTILINE)
    return float(match[1]) if match else 0.0


@pytest.fixture
async def open_metrics(settings: Settings, db: Any) -> AsyncIterator[Client]:
    """As under `conduit dev`: /metrics without a token."""
    async with AsyncTestClient(
        create_app(Container(settings=replace(settings, metrics_open=True)))
    ) as client:
        yield client


async def test_requests_by_route_template_and_failed_logins_are_counted(
    open_metrics: Client,
) -> None:
    client = open_metrics
    series = (
        'conduit_http_requests_total{method="GET",route="/api/profiles/{username}",status="404"}'
    )
    before = (await client.get("/metrics")).text
    await client.get("/api/profiles/nobody")
    await sign_up(client, "jake")
    await client.post(
        "/api/users/login", json={"user": {"email": "jake@example.com", "password": "wrong-one"}}
    )
    after = (await client.get("/metrics")).text
    assert value(after, series) - value(before, series) == 1
    assert (
        value(after, "conduit_failed_logins_total") - value(before, "conduit_failed_logins_total")
        == 1
    )
    assert "conduit_http_request_duration_seconds_bucket" in after


async def test_a_wrong_current_password_counts_as_a_failed_login(
    settings: Settings, db: Any
) -> None:
    always_asked = replace(settings, metrics_open=True, reauth_window=0)
    async with AsyncTestClient(create_app(Container(settings=always_asked))) as client:
        token = (await sign_up(client, "jake"))["token"]
        before = (await client.get("/metrics")).text
        change = {"user": {"email": "thief@example.com", "currentPassword": "a guess"}}
        response = await client.put("/api/user", headers=auth(token), json=change)
        after = (await client.get("/metrics")).text
    assert response.status_code == 403
    failed = "conduit_failed_logins_total"
    assert value(after, failed) - value(before, failed) == 1


async def test_metrics_are_off_without_a_token(client: Client) -> None:
    """`conduit serve` with no CONDUIT_METRICS_TOKEN: the route does not exist."""
    response = await client.get("/metrics")
    assert (response.status_code, response.json()) == (404, {"errors": {"route": ["not found"]}})
    assert "/metrics" not in (await client.get("/schema/openapi.json")).json()["paths"]


@pytest.mark.parametrize("metrics_open", [False, True])
async def test_a_configured_token_is_required(
    settings: Settings, db: Any, metrics_open: bool
) -> None:
    guarded = replace(settings, metrics_token="scrape-me", metrics_open=metrics_open)
    async with AsyncTestClient(create_app(Container(settings=guarded))) as client:
        missing = await client.get("/metrics")
        assert (missing.status_code, missing.json()) == (401, {"errors": {"token": ["is missing"]}})
        assert missing.headers["www-authenticate"] == "Bearer"
        for wrong in (b"Bearer nope", b"Token scrape-me", "Bearer scrape-mé".encode(), b"Bearer"):
            refused = await client.get("/metrics", headers={b"Authorization": wrong})
            assert (refused.status_code, refused.json()) == (
                401,
                {"errors": {"token": ["invalid"]}},
            )
            assert refused.headers["www-authenticate"] == "Bearer"
        right = await client.get("/metrics", headers={"Authorization": "Bearer scrape-me"})
        assert right.status_code == 200
        assert right.headers["content-type"].startswith("text/plain")


async def test_open_metrics_need_no_token(open_metrics: Client) -> None:
    response = await open_metrics.get("/metrics")
    assert response.status_code == 200
    assert "conduit_http_requests_total" in response.text
