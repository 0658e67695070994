from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import GuestProtocol, Key, KeySet
from joserfc.jwt import JWTClaimsRegistry

from adapters.security.keys import ALGORITHM, public_key_set
from application.errors import InvalidToken
from application.ports.clock import Clock
from application.ports.security import AccessClaims, TokenIssuer, TokenVerifier

MAX_TOKEN_LENGTH = 4096


class JoseTokenService(TokenIssuer, TokenVerifier):
    """Access tokens as JWTs signed with Ed25519 (joserfc). The first key of the set signs;
    every key of the set verifies, so keys can be rotated without signing anyone out."""

    def __init__(
        self, keys: KeySet, *, issuer: str, audience: str, lifetime: timedelta, clock: Clock
    ) -> None:
        self._keys = keys
        self._signing_key = keys.keys[0]
        self._issuer = issuer
        self._audience = audience
        self._lifetime = int(lifetime.total_seconds())
        self._clock = clock

    def issue(self, claims: AccessClaims) -> str:
        now = int(self._clock.now().timestamp())
        header = {"alg": ALGORITHM, "kid": self._signing_key.kid, "typ": "JWT"}
        payload = {
            "iss": self._issuer,
            "aud": self._audience,
            "sub": str(claims.user_id),
            "sid": str(claims.session_id),
            "auth_time": int(claims.auth_time.timestamp()),
            "iat": now,
            "exp": now + self._lifetime,
        }
        return jwt.encode(header, payload, self._signing_key, algorithms=[ALGORITHM])

    def verify(self, token: str) -> AccessClaims:
        if len(token) > MAX_TOKEN_LENGTH:
            raise InvalidToken()
        try:
            decoded = jwt.decode(token, self._key_named_by, algorithms=[ALGORITHM])
            self._registry().validate(decoded.claims)
            return AccessClaims(
                user_id=UUID(_string(decoded.claims, "sub")),
                session_id=UUID(_string(decoded.claims, "sid")),
                auth_time=datetime.fromtimestamp(_integer(decoded.claims, "auth_time"), UTC),
            )
        except (JoseError, ValueError, TypeError, KeyError) as error:
            raise InvalidToken() from error

    def _key_named_by(self, token: GuestProtocol) -> Key:
        """The key of the set that the token's `kid` names. A token naming none is refused
        even while the set holds one key, which joserfc would otherwise take."""
        kid = token.headers().get("kid")
        if not isinstance(kid, str):
            raise InvalidToken()
        return self._keys.get_by_kid(kid)

    def public_keys(self) -> dict[str, list[dict[str, Any]]]:
        return public_key_set(self._keys)

    def _registry(self) -> JWTClaimsRegistry:
        return JWTClaimsRegistry(
            now=int(self._clock.now().timestamp()),
            leeway=0,
            iss={"essential": True, "value": self._issuer},
            aud={"essential": True, "value": self._audience},
            sub={"essential": True},
            sid={"essential": True},
            auth_time={"essential": True},
            iat={"essential": True},
            exp={"essential": True},
        )


def _string(claims: dict[str, Any], name: str) -> str:
    value = claims[name]
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string")
    return value


def _integer(claims: dict[str, Any], name: str) -> int:
    value = claims[name]
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an integer")
    return value
