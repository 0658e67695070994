"""Benchmarks (`make bench-…`): each runs on a database of its own."""

import asyncio
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from adapters.postgres import migrator
from adapters.postgres.provisioning import create_database, database_url, drop_database
from adapters.security.keys import write_new_key_file


@contextmanager
def bench_database() -> Iterator[str]:
    """A migrated database, dropped afterwards, with CONDUIT_DATABASE_URL and a signing key
    set for the `conduit` processes: on CONDUIT_TEST_DATABASE_URL's server, or an embedded
    one."""
    embedded = None
    server = os.environ.get("CONDUIT_TEST_DATABASE_URL")
    if not server:
        from adapters.postgres.embedded import EmbeddedPostgres

        embedded = EmbeddedPostgres(Path(tempfile.mkdtemp()) / "pgdata")
        server = embedded.url()
    name = f"conduit_bench_{uuid.uuid4().hex[:8]}"
    asyncio.run(create_database(server, name))
    url = database_url(server, name)
    keys = Path(tempfile.mkdtemp()) / "jwks.json"
    write_new_key_file(keys)
    os.environ.update(
        CONDUIT_DATABASE_URL=url, CONDUIT_JWT_KEYS_FILE=str(keys), CONDUIT_LOG_LEVEL="WARNING"
    )
    try:
        migrator.upgrade(url)
        yield url
    finally:
        asyncio.run(drop_database(server, name))
        if embedded is not None:
            embedded.stop()


def wait_until_live(base: str) -> None:
    """Returns once the server at `base` answers its liveness probe (for up to ten seconds)."""
    for _ in range(100):
        try:
            httpx.get(f"{base}/health/live")
            return
        except httpx.TransportError:
            time.sleep(0.1)
