"""`conduit db`: schema migrations."""

import argparse
from typing import Any

from entrypoints.settings import Settings
from entrypoints.storage import downgrade_schema, schema_revision, upgrade_schema


def register(commands: Any) -> None:
    db = commands.add_parser("db", help="database migrations", description="Schema migrations.")
    actions = db.add_subparsers(dest="action", required=True, metavar="ACTION")

    upgrade = actions.add_parser(
        "upgrade", help="migrate up", epilog="example: conduit db upgrade   (to the newest)"
    )
    upgrade.add_argument("revision", nargs="?", default="head", help="target (head)")
    upgrade.set_defaults(run=lambda args: _apply(upgrade_schema, args.revision))

    downgrade = actions.add_parser(
        "downgrade", help="migrate down", epilog="example: conduit db downgrade base"
    )
    downgrade.add_argument("revision", help="target revision, or 'base' for an empty schema")
    downgrade.set_defaults(run=lambda args: _apply(downgrade_schema, args.revision))

    current = actions.add_parser("current", help="print the revision the database is at")
    current.set_defaults(run=_current)


def _apply(step: Any, revision: str) -> int:
    step(Settings.from_env().require_database_url(), revision)
    return 0


def _current(_: argparse.Namespace) -> int:
    print(schema_revision(Settings.from_env().require_database_url()) or "base")
    return 0
