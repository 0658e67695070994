"""`conduit serve`: the API with granian, configured from `CONDUIT_*`.

granian was chosen over uvicorn by measurement (`make bench-servers`: an authenticated list
page under wrk, on the 2-core machine the project is built on, two runs): 661-714 vs
605-660 req/s with one worker, 879-897 vs 777-792 with two, p99 latency lower or equal."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from entrypoints.cli.config import problems_of
from entrypoints.settings import ConfigError, Settings, env_name

APP = "entrypoints.http.app:create_app"


def register(commands: Any) -> None:
    command = commands.add_parser(
        "serve",
        help="serve the API",
        description="Serve the API (under /api) with granian. Configuration comes from "
        "CONDUIT_* variables. SIGTERM stops accepting connections and lets requests in "
        "flight finish within CONDUIT_SHUTDOWN_GRACE seconds.",
        epilog="example: conduit serve --host 0.0.0.0 --port 8000 --workers 4",
    )
    add_address_options(command, port=8000)
    command.add_argument("--workers", type=positive, default=1, help="worker processes (1)")
    command.set_defaults(run=run)


def add_address_options(command: argparse.ArgumentParser, *, port: int) -> None:
    command.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    command.add_argument("--port", type=positive, default=port, help=f"port to bind ({port})")


def at_least(minimum: int) -> Callable[[str], int]:
    """An argument type: a whole number no smaller than `minimum`."""

    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number >= {minimum}, got {raw!r}")
        return value

    return parse


positive = at_least(1)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    check_startup(settings, workers=args.workers)
    command, environment = server_command(settings, args.host, args.port, args.workers)
    # granian takes this process's place: signals reach it directly. It starts from a
    # fresh interpreter, so the workers it forks set up Prometheus for several processes.
    os.execve(command[0], command, environment)  # noqa: S606 (our own arguments)
    return 0  # not reached


def check_startup(settings: Settings, *, workers: int = 1) -> None:
    """Fails here, in one line, what would otherwise fail in every worker."""
    problems = problems_of(settings, [])
    if workers > 1 and settings.redis_url is None:
        problems.append(
            f"{env_name('redis_url')}: is required with --workers {workers}: without Redis "
            "each worker would count rate limits on its own"
        )
    if problems:
        raise ConfigError("; ".join(problems))


def server_command(
    settings: Settings, host: str, port: int, workers: int
) -> tuple[list[str], dict[str, str]]:
    granian = shutil.which("granian", path=str(Path(sys.executable).parent)) or "granian"
    command = [
        granian,
        "--interface",
        "asgi",
        "--factory",
        APP,
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--workers-kill-timeout",
        str(settings.shutdown_grace),
        "--respawn-failed-workers",
        "--no-access-log",  # the app writes its own access lines
        "--log-level",
        settings.log_level.lower(),
    ]
    environment = {
        **os.environ,
        "PROMETHEUS_MULTIPROC_DIR": tempfile.mkdtemp(prefix="conduit-metrics-"),
    }
    return command, environment


def serve_in_child(settings: Settings, *, host: str, port: int) -> int:
    """Serves with one worker as a child process, for `conduit dev`, which has things to
    stop when the server ends."""
    command, environment = server_command(settings, host, port, workers=1)
    try:
        return subprocess.run(command, env=environment, check=False).returncode  # noqa: S603
    except KeyboardInterrupt:
        return 0
    finally:
        shutil.rmtree(environment["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)
