from litestar import Controller, get
from litestar.di import NamedDependency

from application.tags.list import ListTags
from entrypoints.http.openapi import errors
from entrypoints.http.structs.tags import TagsResponse


class TagsController(Controller):
    path = "/tags"
    tags = ["Tags"]

    @get("/", summary="Get tags", responses=errors())
    async def list_tags(self, list_tags: NamedDependency[ListTags]) -> TagsResponse:
        return TagsResponse(tags=await list_tags())
