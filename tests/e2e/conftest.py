import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

CONDUIT = Path(sys.executable).parent / "conduit"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    def __init__(self, process: subprocess.Popen[bytes], url: str) -> None:
        self.process = process
        self.url = url
        self.output = b""


@pytest.fixture
def serve(
    database_url_for_tests: str, key_file: Path, db: object, tmp_path: Path
) -> Callable[..., object]:
    """Starts `conduit serve` (or `conduit dev`, with `command="dev"`) on the test database;
    stops it on leaving: `serve` with SIGTERM, `dev` with Ctrl-C (SIGINT to its process
    group, as a terminal sends it). Its output goes to a file: a pipe nobody reads would
    fill up and stall the server."""

    @contextmanager
    def run(*args: str, command: str = "serve", **env: str) -> Iterator[Server]:
        port = free_port()
        log_path = tmp_path / f"server-{port}.log"
        environment = {
            **os.environ,
            "CONDUIT_DATABASE_URL": database_url_for_tests,
            "CONDUIT_JWT_KEYS_FILE": str(key_file),
            "CONDUIT_ARGON2_MEMORY_KIB": "64",
            "CONDUIT_RATE_LIMIT_PER_MINUTE": "100000",
            "CONDUIT_AUTH_RATE_LIMIT_PER_MINUTE": "100000",
            **env,
        }
        log = log_path.open("wb")
        process = subprocess.Popen(
            [str(CONDUIT), command, "--port", str(port), *args],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        server = Server(process, f"http://127.0.0.1:{port}")
        try:
            deadline = time.monotonic() + 90  # a busy machine takes long to import the app
            while True:
                try:
                    if httpx.get(f"{server.url}/health/live").status_code == 200:
                        break
                except httpx.TransportError:
                    if time.monotonic() > deadline or process.poll() is not None:
                        raise
                    time.sleep(0.1)
            yield server
        finally:
            if command == "dev":
                os.killpg(process.pid, signal.SIGINT)
            else:
                process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
            log.close()
            server.output = log_path.read_bytes()

    return run
