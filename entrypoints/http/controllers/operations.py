"""Health and metrics: for load balancers, orchestrators and Prometheus. Never rate-limited."""

import hmac
from typing import Any

from litestar import Controller, Request, Response, get
from litestar.datastructures import State
from litestar.openapi import ResponseSpec
from litestar.status_codes import HTTP_200_OK, HTTP_503_SERVICE_UNAVAILABLE

from application.errors import ApplicationError, AuthenticationRequired, InvalidToken
from entrypoints.http.dependencies import container_of
from entrypoints.http.errors import Errors, handle_use_case_error
from entrypoints.http.openapi import errors
from entrypoints.http.structs import Wire
from entrypoints.observability.metrics import CONTENT_TYPE, exposition

READY_WITHIN_SECONDS = 2.0


class Health(Wire, omit_defaults=True):
    status: str
    failing: list[str] = []


class HealthController(Controller):
    path = "/health"
    tags = ["Operations"]

    @get("/live", summary="The process is up")
    async def live(self) -> Health:
        return Health(status="ok")

    @get(
        "/ready",
        summary="The database (and Redis, when configured) answer",
        responses={
            HTTP_503_SERVICE_UNAVAILABLE: ResponseSpec(
                data_container=Health, description="Some dependency does not answer"
            )
        },
    )
    async def ready(self, state: State) -> Response[Health]:
        failing = await container_of(state).check_readiness()(READY_WITHIN_SECONDS)
        if failing:
            return Response(
                Health(status="unavailable", failing=failing),
                status_code=HTTP_503_SERVICE_UNAVAILABLE,
            )
        return Response(Health(status="ok"), status_code=HTTP_200_OK)


class MetricsController(Controller):
    """Registered only when the settings serve metrics (see `app.metrics_routes`)."""

    path = "/metrics"
    tags = ["Operations"]

    @get(
        "/",
        summary="Prometheus metrics of every worker",
        description="Send `Authorization: Bearer <CONDUIT_METRICS_TOKEN>`.",
        media_type=CONTENT_TYPE,
        responses=errors(401),
    )
    async def metrics(
        self, request: Request[Any, Any, Any], state: State
    ) -> Response[bytes] | Response[dict[str, Errors]]:
        token = container_of(state).settings().metrics_token
        refusal = None if token is None else _refusal(request.headers.get("authorization"), token)
        if refusal is not None:
            refused = handle_use_case_error(request, refusal)
            refused.headers["WWW-Authenticate"] = "Bearer"
            return refused
        return Response(exposition(), media_type=CONTENT_TYPE)


def _refusal(header: str | None, token: str) -> ApplicationError | None:
    """Why a scrape is refused, or None when it presents the token."""
    if header is None:
        return AuthenticationRequired()
    scheme, _, presented = header.partition(" ")
    # Bytes: compare_digest refuses str with characters beyond ASCII.
    if scheme.lower() != "bearer" or not hmac.compare_digest(presented.encode(), token.encode()):
        return InvalidToken()
    return None
