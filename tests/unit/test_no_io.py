"""The `unit` tier does no I/O (tests/conftest.py): a connection or a process fails the test,
so `make test-fast` runs with no PostgreSQL, no Redis and no network."""

import asyncio
import socket
import subprocess

import pytest


def test_a_socket_cannot_connect() -> None:
    with pytest.raises(pytest.fail.Exception, match="does no I/O"):
        socket.create_connection(("127.0.0.1", 5432), timeout=1)


async def test_an_asyncio_connection_cannot_open() -> None:
    with pytest.raises(pytest.fail.Exception, match="does no I/O"):
        await asyncio.open_connection("127.0.0.1", 6379)


def test_a_process_cannot_start() -> None:
    with pytest.raises(pytest.fail.Exception, match="does no I/O"):
        subprocess.run(["true"], check=False)
