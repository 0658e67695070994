"""The application factory. `create_app()` with no argument reads `CONDUIT_*` settings."""

from litestar import Litestar, Router
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

    return Litestar(
        route_handlers=[api, HealthController, WellKnownController],
        dependencies=dependencies,
        exception_handlers=exception_handlers,  # type: ignore[arg-type]
        openapi_config=openapi_config,
        on_shutdown=[close],
        state=State({"container": container}),
    )
