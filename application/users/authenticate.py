from application.errors import InvalidToken
from application.ports.security import TokenVerifier
from application.principal import Principal


class Authenticate:
    """Turns a presented access token into the caller it identifies."""

    def __init__(self, tokens: TokenVerifier) -> None:
        self._tokens = tokens

    async def __call__(self, token: str) -> Principal:
        if not token:
            raise InvalidToken()
        claims = self._tokens.verify(token)
        return Principal(user_id=claims.user_id)
