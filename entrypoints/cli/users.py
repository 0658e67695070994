"""`conduit users`: account administration."""

import argparse
import asyncio
import getpass
import sys
from typing import Any

from application.errors import AlreadyTaken
from application.users.accounts import NewAccount
from domain.errors import ValidationFailed
from entrypoints.container import Container, shutdown
from entrypoints.settings import Settings


def register(commands: Any) -> None:
    users = commands.add_parser("users", help="manage accounts", description="Manage accounts.")
    actions = users.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser(
        "create",
        help="create an account",
        description="Create an account. The password is read from standard input "
        "(prompted for on a terminal), never from the command line.",
        epilog="example:\n  printf '%s\\n' \"$PASSWORD\" | conduit users create "
        "--username jake --email jake@example.com",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    create.add_argument("--username", required=True)
    create.add_argument("--email", required=True)
    create.set_defaults(run=_create)


def read_password() -> str:
    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Repeat: ") != password:
            raise SystemExit("conduit: the passwords differ")
        return password
    return sys.stdin.readline().rstrip("\r\n")


def _create(args: argparse.Namespace) -> int:
    command = NewAccount(username=args.username, email=args.email, password=read_password())
    try:
        account = asyncio.run(_create_account(command))
    except ValidationFailed as error:
        for field, messages in error.errors.items():
            print(f"conduit: {field} {'; '.join(messages)}", file=sys.stderr)
        return 1
    except AlreadyTaken as error:
        print(f"conduit: {' and '.join(error.fields)} already taken", file=sys.stderr)
        return 1
    print(f"created user {account.username} <{account.email}>")
    return 0


async def _create_account(command: NewAccount) -> Any:
    container = Container(settings=Settings.from_env())
    try:
        return await container.create_user()(command)
    finally:
        await shutdown(container)
