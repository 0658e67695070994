"""`conduit config`: the effective configuration, and whether it would start."""

import argparse
import sys
from typing import Any

from adapters.security.keys import KeyFileError, load_key_file
from entrypoints.settings import ConfigError, Settings, env_name


def register(commands: Any) -> None:
    config = commands.add_parser(
        "config", help="show or check the configuration", description="The configuration."
    )
    actions = config.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = actions.add_parser(
        "show",
        help="print the effective settings, secrets redacted",
        description="Print every CONDUIT_* setting as the server would use it; passwords in "
        "URLs and tokens are shown as ***.",
        epilog="example: conduit config show",
    )
    show.set_defaults(run=_show)
    check = actions.add_parser(
        "check",
        help="exit non-zero, naming each problem, if the server would not start",
        description="Check the settings as `conduit serve` would: every invalid value, "
        "every missing required one, and the signing key file.",
        epilog="example: conduit config check && conduit serve",
    )
    check.set_defaults(run=_check)


def problems_of(settings: Settings, parse_problems: list[str]) -> list[str]:
    problems = list(parse_problems)
    for require in (settings.require_database_url, settings.require_jwt_keys_file):
        try:
            require()
        except ConfigError as error:
            problems.append(str(error))
    if settings.jwt_keys_file is not None:
        try:
            load_key_file(settings.jwt_keys_file)
        except KeyFileError as error:
            problems.append(f"{env_name('jwt_keys_file')}: {error}")
    return problems


def _show(_: argparse.Namespace) -> int:
    settings, problems = Settings.read()
    for name, value in settings.shown().items():
        print(f"{name}={value}")
    for problem in problems:
        print(f"conduit: {problem} (the default is shown)", file=sys.stderr)
    return 1 if problems else 0


def _check(_: argparse.Namespace) -> int:
    settings, parse_problems = Settings.read()
    problems = problems_of(settings, parse_problems)
    for problem in problems:
        print(f"conduit: {problem}", file=sys.stderr)
    if not problems:
        print("the configuration is valid")
    return 1 if problems else 0
