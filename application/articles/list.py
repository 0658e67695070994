from dataclasses import replace

from application.articles.views import ArticlePage
from application.ports.queries import ArticleFilter, ArticleQueries, Page
from application.principal import Principal
from domain.articles import tag_name


class ListArticles:
    """Recent articles globally, optionally by tag, author, or who favorited them."""

    def __init__(self, articles: ArticleQueries) -> None:
        self._articles = articles

    async def __call__(
        self, where: ArticleFilter, page: Page, viewer: Principal | None
    ) -> ArticlePage:
        viewer_id = viewer.user_id if viewer else None
        if where.tag is not None:
            where = replace(where, tag=tag_name(where.tag))
        return await self._articles.articles(where, page, viewer_id=viewer_id)
