from application.ports.queries import TagQueries


class ListTags:
    """The tags in use, the most used first (ties alphabetical), at most `LIMIT` of them:
    the list every front end shows on its home page stays short and cheap however many
    tags are in use."""

    LIMIT = 100

    def __init__(self, tags: TagQueries) -> None:
        self._tags = tags

    async def __call__(self) -> list[str]:
        return await self._tags.tags(self.LIMIT)
