from entrypoints.http.structs import Wire


class TagsResponse(Wire):
    tags: list[str]
