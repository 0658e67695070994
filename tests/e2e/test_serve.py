"""`conduit serve` as a process: it starts, answers, and stops on SIGTERM."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

CONDUIT = Path(sys.executable).parent / "conduit"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_serve_answers_the_api_and_stops_on_sigterm(
    database_url_for_tests: str, key_file: Path, db: object
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "CONDUIT_DATABASE_URL": database_url_for_tests,
        "CONDUIT_JWT_KEYS_FILE": str(key_file),
        "CONDUIT_ARGON2_MEMORY_KIB": "64",
    }
    server = subprocess.Popen(
        [str(CONDUIT), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(f"{base}/health/live").status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        user = {"username": "e2e", "email": "e2e@x.io", "password": "password123"}
        response = httpx.post(f"{base}/api/users", json={"user": user})
        assert response.status_code == 201
        token = response.json()["user"]["token"]
        me = httpx.get(f"{base}/api/user", headers={"Authorization": f"Token {token}"})
        assert me.json()["user"]["username"] == "e2e"
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=20)
    assert server.returncode == 0, output.decode()
    assert b"password123" not in output
