from litestar import Controller, MediaType, Response, get
from litestar.datastructures import State
from litestar.status_codes import HTTP_200_OK, HTTP_503_SERVICE_UNAVAILABLE

from adapters.postgres.health import database_answers
from entrypoints.http.dependencies import container_of


class HealthController(Controller):
    path = "/health"
    tags = ["Operations"]

    @get("/live", summary="The process is up", media_type=MediaType.JSON)
    async def live(self) -> dict[str, str]:
        return {"status": "ok"}

    @get("/ready", summary="The database answers", media_type=MediaType.JSON)
    async def ready(self, state: State) -> Response[dict[str, object]]:
        database = container_of(state).database()
        if await database_answers(database.engine):
            return Response({"status": "ok"}, status_code=HTTP_200_OK)
        return Response(
            {"status": "unavailable", "failing": ["database"]},
            status_code=HTTP_503_SERVICE_UNAVAILABLE,
        )
