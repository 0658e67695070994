"""Creating and dropping databases, for the embedded server and the test run."""

import asyncpg

from adapters.postgres.database import asyncpg_url


async def create_database(admin_url: str, name: str, *, exist_ok: bool = False) -> None:
    connection = await asyncpg.connect(asyncpg_dsn(admin_url))
    try:
        exists = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if exists and exist_ok:
            return
        await connection.execute(f'CREATE DATABASE "{_identifier(name)}"')
    finally:
        await connection.close()


async def drop_database(admin_url: str, name: str) -> None:
    connection = await asyncpg.connect(asyncpg_dsn(admin_url))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{_identifier(name)}" WITH (FORCE)')
    finally:
        await connection.close()


def database_url(server_url: str, name: str) -> str:
    """The URL of database `name` on the server of `server_url`."""
    return (
        asyncpg_url(server_url)
        .set(database=name, drivername="postgresql")
        .render_as_string(hide_password=False)
    )


def asyncpg_dsn(url: str) -> str:
    """The URL as asyncpg itself takes it."""
    return asyncpg_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _identifier(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"unsafe database name: {name!r}")
    return name
