from litestar import Controller, Response, get
from litestar.datastructures import State
from litestar.openapi import ResponseSpec
from litestar.status_codes import HTTP_200_OK, HTTP_503_SERVICE_UNAVAILABLE

from adapters.postgres.health import database_answers
from entrypoints.http.dependencies import container_of
from entrypoints.http.structs import Wire


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
        summary="The database answers",
        responses={
            HTTP_503_SERVICE_UNAVAILABLE: ResponseSpec(
                data_container=Health, description="A dependency does not answer"
            )
        },
    )
    async def ready(self, state: State) -> Response[Health]:
        database = container_of(state).database()
        if await database_answers(database.engine):
            return Response(Health(status="ok"), status_code=HTTP_200_OK)
        return Response(
            Health(status="unavailable", failing=["database"]),
            status_code=HTTP_503_SERVICE_UNAVAILABLE,
        )
