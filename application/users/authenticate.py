from application.errors import InvalidToken
from application.ports.clock import Clock
from application.ports.queries import SessionLookup
from application.ports.security import TokenVerifier
from application.principal import Principal


class Authenticate:
    """Turns a presented access token into the caller it identifies. A valid signature is
    not enough: the token's session must still be open and its user not suspended, so a
    logout or a suspension takes effect at once, everywhere."""

    def __init__(self, tokens: TokenVerifier, sessions: SessionLookup, clock: Clock) -> None:
        self._tokens = tokens
        self._sessions = sessions
        self._clock = clock

    async def __call__(self, token: str) -> Principal:
        if not token:
            raise InvalidToken()
        claims = self._tokens.verify(token)
        caller = await self._sessions.active_caller(claims.session_id, now=self._clock.now())
        if caller is None or caller.user_id != claims.user_id:
            raise InvalidToken()
        return Principal(
            user_id=caller.user_id,
            session_id=claims.session_id,
            auth_time=claims.auth_time,
            role=caller.role,
        )
