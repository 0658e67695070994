"""Running Conduit: graceful shutdown, what the logs say (and never say), metrics across
workers."""

import asyncio
import json
import re
import signal
import uuid
from typing import Any

import asyncpg
import httpx

from adapters.postgres.provisioning import asyncpg_dsn

SECRET_PASSWORD = "correct horse battery staple"


def test_sigterm_lets_a_request_in_flight_finish(serve: Any, database_url_for_tests: str) -> None:
    with serve() as server:

        async def scenario() -> int:
            blocker = await asyncpg.connect(asyncpg_dsn(database_url_for_tests))
            transaction = blocker.transaction()
            await transaction.start()
            await blocker.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
            async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
                in_flight = asyncio.create_task(client.get("/api/articles"))
                await asyncio.sleep(0.5)  # the request now waits on the lock
                server.process.send_signal(signal.SIGTERM)
                await asyncio.sleep(1)
                await transaction.rollback()  # ... and can finish
                await blocker.close()
                response = await in_flight
            return response.status_code

        assert asyncio.run(scenario()) == 200
        assert server.process.wait(timeout=30) == 0
        try:
            httpx.get(f"{server.url}/health/live", timeout=2)
            refused = False
        except httpx.TransportError:
            refused = True
        assert refused  # it stopped accepting


def test_logs_are_json_lines_with_context_and_no_secrets(serve: Any) -> None:
    with serve(CONDUIT_LOG_FORMAT="json") as server:
        user = {"username": "logged", "email": "logged@x.io", "password": SECRET_PASSWORD}
        signed_up = httpx.post(f"{server.url}/api/users", json={"user": user}).json()["user"]
        login = {"user": {"email": "logged@x.io", "password": SECRET_PASSWORD}}
        tokens = httpx.post(f"{server.url}/api/users/login", json=login).json()["user"]
        headers = {"Authorization": f"Token {tokens['token']}", "X-Request-ID": "trace-42"}
        article = {"article": {"title": "Logged", "description": "d", "body": "secret body"}}
        created = httpx.post(f"{server.url}/api/articles", json=article, headers=headers)
        assert created.headers["x-request-id"] == "trace-42"
    output = server.output.decode()
    for secret in (
        SECRET_PASSWORD,
        signed_up["token"],
        signed_up["refreshToken"],
        tokens["token"],
        tokens["refreshToken"],
        "secret body",
    ):
        assert secret not in output
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("event") == "request"]
    posted = next(line for line in access if line["request_id"] == "trace-42")
    assert posted["method"] == "POST"
    assert posted["route"] == "/api/articles"
    assert posted["status"] == 201
    assert posted["duration_ms"] >= 0
    assert re.fullmatch(r"[0-9a-f-]{36}", posted["user_id"])
    assert {"timestamp", "level", "logger"} <= set(posted)


def test_metrics_add_up_across_two_workers(serve: Any, redis_url: str) -> None:
    env = {
        "CONDUIT_REDIS_URL": redis_url,
        "CONDUIT_REDIS_KEY_PREFIX": uuid.uuid4().hex,
        "CONDUIT_METRICS_TOKEN": "scrape-me",
    }
    scraper = {"Authorization": "Bearer scrape-me"}
    with serve("--workers", "2", **env) as server:

        async def burst() -> None:
            async with httpx.AsyncClient(base_url=server.url) as client:
                await asyncio.gather(*(client.get("/api/tags") for _ in range(60)))

        asyncio.run(burst())
        scraped = {httpx.get(f"{server.url}/metrics", headers=scraper).text for _ in range(6)}
    counts = {
        float(match[1])
        for text in scraped
        for match in re.finditer(
            r'conduit_http_requests_total\{method="GET",route="/api/tags",status="200"\} (\S+)',
            text,
        )
    }
    assert counts == {60.0}  # whichever worker answers the scrape, all 60 are counted
    text = scraped.pop()
    for name in (
        "conduit_http_request_duration_seconds_bucket",
        'conduit_db_pool_connections{state="in_use"}',
        'conduit_password_hashes{state="running"}',
    ):
        assert name in text
