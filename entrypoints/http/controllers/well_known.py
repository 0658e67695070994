"""Discovery for other services verifying Conduit's tokens with stock JWT libraries."""

from typing import Any

from litestar import Controller, Request, get
from litestar.datastructures import State

from adapters.security.keys import ALGORITHM
from entrypoints.http.dependencies import container_of
from entrypoints.http.openapi import errors


class WellKnownController(Controller):
    path = "/.well-known"
    tags = ["Discovery"]

    @get("/jwks.json", summary="The public keys that verify access tokens", responses=errors())
    async def jwks(self, state: State) -> dict[str, Any]:
        return container_of(state).tokens().public_keys()

    @get(
        "/openid-configuration",
        summary="Issuer, key location and signing algorithms",
        responses=errors(),
    )
    async def configuration(self, request: Request[Any, Any, Any], state: State) -> dict[str, Any]:
        settings = container_of(state).settings()
        # The Host header behind base_url is one of CONDUIT_ALLOWED_HOSTS (AllowedHostsMiddleware).
        base = settings.public_url or str(request.base_url).rstrip("/")
        return {
            "issuer": settings.jwt_issuer,
            "jwks_uri": f"{base}/.well-known/jwks.json",
            "id_token_signing_alg_values_supported": [ALGORITHM],
            "token_endpoint_auth_signing_alg_values_supported": [ALGORITHM],
            "subject_types_supported": ["public"],
            "response_types_supported": ["token"],
            "claims_supported": ["iss", "aud", "sub", "sid", "auth_time", "iat", "exp"],
        }
