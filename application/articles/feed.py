from application.articles.views import ArticlePage
from application.ports.queries import ArticleQueries, Page
from application.principal import Principal


class GetFeed:
    """Recent articles of the authors the caller follows."""

    def __init__(self, articles: ArticleQueries) -> None:
        self._articles = articles

    async def __call__(self, principal: Principal, page: Page) -> ArticlePage:
        return await self._articles.feed(page, viewer_id=principal.user_id)
