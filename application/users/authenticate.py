from datetime import timedelta

from application.errors import InvalidToken
from application.ports.clock import Clock
from application.ports.queries import SessionLookup
from application.ports.security import TokenVerifier
from application.ports.session_activity import SessionActivity
from application.principal import Principal

# The sessions list shows the last use to the minute; noting every use would add a write
# to every authenticated request.
NOTE_USE_EVERY = timedelta(minutes=1)


class Authenticate:
    """Turns a presented access token into the caller it identifies. A valid signature is
    not enough: the token's session must still be open and its user not suspended, so a
    logout or a suspension takes effect at once, everywhere."""

    def __init__(
        self,
        tokens: TokenVerifier,
        sessions: SessionLookup,
        activity: SessionActivity,
        clock: Clock,
    ) -> None:
        self._tokens = tokens
        self._sessions = sessions
        self._activity = activity
        self._clock = clock

    async def __call__(self, token: str) -> Principal:
        if not token:
            raise InvalidToken()
        claims = self._tokens.verify(token)
        now = self._clock.now()
        caller = await self._sessions.active_caller(claims.session_id, now=now)
        if caller is None or caller.user_id != claims.user_id:
            raise InvalidToken()
        if caller.last_used_at < now - NOTE_USE_EVERY:
            await self._activity.note_use(claims.session_id, now)
        return Principal(
            user_id=caller.user_id,
            session_id=claims.session_id,
            auth_time=claims.auth_time,
            role=caller.role,
        )
