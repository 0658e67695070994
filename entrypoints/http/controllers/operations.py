"""Health and metrics: for load balancers, orchestrators and Prometheus. Never rate-limited."""

import asyncio
import hmac
from typing import Any

from litestar import Controller, Request, Response, get
from litestar.datastructures import State
from litestar.openapi import ResponseSpec
from litestar.status_codes import HTTP_200_OK, HTTP_503_SERVICE_UNAVAILABLE

from adapters.postgres.health import database_answers
from application.errors import AuthenticationRequired, InvalidToken
from entrypoints.http.dependencies import container_of
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
        container = container_of(state)
        database, redis = await asyncio.gather(
            database_answers(container.database().engine, READY_WITHIN_SECONDS),
            asyncio.wait_for(container.rate_limiter().redis_answers(), READY_WITHIN_SECONDS),
            return_exceptions=True,
        )
        failing = [
            name
            for name, answer in (("database", database), ("redis", redis))
            if answer is False or isinstance(answer, BaseException)
        ]
        if failing:
            return Response(
                Health(status="unavailable", failing=failing),
                status_code=HTTP_503_SERVICE_UNAVAILABLE,
            )
        return Response(Health(status="ok"), status_code=HTTP_200_OK)


class MetricsController(Controller):
    path = "/metrics"
    tags = ["Operations"]

    @get(
        "/",
        summary="Prometheus metrics of every worker",
        description="With CONDUIT_METRICS_TOKEN set, send `Authorization: Bearer <token>`.",
        media_type=CONTENT_TYPE,
        responses=errors(401),
    )
    async def metrics(self, request: Request[Any, Any, Any], state: State) -> Response[bytes]:
        token = container_of(state).settings().metrics_token
        if token is not None:
            header = request.headers.get("authorization")
            if header is None:
                raise AuthenticationRequired()
            scheme, _, presented = header.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(presented, token):
                raise InvalidToken()
        return Response(exposition(), media_type=CONTENT_TYPE)
