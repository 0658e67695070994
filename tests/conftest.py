"""Shared fixtures. PostgreSQL tests run in a database of their own, created for this run
and dropped after it: on CONDUIT_TEST_DATABASE_URL's server when set, else on an embedded
server in a temporary directory."""

import asyncio
import os
import socket
import subprocess
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import redis
from sqlalchemy import text

from adapters.memory.clock import FakeClock
from adapters.memory.store import InMemoryStore
from adapters.memory.unit_of_work import InMemoryUnitOfWork
from adapters.postgres import migrator
from adapters.postgres.database import Database
from adapters.postgres.provisioning import create_database, database_url, drop_database
from adapters.postgres.tables import metadata
from adapters.security.argon2_hasher import Argon2PasswordHasher
from adapters.security.jose_tokens import JoseTokenService
from adapters.security.keys import load_key_file, write_new_key_file
from entrypoints.settings import Settings
from tests import tiers

CHEAP_ARGON2 = {"time_cost": 1, "memory_cost_kib": 8, "parallelism": 1}
# Tests send many requests from one address; the rate-limit tests set their own limits.
GENEROUS_LIMITS: dict[str, Any] = {
    "rate_limit_per_minute": 1_000_000,
    "auth_rate_limit_per_minute": 1_000_000,
}


# --- Tiers (tests/tiers.py) ---------------------------------------------------------------


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    tiers.assign(items)


@pytest.fixture(autouse=True)
def _unit_tests_do_no_io(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `unit` test that opens a connection (PostgreSQL, Redis, the network, the embedded
    server's socket) or starts a process fails, so `make test-fast` needs nothing running."""
    if request.node.get_closest_marker("unit") is None:
        return

    def refuse(attempt: str) -> Callable[..., Any]:
        def refused(*args: object, **kwargs: object) -> Any:
            pytest.fail(f"a unit test does no I/O, but this one tried to {attempt}")

        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("connect a socket"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect a socket"))
    monkeypatch.setattr(subprocess.Popen, "__init__", refuse("start a process"))


# --- Shared -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "jwks.json"
    write_new_key_file(path)
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def hasher() -> Iterator[Argon2PasswordHasher]:
    hasher = Argon2PasswordHasher(**CHEAP_ARGON2, max_concurrency=2)
    yield hasher
    hasher.close()


@pytest.fixture
def tokens(key_file: Path, clock: FakeClock) -> JoseTokenService:
    return JoseTokenService(
        load_key_file(key_file),
        issuer="conduit",
        audience="conduit",
        lifetime=timedelta(hours=1),
        clock=clock,
    )


@pytest.fixture
def store() -> InMemoryStore:
    return InMemoryStore()


@pytest.fixture
def memory_uow(store: InMemoryStore) -> InMemoryUnitOfWork:
    return InMemoryUnitOfWork(store)


# --- PostgreSQL ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a server this run may create databases on."""
    configured = os.environ.get("CONDUIT_TEST_DATABASE_URL")
    if configured:
        yield configured
        return
    from adapters.postgres.embedded import EmbeddedPostgres

    embedded = EmbeddedPostgres(tmp_path_factory.mktemp("pg") / "pgdata")
    try:
        yield embedded.url()
    finally:
        embedded.stop()


@pytest.fixture(scope="session")
def new_database(postgres_server: str) -> Iterator[Callable[[], str]]:
    """Creates empty databases for this run and drops them all at its end."""
    created: list[str] = []

    def create() -> str:
        name = f"conduit_test_{uuid.uuid4().hex[:12]}"
        asyncio.run(create_database(postgres_server, name))
        created.append(name)
        return database_url(postgres_server, name)

    yield create
    for name in created:
        asyncio.run(drop_database(postgres_server, name))


@pytest.fixture(scope="session")
def database_url_for_tests(new_database: Callable[[], str]) -> str:
    url = new_database()
    migrator.upgrade(url)
    return url


@pytest.fixture(scope="session")
async def database(database_url_for_tests: str) -> AsyncIterator[Database]:
    database = Database(database_url_for_tests, pool_size=5)
    yield database
    await database.close()


@pytest.fixture
async def db(database: Database) -> AsyncIterator[Database]:
    """The test database, emptied after the test."""
    yield database
    tables = ", ".join(table.name for table in metadata.sorted_tables)
    async with database.engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {tables} CASCADE"))


@pytest.fixture(scope="session")
def redis_url() -> str:
    """CONDUIT_TEST_REDIS_URL (required to answer when set, as in CI), else a local Redis
    if one answers; tests that need Redis are skipped on a machine without one."""
    configured = os.environ.get("CONDUIT_TEST_REDIS_URL")
    url = configured or "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1).ping()
    except redis.RedisError:
        if configured:
            raise
        pytest.skip("no Redis at redis://127.0.0.1:6379 (set CONDUIT_TEST_REDIS_URL)")
    return url


@pytest.fixture
def settings(database_url_for_tests: str, key_file: Path) -> Settings:
    return Settings(
        database_url=database_url_for_tests,
        jwt_keys_file=key_file,
        argon2_time_cost=CHEAP_ARGON2["time_cost"],
        argon2_memory_kib=CHEAP_ARGON2["memory_cost_kib"],
        argon2_parallelism=CHEAP_ARGON2["parallelism"],
        password_hash_concurrency=2,
        allowed_hosts=("testserver.local",),  # the Host of Litestar's test client
        **GENEROUS_LIMITS,
    )
