"""The `conduit` console script, run as a user would run it."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Run

COMMANDS = [
    [],
    ["serve"],
    ["dev"],
    ["db"],
    ["db", "upgrade"],
    ["db", "downgrade"],
    ["db", "current"],
    ["users"],
    ["users", "create"],
    ["users", "set-role"],
    ["users", "suspend"],
    ["users", "unsuspend"],
    ["sessions"],
    ["sessions", "purge-expired"],
    ["keys"],
    ["keys", "generate"],
    ["config"],
    ["config", "show"],
    ["config", "check"],
    ["import"],
    ["export"],
    ["seed"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(conduit: Run, command: list[str]) -> None:
    result = conduit(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: conduit")


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        [],
        ["serve", "--port", "eighty"],
        ["serve", "--workers", "0"],
        ["db", "downgrade"],
        ["users", "create", "--username", "jake"],
        ["users", "set-role", "jake", "superuser"],
        ["users", "suspend"],
        ["import", "comments", "x.jsonl"],
        ["import", "articles"],
        ["import", "articles", "x.jsonl", "--batch-size", "0"],
        ["export", "tags"],
        ["seed", "--articles", "5"],
        ["seed", "--users", "-1"],
        ["seed", "--users", "2", "--articles", "-5"],
    ],
    ids=" ".join,
)
def test_usage_errors_exit_2_with_one_line(conduit: Run, args: list[str]) -> None:
    result = conduit(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("conduit")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "conduit: CONDUIT_DATABASE_URL: is required"),
        (
            {"CONDUIT_ACCESS_TOKEN_TTL": "x"},
            "conduit: CONDUIT_ACCESS_TOKEN_TTL: must be an integer",
        ),
        (
            {
                "CONDUIT_DATABASE_URL": "postgresql://x@127.0.0.1/x",
                "CONDUIT_JWT_KEYS_FILE": "/no/such",
            },
            "conduit: CONDUIT_JWT_KEYS_FILE: cannot read /no/such",
        ),
    ],
)
def test_bad_configuration_stops_serve_in_one_line(
    conduit: Run, env: dict[str, str], message: str
) -> None:
    result = conduit("serve", env=env)
    assert result.returncode == 1
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1


def test_keys_generate_prints_a_private_ed25519_jwk(conduit: Run) -> None:
    result = conduit("keys", "generate")
    key = json.loads(result.stdout)
    assert (key["kty"], key["crv"], key["alg"]) == ("OKP", "Ed25519", "EdDSA")
    assert key["d"] and key["kid"]
    assert json.loads(conduit("keys", "generate").stdout)["kid"] != key["kid"]


def test_db_commands_walk_the_schema(conduit: Run, new_database: Callable[[], str]) -> None:
    env = {"CONDUIT_DATABASE_URL": new_database()}
    assert conduit("db", "current", env=env).stdout.strip() == "base"
    assert conduit("db", "upgrade", env=env).returncode == 0
    head = conduit("db", "current", env=env).stdout.strip()
    assert head != "base"
    assert conduit("db", "downgrade", "base", env=env).returncode == 0
    assert conduit("db", "current", env=env).stdout.strip() == "base"


def test_users_create_reads_the_password_from_stdin(
    conduit: Run, database_url_for_tests: str, key_file: Path, db: object
) -> None:
    env = {"CONDUIT_DATABASE_URL": database_url_for_tests, "CONDUIT_ARGON2_MEMORY_KIB": "64"}
    created = conduit(
        "users",
        "create",
        "--username",
        "admin",
        "--email",
        "admin@x.io",
        env=env,
        stdin="s3cret-pass\n",
    )
    assert created.returncode == 0, created.stderr
    assert created.stdout == "created user admin <admin@x.io>\n"

    again = conduit(
        "users",
        "create",
        "--username",
        "ADMIN",
        "--email",
        "b@x.io",
        env=env,
        stdin="s3cret-pass\n",
    )
    assert (again.returncode, again.stderr) == (1, "conduit: username already taken\n")

    short = conduit(
        "users", "create", "--username", "bob", "--email", "b@x.io", env=env, stdin="short\n"
    )
    assert short.returncode == 1
    assert short.stderr == "conduit: password is too short (minimum is 8 characters)\n"


def test_roles_suspension_and_purging_from_the_console(
    conduit: Run, database_url_for_tests: str, db: object
) -> None:
    env = {"CONDUIT_DATABASE_URL": database_url_for_tests, "CONDUIT_ARGON2_MEMORY_KIB": "64"}
    created = conduit(
        "users", "create", "--username", "jake", "--email", "j@x.io", env=env, stdin="password123\n"
    )
    assert created.returncode == 0, created.stderr

    promoted = conduit("users", "set-role", "jake", "moderator", "--reason", "helps", env=env)
    assert (promoted.returncode, promoted.stdout) == (0, "jake is now moderator\n")
    suspended = conduit("users", "suspend", "JAKE", env=env)
    assert (suspended.returncode, suspended.stdout) == (0, "jake is suspended\n")
    restored = conduit("users", "unsuspend", "jake", env=env)
    assert (restored.returncode, restored.stdout) == (0, "jake is active\n")
    missing = conduit("users", "suspend", "nobody", env=env)
    assert (missing.returncode, missing.stderr) == (1, "conduit: no such user\n")

    crowned = conduit("users", "set-role", "jake", "admin", env=env)
    assert (crowned.returncode, crowned.stdout) == (0, "jake is now admin\n")
    demoted = conduit("users", "set-role", "jake", "user", env=env)
    assert (demoted.returncode, demoted.stderr) == (
        1,
        "conduit: role can't be changed for the last active administrator\n",
    )
    suspended = conduit("users", "suspend", "jake", env=env)
    assert (suspended.returncode, suspended.stderr) == (
        1,
        "conduit: username is the last active administrator\n",
    )

    purged = conduit("sessions", "purge-expired", env=env)
    assert purged.returncode == 0
    assert purged.stdout.startswith("deleted ")


def test_config_show_redacts_secrets(conduit: Run) -> None:
    env = {
        "CONDUIT_DATABASE_URL": "postgresql://app:hunter2@db.internal/conduit",
        "CONDUIT_METRICS_TOKEN": "scrape-secret",
        "CONDUIT_DB_POOL_SIZE": "20",
    }
    shown = conduit("config", "show", env=env)
    assert shown.returncode == 0
    lines = dict(line.split("=", 1) for line in shown.stdout.splitlines())
    assert lines["CONDUIT_DATABASE_URL"] == "postgresql://app:***@db.internal/conduit"
    assert lines["CONDUIT_METRICS_TOKEN"] == "***"
    assert lines["CONDUIT_DB_POOL_SIZE"] == "20"
    assert "hunter2" not in shown.stdout and "scrape-secret" not in shown.stdout


def test_config_check_names_each_problem(conduit: Run, key_file: Path) -> None:
    bad = conduit(
        "config",
        "check",
        env={
            "CONDUIT_DB_POOL_SIZE": "0",
            "CONDUIT_LOG_FORMAT": "xml",
            "CONDUIT_JWT_KEYS_FILE": "/no",
        },
    )
    assert bad.returncode == 1
    assert bad.stderr.splitlines() == [
        "conduit: CONDUIT_LOG_FORMAT: must be json or console, got 'xml'",
        "conduit: CONDUIT_DB_POOL_SIZE: must be at least 1, got 0",
        "conduit: CONDUIT_DATABASE_URL: is required (a postgresql:// URL)",
        "conduit: CONDUIT_JWT_KEYS_FILE: cannot read /no: No such file or directory",
    ]
    good = conduit(
        "config",
        "check",
        env={"CONDUIT_DATABASE_URL": "postgresql://x@h/d", "CONDUIT_JWT_KEYS_FILE": str(key_file)},
    )
    assert (good.returncode, good.stdout) == (0, "the configuration is valid\n")
