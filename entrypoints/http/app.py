"""The application factory. `create_app()` with no argument reads `CONDUIT_*` settings."""

import logging
import os
import re
import time
from typing import Any, cast

import structlog
from litestar import Litestar, Router
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.enums import ScopeType
from litestar.types import (
    LifeSpanReceive,
    LifeSpanScope,
    LifeSpanSend,
    Message,
    Receive,
    Scope,
    Send,
)

from entrypoints.container import Container, shutdown
from entrypoints.http.bodies import JsonObjectRequest
from entrypoints.http.controllers.admin import admin_router
from entrypoints.http.controllers.articles import ArticlesController
from entrypoints.http.controllers.comments import CommentsController
from entrypoints.http.controllers.operations import HealthController, MetricsController
from entrypoints.http.controllers.profiles import ProfilesController
from entrypoints.http.controllers.tags import TagsController
from entrypoints.http.controllers.users import CurrentUserController, UsersController
from entrypoints.http.controllers.well_known import WellKnownController
from entrypoints.http.dependencies import container_of, dependencies
from entrypoints.http.errors import exception_handlers
from entrypoints.http.hosts import AllowedHostsMiddleware
from entrypoints.http.middleware import (
    OPERATIONS_PREFIXES,
    RateLimitMiddleware,
    request_id_of,
    security_headers,
)
from entrypoints.http.openapi import openapi_config
from entrypoints.observability.logging import configure_logging
from entrypoints.observability.metrics import HTTP_DURATION, HTTP_REQUESTS, worker_exited
from entrypoints.observability.tracing import tracing_plugins
from entrypoints.settings import Settings

access_log = structlog.stdlib.get_logger("conduit.access")


class ConduitApp(Litestar):
    """Litestar, wrapped so that every HTTP request, answered by a route or not, gets its
    request id bound to its log lines, one access line, and its metrics."""

    async def __call__(
        self,
        scope: Scope | LifeSpanScope,
        receive: Receive | LifeSpanReceive,
        send: Send | LifeSpanSend,
    ) -> None:
        if scope["type"] != ScopeType.HTTP:
            await super().__call__(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        structlog.contextvars.bind_contextvars(request_id=request_id_of(cast(Scope, scope)))

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)  # type: ignore[arg-type]

        try:
            await super().__call__(scope, receive, send_noting_status)
        finally:
            _record(scope, status, time.perf_counter() - started)
            structlog.contextvars.clear_contextvars()


def _record(scope: Any, status: int, seconds: float) -> None:
    route: str = scope.get("path_template") or "unmatched"
    method: str = scope.get("method", "")
    HTTP_REQUESTS.labels(method, route, status).inc()
    HTTP_DURATION.labels(method, route, status).observe(seconds)
    principal = scope.get("state", {}).get("principal")
    level = logging.DEBUG if scope["path"].startswith(OPERATIONS_PREFIXES) else logging.INFO
    access_log.log(
        level,
        "request",
        method=method,
        route=route,
        status=status,
        duration_ms=round(seconds * 1000, 1),
        user_id=str(principal.user_id) if principal else None,
    )


def create_app(container: Container | None = None) -> Litestar:
    if container is None:
        settings = Settings.from_env()
        configure_logging(settings.log_level, settings.log_format)
        container = Container(settings=settings)
        container.tokens()  # load the signing keys now: a bad key file stops start-up

    api = Router(
        "/api",
        route_handlers=[
            UsersController,
            CurrentUserController,
            ProfilesController,
            ArticlesController,
            CommentsController,
            TagsController,
            admin_router,
        ],
    )

    async def close(app: Litestar) -> None:
        await shutdown(container_of(app.state))
        worker_exited(os.getpid())

    settings = container.settings()
    return ConduitApp(
        route_handlers=[api, HealthController, WellKnownController, *metrics_routes(settings)],
        dependencies=dependencies,
        exception_handlers=exception_handlers,  # type: ignore[arg-type]
        request_class=JsonObjectRequest,
        middleware=[
            AllowedHostsMiddleware(settings.allowed_hosts),
            RateLimitMiddleware(
                per_minute=settings.rate_limit_per_minute,
                auth_per_minute=settings.auth_rate_limit_per_minute,
                trusted_proxies=settings.trusted_proxies,
            ),
        ],
        before_send=[security_headers(hsts=settings.hsts)],
        cors_config=cors_config(settings.cors_origins),
        request_max_body_size=settings.max_body_bytes,
        openapi_config=openapi_config,
        plugins=tracing_plugins(),
        logging_config=None,  # the process's entrypoint configures logging, not the app
        on_shutdown=[close],
        state=State({"container": container}),
    )


def metrics_routes(settings: Settings) -> list[type[MetricsController]]:
    """/metrics is served with a token, or open where `conduit dev` (on loopback) or the
    operator says so; otherwise it does not exist."""
    return [MetricsController] if settings.metrics_token or settings.metrics_open else []


def cors_config(origins: tuple[str, ...]) -> CORSConfig | None:
    """Browsers may call from the listed origins only. A `*` stands for a port (`:*`) or
    one DNS label (`https://*.example.com`). Tokens travel in a header, never in cookies, so
    credentials are never allowed, and `*` alone admits every origin."""
    if not origins:
        return None
    exact = [origin for origin in origins if "*" not in origin or origin == "*"]
    patterns = [
        re.escape(origin).replace(":\\*", ":[0-9]+").replace("\\*", "[A-Za-z0-9-]+")
        for origin in origins
        if "*" in origin and origin != "*"
    ]
    return CORSConfig(
        allow_origins=exact or [],
        allow_origin_regex="|".join(f"(?:{p})" for p in patterns) or None,
        allow_credentials=False,
        allow_methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"],
        allow_headers=["authorization", "content-type", "x-request-id"],
        expose_headers=[
            "x-request-id",
            "retry-after",
            "ratelimit-limit",
            "ratelimit-remaining",
            "ratelimit-reset",
        ],
    )
