"""`conduit dev` (what `make run` runs): the API on this machine with no setup.

Without `CONDUIT_DATABASE_URL` it starts an embedded PostgreSQL with its data in
`.conduit/pgdata`; without `CONDUIT_JWT_KEYS_FILE` it creates a signing key in
`.conduit/keys/`. Both are kept across runs. Without `CONDUIT_CORS_ORIGINS`, browsers
may call from http://localhost:* and http://127.0.0.1:*, so a local RealWorld front end
works; logs are readable console lines. Bound to a loopback address (the default),
/metrics answers without a token. Requests must address localhost, 127.0.0.1 or [::1]
unless `CONDUIT_ALLOWED_HOSTS` says otherwise. Migrations are applied before serving, with
one worker."""

import argparse
import ipaddress
import os
from pathlib import Path
from typing import Any

from adapters.security.keys import write_new_key_file
from entrypoints.cli.serve import add_address_options, check_startup, serve_in_child
from entrypoints.settings import Settings, env_name
from entrypoints.storage import EmbeddedServer, upgrade_schema

STATE = Path(".conduit")
LOCAL_ORIGINS = "http://localhost:*,http://127.0.0.1:*"


def register(commands: Any) -> None:
    command = commands.add_parser(
        "dev",
        help="serve locally with an embedded database and a generated key",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_address_options(command, port=8000)
    command.add_argument("--state-dir", type=Path, default=STATE, help="where data and keys live")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    embedded = None
    try:
        if not os.environ.get(env_name("database_url")):
            print(f"starting the embedded PostgreSQL in {args.state_dir / 'pgdata'}")
            embedded = EmbeddedServer(args.state_dir / "pgdata")
            os.environ[env_name("database_url")] = embedded.create_database("conduit")
        if not os.environ.get(env_name("jwt_keys_file")):
            key_file = args.state_dir / "keys" / "jwks.json"
            if not key_file.exists():
                write_new_key_file(key_file)
                print(f"created a signing key in {key_file}")
            os.environ[env_name("jwt_keys_file")] = str(key_file.resolve())
        os.environ.setdefault(env_name("cors_origins"), LOCAL_ORIGINS)
        os.environ.setdefault(env_name("log_format"), "console")
        if _loopback(args.host):
            os.environ.setdefault(env_name("metrics_open"), "true")
        settings = Settings.from_env()
        check_startup(settings)
        upgrade_schema(settings.require_database_url())
        return serve_in_child(settings, host=args.host, port=args.port)
    finally:
        if embedded is not None:
            embedded.stop()


def _loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
