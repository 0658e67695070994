import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from asyncpg.exceptions import DataError, PostgresConnectionError, QueryCanceledError
from sqlalchemy import event, exc
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import AsyncAdaptedQueuePool

from adapters.metrics import DB_CONNECTIONS
from adapters.postgres.conflicts import answer_to_violation
from adapters.postgres.mappings import start_mappers
from application.errors import ApplicationError, StoreUnavailable, UnstorableValue

# SQLAlchemy names a pool's logger after its class; keep this one as quiet as its own.
logging.getLogger(f"{__name__}.MeasuredPool").setLevel(logging.WARNING)

IN_USE = DB_CONNECTIONS.labels("in_use")
WAITING = DB_CONNECTIONS.labels("waiting")


class MeasuredPool(AsyncAdaptedQueuePool):
    """Counts requests waiting for a connection (`conduit_db_pool_connections{state=
    "waiting"}`); checkouts and checkins count the ones in use.

    Waiting for a free connection and opening one happen here, before any statement, so
    the engine's `handle_error` hook never sees their failures: they become
    `StoreUnavailable` here instead."""

    def connect(self) -> Any:
        with store_errors():
            return super().connect()

    def _do_get(self) -> Any:
        WAITING.inc()
        try:
            return super()._do_get()
        finally:
            WAITING.dec()


def asyncpg_url(database_url: str) -> URL:
    """Accepts postgres://, postgresql:// and postgresql+asyncpg:// URLs."""
    url = make_url(database_url)
    if url.get_backend_name() not in ("postgres", "postgresql"):
        raise ValueError("must be a postgresql:// URL")
    return url.set(drivername="postgresql+asyncpg")


class Database:
    """The engine, and so the connection pool, of one process. Connections open lazily;
    `close()` must run on the event loop that used them.

    Nothing waits without bound: a connection takes at most `connect_timeout` seconds to
    open, a request at most `pool_timeout` seconds to get one, a statement at most
    `statement_timeout_ms` to run (the server cancels it)."""

    def __init__(
        self,
        database_url: str,
        *,
        pool_size: int,
        pool_timeout: float = 5,
        statement_timeout_ms: int = 5000,
        connect_timeout: float = 3,
    ) -> None:
        start_mappers()
        self.engine = create_async_engine(
            asyncpg_url(database_url),
            pool_size=pool_size,
            max_overflow=0,
            pool_timeout=pool_timeout,
            pool_pre_ping=False,
            hide_parameters=True,  # an error's text goes to logs, traces and consoles
            poolclass=MeasuredPool,
            connect_args={
                "timeout": connect_timeout,
                "command_timeout": statement_timeout_ms / 1000 + 5,
                "server_settings": {"statement_timeout": str(statement_timeout_ms)},
            },
        )
        self.session_factory: async_sessionmaker[AsyncSession] = async_sessionmaker(
            self.engine, expire_on_commit=False, autoflush=False
        )
        event.listen(self.engine.sync_engine, "handle_error", answer_to_failure)
        event.listen(self.engine.sync_engine, "checkout", lambda *_: IN_USE.inc())
        event.listen(self.engine.sync_engine, "checkin", lambda *_: IN_USE.dec())

    async def close(self) -> None:
        await self.engine.dispose()


def answer_to_failure(context: ExceptionContext) -> ApplicationError | None:
    """The engine's `handle_error` hook: it sees every statement's failure, so no caller
    needs to know the driver's exceptions."""
    return answer_to_violation(context) or application_error(
        context.sqlalchemy_exception or context.original_exception
    )


@contextmanager
def store_errors() -> Iterator[None]:
    """The same answers for failures the engine's hook does not see: opening or waiting for
    a connection, and Alembic's own engine."""
    try:
        yield
    except Exception as error:
        answer = application_error(error)
        if answer is None:
            raise
        raise answer from error


def application_error(error: BaseException) -> ApplicationError | None:
    """What a driver's failure means to the application, if it means more than a bug."""
    if is_unavailable(error):
        return StoreUnavailable()
    if is_unstorable_input(error):
        return UnstorableValue()
    return None


def is_unavailable(error: BaseException) -> bool:
    """Whether the database could not answer (down, unreachable, overloaded, too slow), as
    opposed to refusing what it was asked: a reason to try again later."""
    if isinstance(error, exc.TimeoutError):  # no free connection in the pool in time
        return True
    if isinstance(error, exc.DBAPIError):
        if error.connection_invalidated:
            return True
        cause = error.orig.__cause__ if error.orig is not None else None
        return isinstance(cause, PostgresConnectionError | QueryCanceledError | OSError)
    return isinstance(error, OSError | asyncio.TimeoutError | PostgresConnectionError)


def is_unstorable_input(error: BaseException) -> bool:
    """Whether the database refused a value it was given (a NUL character, a number out of
    range): the request's fault, not the server's."""
    if not isinstance(error, exc.DBAPIError) or error.orig is None:
        return False
    return isinstance(error.orig.__cause__, DataError)
