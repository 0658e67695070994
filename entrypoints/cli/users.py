"""`conduit users` and `conduit sessions`: account administration from the server."""

import argparse
import getpass
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from application.errors import AlreadyTaken, NotFound
from application.principal import Operator
from application.users.accounts import NewAccount
from domain.errors import ValidationFailed
from domain.roles import Role
from entrypoints.cli.running import run_with_container
from entrypoints.container import Container

T = TypeVar("T")


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

    set_role = actions.add_parser(
        "set-role",
        help="give a user a role",
        description="Give a user a role: user, moderator (may delete any article or "
        "comment) or admin (may also change roles and suspend users). Audited.",
        epilog="example: conduit users set-role jake moderator --reason 'fights spam'",
    )
    set_role.add_argument("username")
    set_role.add_argument("role", choices=[role.value for role in Role])
    _reason_option(set_role)
    set_role.set_defaults(run=_set_role)

    for name, use_case, text in [
        ("suspend", "suspend_user", "suspend a user: no sign-in, every session ended now"),
        ("unsuspend", "unsuspend_user", "let a suspended user sign in again"),
    ]:
        command = actions.add_parser(
            name,
            help=text,
            description=f"{text[0].upper()}{text[1:]}. Audited.",
            epilog=f"example: conduit users {name} jake --reason 'see ticket 42'",
        )
        command.add_argument("username")
        _reason_option(command)
        command.set_defaults(run=_suspension(use_case))

    sessions = commands.add_parser(
        "sessions", help="sign-in sessions", description="Sign-in sessions."
    )
    session_actions = sessions.add_subparsers(dest="action", required=True, metavar="ACTION")
    purge = session_actions.add_parser(
        "purge-expired",
        help="delete expired and revoked sessions",
        description="Delete sessions that expired or were revoked, with their refresh "
        "tokens. Safe to run at any time, for example daily from cron.",
        epilog="example: conduit sessions purge-expired",
    )
    purge.set_defaults(run=_purge)


def _reason_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--reason", help="why, for the audit log")


def read_password() -> str:
    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Repeat: ") != password:
            raise SystemExit("conduit: the passwords differ")
        return password
    return sys.stdin.readline().rstrip("\r\n")


def operator() -> Operator:
    return Operator(name=f"cli:{getpass.getuser()}")


def _create(args: argparse.Namespace) -> int:
    command = NewAccount(username=args.username, email=args.email, password=read_password())
    account = _run(lambda container: container.create_user()(command))
    if account is None:
        return 1
    print(f"created user {account.username} <{account.email}>")
    return 0


def _set_role(args: argparse.Namespace) -> int:
    view = _run(
        lambda container: container.change_role()(operator(), args.username, args.role, args.reason)
    )
    if view is None:
        return 1
    print(f"{view.username} is now {view.role}")
    return 0


def _suspension(use_case: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        view = _run(
            lambda container: getattr(container, use_case)()(operator(), args.username, args.reason)
        )
        if view is None:
            return 1
        print(f"{view.username} is {'suspended' if view.suspended else 'active'}")
        return 0

    return run


def _purge(_: argparse.Namespace) -> int:
    deleted = _run(lambda container: container.purge_expired_sessions()())
    if deleted is None:
        return 1
    print(f"deleted {deleted} expired or revoked sessions")
    return 0


def _run(use: Callable[[Container], Awaitable[T]]) -> T | None:
    """Runs a use case on a fresh container; reports its refusal in one line (None)."""
    try:
        return run_with_container(use)
    except ValidationFailed as error:
        for field, messages in error.errors.items():
            print(f"conduit: {field} {'; '.join(messages)}", file=sys.stderr)
    except AlreadyTaken as error:
        print(f"conduit: {' and '.join(error.fields)} already taken", file=sys.stderr)
    except NotFound as error:
        print(
            f"conduit: no such {'user' if error.resource == 'profile' else error.resource}",
            file=sys.stderr,
        )
    return None
