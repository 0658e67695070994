"""What a failing command prints: never the values it sent to the database."""

import asyncio
import subprocess

import asyncpg

from adapters.postgres.provisioning import asyncpg_dsn
from tests.cli.conftest import Run

SECRET_EMAIL = "bound-parameter@example.com"


def test_a_database_error_names_no_value_bound_to_the_statement(
    conduit: Run, database_url_for_tests: str, db: object
) -> None:
    env = {
        "CONDUIT_DATABASE_URL": database_url_for_tests,
        "CONDUIT_ARGON2_MEMORY_KIB": "64",
        "CONDUIT_DB_STATEMENT_TIMEOUT_MS": "300",
    }

    async def create_while_users_is_locked() -> subprocess.CompletedProcess[str]:
        blocker = await asyncpg.connect(asyncpg_dsn(database_url_for_tests))
        try:
            async with blocker.transaction():
                await blocker.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")
                return await asyncio.to_thread(
                    conduit,
                    *("users", "create", "--username", "locked", "--email", SECRET_EMAIL),
                    env=env,
                    stdin="password123\n",
                )
        finally:
            await blocker.close()

    created = asyncio.run(create_while_users_is_locked())
    assert created.returncode == 1
    assert created.stderr.startswith("conduit: the database is unavailable: ")
    assert SECRET_EMAIL not in created.stderr
