from application.comments.views import CommentView
from application.errors import NotFound
from application.ports.queries import CommentQueries, Page
from application.principal import Principal


class ListComments:
    def __init__(self, comments: CommentQueries) -> None:
        self._comments = comments

    async def __call__(self, slug: str, viewer: Principal | None, page: Page) -> list[CommentView]:
        viewer_id = viewer.user_id if viewer else None
        found = await self._comments.comments(slug, page, viewer_id=viewer_id)
        if found is None:
            raise NotFound("article")
        return found
