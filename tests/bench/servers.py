"""`make bench-servers`: granian against uvicorn on this machine, throughput and p99 of an
authenticated list page (2,000 articles) at 1 and 2 workers, measured with wrk.

Needs wrk (Debian's package) and Redis (CONDUIT_REDIS_URL, default
redis://127.0.0.1:6379/14). The database is created on CONDUIT_TEST_DATABASE_URL's server,
or an embedded one, and dropped afterwards."""

import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from tests.bench import bench_database, wait_until_live
from tests.bench.seed import seed

BIN = Path(sys.executable).parent
APP = "entrypoints.http.app:create_app"
URL = "/api/articles?limit=20"
PORT = 8500
SERVERS: dict[str, Callable[[int], list[str]]] = {
    "uvicorn": lambda workers: [
        str(BIN / "uvicorn"), "--factory", APP, "--port", str(PORT), "--workers",
        str(workers), "--loop", "uvloop", "--http", "httptools", "--no-access-log",
        "--log-level", "warning",
    ],
    "granian": lambda workers: [
        str(BIN / "granian"), "--interface", "asgi", "--factory", APP, "--port", str(PORT),
        "--workers", str(workers), "--loop", "uvloop", "--no-access-log",
        "--log-level", "warning",
    ],
}  # fmt: skip


def measure(command: list[str], token: str) -> tuple[float, str]:
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_live(f"http://127.0.0.1:{PORT}")
        target = f"http://127.0.0.1:{PORT}{URL}"
        header = f"Authorization: Token {token}"
        wrk = ["wrk", "-t2", "-c64", "--latency", "-H", header]
        subprocess.run([*wrk, "-d3s", target], capture_output=True, check=True)  # warm up
        out = subprocess.run(
            [*wrk, "-d15s", target], capture_output=True, text=True, check=True
        ).stdout
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    if "Non-2xx" in out:
        raise SystemExit(f"some answers were not 2xx:\n{out}")
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"99%\s+(\S+)", out)
    assert rate and p99, out
    return float(rate[1]), p99[1]


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("make bench-servers needs wrk (apt-get install wrk)")
    with bench_database():
        os.environ.update(
            CONDUIT_REDIS_URL=os.environ.get("CONDUIT_REDIS_URL", "redis://127.0.0.1:6379/14"),
            CONDUIT_REDIS_KEY_PREFIX=f"bench-{uuid.uuid4().hex}",
            CONDUIT_RATE_LIMIT_PER_MINUTE="100000000",
            CONDUIT_ACCESS_TOKEN_TTL="86400",
            CONDUIT_ARGON2_MEMORY_KIB="64",
        )
        print("seeding 200 users and 2,000 articles ...", flush=True)
        token = asyncio.run(seed(users=200, articles=2000))
        print(f"{'server':10} {'workers':>7} {'req/s':>9} {'p99':>10}")
        for name, command in SERVERS.items():
            for workers in (1, 2):
                rate, p99 = measure(command(workers), token)
                print(f"{name:10} {workers:>7} {rate:>9.0f} {p99:>10}", flush=True)


if __name__ == "__main__":
    main()
