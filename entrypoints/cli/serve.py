"""`conduit serve`: the API with an ASGI server, configured from `CONDUIT_*`."""

import argparse
import signal
import sys
from typing import Any

import uvicorn

from adapters.security.keys import KeyFileError, load_key_file
from entrypoints.settings import ConfigError, Settings, env_name

APP = "entrypoints.http.app:create_app"


def register(commands: Any) -> None:
    command = commands.add_parser(
        "serve",
        help="serve the API",
        description="Serve the API (under /api). Configuration comes from CONDUIT_* variables.",
        epilog="example: conduit serve --host 0.0.0.0 --port 8000 --workers 4",
    )
    add_address_options(command, port=8000)
    command.add_argument("--workers", type=positive, default=1, help="worker processes (1)")
    command.set_defaults(run=run)


def add_address_options(command: argparse.ArgumentParser, *, port: int) -> None:
    command.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    command.add_argument("--port", type=positive, default=port, help=f"port to bind ({port})")


def positive(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {raw!r}")
    return value


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    check_startup(settings, workers=args.workers)
    serve(settings, host=args.host, port=args.port, workers=args.workers)
    return 0


def check_startup(settings: Settings, *, workers: int = 1) -> None:
    """Fails here, in one line, what would otherwise fail in every worker."""
    settings.require_database_url()
    if workers > 1 and settings.redis_url is None:
        raise ConfigError(
            f"{env_name('redis_url')}: is required with --workers {workers}: without Redis "
            "each worker would count rate limits on its own"
        )
    try:
        load_key_file(settings.require_jwt_keys_file())
    except KeyFileError as error:
        raise ConfigError(f"{env_name('jwt_keys_file')}: {error}") from None


def serve(settings: Settings, *, host: str, port: int, workers: int) -> None:
    # uvicorn shuts down gracefully on SIGTERM, then re-raises it to the handler it found;
    # this one turns the completed shutdown into exit status 0.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    uvicorn.run(
        APP,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=settings.log_level.lower(),
        proxy_headers=False,
        server_header=False,
    )
