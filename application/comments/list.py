from application.articles.owned import load_article
from application.comments.views import CommentView
from application.ports.queries import CommentQueries, Page
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal


class ListComments:
    def __init__(self, uow: UnitOfWork, comments: CommentQueries) -> None:
        self._uow = uow
        self._comments = comments

    async def __call__(self, slug: str, viewer: Principal | None, page: Page) -> list[CommentView]:
        async with self._uow:
            article = await load_article(self._uow, slug)
        viewer_id = viewer.user_id if viewer else None
        return await self._comments.comments(article.id, page, viewer_id=viewer_id)
