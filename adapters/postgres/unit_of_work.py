from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from adapters.postgres.articles import SqlaArticleRepository, SqlaFavoriteRepository
from adapters.postgres.comments import SqlaCommentRepository
from adapters.postgres.conflicts import answer_to_vanished
from adapters.postgres.follows import SqlaFollowRepository
from adapters.postgres.sessions import (
    SqlaAuditLog,
    SqlaRefreshTokenRepository,
    SqlaSessionRepository,
)
from adapters.postgres.users import SqlaUserRepository
from application.ports.unit_of_work import UnitOfWork


class SqlaUnitOfWork(UnitOfWork):
    """One session per `async with`; the connection is taken at the first statement.
    Constraint violations a concurrent transaction causes are answered by the engine's
    hook (`conflicts.answer_to_violation`); rows deleted under an update, here."""

    users: SqlaUserRepository
    articles: SqlaArticleRepository
    comments: SqlaCommentRepository
    favorites: SqlaFavoriteRepository
    follows: SqlaFollowRepository
    sessions: SqlaSessionRepository
    refresh_tokens: SqlaRefreshTokenRepository
    audit: SqlaAuditLog

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def __aenter__(self) -> Self:
        self._session = session = self._session_factory()
        self.users = SqlaUserRepository(session)
        self.articles = SqlaArticleRepository(session)
        self.comments = SqlaCommentRepository(session)
        self.favorites = SqlaFavoriteRepository(session)
        self.follows = SqlaFollowRepository(session)
        self.sessions = SqlaSessionRepository(session)
        self.refresh_tokens = SqlaRefreshTokenRepository(session)
        self.audit = SqlaAuditLog(session)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._session.close()  # rolls back whatever was not committed

    async def commit(self) -> None:
        changed = list(self._session.dirty)
        try:
            await self._session.flush()
        except StaleDataError as error:
            answer = answer_to_vanished(changed)
            if answer is None:
                raise
            raise answer from error
        await self._session.commit()
