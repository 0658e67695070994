from types import TracebackType
from typing import Self

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from adapters.postgres.articles import SqlaArticleRepository
from adapters.postgres.comments import SqlaCommentRepository
from adapters.postgres.relations import SqlaFavoriteRepository, SqlaFollowRepository
from adapters.postgres.sessions import (
    SqlaAuditLog,
    SqlaRefreshTokenRepository,
    SqlaSessionRepository,
)
from adapters.postgres.tables import UNIQUE_FIELDS
from adapters.postgres.users import SqlaUserRepository
from application.errors import AlreadyTaken


class SqlaUnitOfWork:
    """One session per `async with`; the connection is taken at the first statement."""

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
        try:
            await self._session.commit()
        except IntegrityError as error:
            field = UNIQUE_FIELDS.get(_constraint_name(error) or "")
            if field is None:
                raise
            raise AlreadyTaken([field]) from error


def _constraint_name(error: IntegrityError) -> str | None:
    driver_error = getattr(error.orig, "__cause__", None)
    return getattr(driver_error, "constraint_name", None)
