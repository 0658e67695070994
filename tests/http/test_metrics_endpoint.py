import re
from dataclasses import replace
from typing import Any

from litestar.testing import AsyncTestClient

from entrypoints.container import Container
from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.http.conftest import Client, sign_up


def value(text: str, series: str) -> float:
    match = re.search("^" + re.escape(series) + r" (\S+)$", text, re.MULTILINE)
    return float(match[1]) if match else 0.0


async def test_requests_by_route_template_and_failed_logins_are_counted(client: Client) -> None:
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


async def test_metrics_can_require_a_token(settings: Settings, db: Any) -> None:
    guarded = replace(settings, metrics_token="scrape-me")
    async with AsyncTestClient(create_app(Container(settings=guarded))) as client:
        missing = await client.get("/metrics")
        assert (missing.status_code, missing.json()) == (401, {"errors": {"token": ["is missing"]}})
        wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = await client.get("/metrics", headers={"Authorization": "Bearer scrape-me"})
        assert right.status_code == 200
        assert right.headers["content-type"].startswith("text/plain")
