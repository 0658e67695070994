from datetime import datetime
from uuid import UUID

from sqlalchemy import delete, exists, literal, or_, select, union_all, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres.tables import refresh_tokens, sessions
from application.ports.repositories import (
    AuditLog,
    RefreshClaim,
    RefreshTokenRepository,
    SessionRepository,
)
from domain.audit import AuditRecord
from domain.sessions import RefreshToken, Session


class SqlaSessionRepository(SessionRepository):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, session_id: UUID) -> Session | None:
        return await self._session.get(Session, session_id)

    def add(self, session: Session) -> None:
        self._session.add(session)

    async def of_user(self, user_id: UUID) -> list[Session]:
        query = (
            select(Session)
            .where(sessions.c.user_id == user_id)
            .order_by(sessions.c.created_at.desc(), sessions.c.id.desc())
        )
        return list((await self._session.scalars(query)).all())

    async def revoke_all(self, user_id: UUID, *, now: datetime, keep: UUID | None = None) -> None:
        statement = (
            update(sessions)
            .where(sessions.c.user_id == user_id, sessions.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        if keep is not None:
            statement = statement.where(sessions.c.id != keep)
        await self._session.execute(statement, execution_options={"synchronize_session": False})

    async def delete_expired(self, *, now: datetime) -> int:
        result = await self._session.execute(
            delete(sessions)
            .where(or_(sessions.c.expires_at <= now, sessions.c.revoked_at.is_not(None)))
            .returning(sessions.c.id),
            execution_options={"synchronize_session": False},
        )
        return len(result.all())


class SqlaRefreshTokenRepository(RefreshTokenRepository):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, token: RefreshToken) -> None:
        self._session.add(token)

    async def claim(self, digest: str, *, now: datetime) -> RefreshClaim | None:
        # One statement: the UPDATE claims an unused token; if it claimed nothing, the
        # SELECT still finds a token that was used before (its snapshot predates the UPDATE,
        # and a concurrent claim's row lock makes this one's UPDATE wait, then skip).
        claimed = (
            update(refresh_tokens)
            .where(refresh_tokens.c.digest == digest, refresh_tokens.c.used_at.is_(None))
            .values(used_at=now)
            .returning(refresh_tokens.c.session_id)
            .cte("claimed")
        )
        query = union_all(
            select(claimed.c.session_id, literal(False).label("reused")),
            select(refresh_tokens.c.session_id, literal(True)).where(
                refresh_tokens.c.digest == digest, ~exists(select(claimed.c.session_id))
            ),
        )
        row = (await self._session.execute(query)).first()
        return None if row is None else RefreshClaim(session_id=row[0], reused=row[1])


class SqlaAuditLog(AuditLog):
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, record: AuditRecord) -> None:
        self._session.add(record)
