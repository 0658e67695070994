"""The application factory. `create_app()` with no argument reads `CONDUIT_*` settings."""

import re

from litestar import Litestar, Router
from litestar.config.cors import CORSConfig
from litestar.datastructures import State

from entrypoints.container import Container, shutdown
from entrypoints.http.controllers.admin import admin_router
from entrypoints.http.controllers.articles import ArticlesController
from entrypoints.http.controllers.comments import CommentsController
from entrypoints.http.controllers.health import HealthController
from entrypoints.http.controllers.profiles import ProfilesController
from entrypoints.http.controllers.tags import TagsController
from entrypoints.http.controllers.users import CurrentUserController, UsersController
from entrypoints.http.controllers.well_known import WellKnownController
from entrypoints.http.dependencies import container_of, dependencies
from entrypoints.http.errors import exception_handlers
from entrypoints.http.middleware import RateLimitMiddleware, security_headers
from entrypoints.http.openapi import openapi_config
from entrypoints.settings import Settings


def create_app(container: Container | None = None) -> Litestar:
    if container is None:
        container = Container(settings=Settings.from_env())
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

    settings = container.settings()
    return Litestar(
        route_handlers=[api, HealthController, WellKnownController],
        dependencies=dependencies,
        exception_handlers=exception_handlers,  # type: ignore[arg-type]
        middleware=[
            RateLimitMiddleware(
                per_minute=settings.rate_limit_per_minute,
                auth_per_minute=settings.auth_rate_limit_per_minute,
                trusted_proxies=settings.trusted_proxies,
            )
        ],
        before_send=[security_headers(hsts=settings.hsts)],
        cors_config=cors_config(settings.cors_origins),
        request_max_body_size=settings.max_body_bytes,
        openapi_config=openapi_config,
        logging_config=None,  # the process's entrypoint configures logging, not the app
        on_shutdown=[close],
        state=State({"container": container}),
    )


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
