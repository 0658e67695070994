"""`conduit` — run `conduit --help` for the commands."""

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from adapters.postgres.database import is_unavailable
from adapters.security.keys import KeyFileError
from entrypoints.cli import config, db, dev, exports, imports, keys, seed, serve, users
from entrypoints.observability.logging import configure_logging
from entrypoints.settings import ConfigError, Settings


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """Reports a usage error in one line and exits 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see --help)")


def build_parser() -> Parser:
    parser = Parser(prog="conduit", description="Conduit: the RealWorld API server and tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (serve, dev, db, users, imports, exports, seed, keys, config):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as error:
        print(error, file=sys.stderr)
        return 2
    settings, _ = Settings.read()  # invalid values are each command's to report
    configure_logging(settings.log_level, settings.log_format)
    try:
        result: int = args.run(args)
    except (ConfigError, KeyFileError) as error:
        print(f"conduit: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if not is_unavailable(error):
            raise
        print(f"conduit: the database is unavailable: {error}", file=sys.stderr)
        return 1
    return result


if __name__ == "__main__":
    sys.exit(main())
