from datetime import timedelta

from application.errors import AccountSuspended, InvalidRefreshToken
from application.ports.clock import Clock
from application.ports.security import TokenIssuer
from application.ports.unit_of_work import UnitOfWork
from application.sessions.opening import UNKNOWN_CLIENT, Client, issue_refresh_token, signed_in
from application.sessions.views import SignedIn
from domain.sessions import refresh_digest


class RefreshSession:
    """Trades a refresh token for a new access token and a new refresh token. Each refresh
    token works once: presenting one again means it was stolen, so the session ends."""

    def __init__(
        self, uow: UnitOfWork, tokens: TokenIssuer, clock: Clock, lifetime: timedelta
    ) -> None:
        self._uow = uow
        self._tokens = tokens
        self._clock = clock
        self._lifetime = lifetime

    async def __call__(self, refresh_token: str, client: Client = UNKNOWN_CLIENT) -> SignedIn:
        now = self._clock.now()
        async with self._uow:
            claim = await self._uow.refresh_tokens.claim(refresh_digest(refresh_token), now=now)
            if claim is None:
                raise InvalidRefreshToken()
            session = await self._uow.sessions.get(claim.session_id)
            if session is None:
                raise InvalidRefreshToken()
            if claim.reused:
                session.revoke(now)  # whoever holds either copy loses the session
                await self._uow.commit()
                raise InvalidRefreshToken()
            user = await self._uow.users.get(session.user_id)
            if user is None or not session.is_active(now):
                raise InvalidRefreshToken()
            if user.suspended:
                raise AccountSuspended()
            session.renew(now, self._lifetime)
            session.ip = client.ip or session.ip
            secret = issue_refresh_token(self._uow, session, now)
            await self._uow.commit()
        return signed_in(user, session, secret, self._tokens)
