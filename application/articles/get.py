from application.articles.views import ArticleView
from application.errors import NotFound
from application.ports.queries import ArticleQueries
from application.principal import Principal


async def find_article(queries: ArticleQueries, slug: str, viewer: Principal | None) -> ArticleView:
    view = await queries.article(slug, viewer_id=viewer.user_id if viewer else None)
    if view is None:
        raise NotFound("article")
    return view


class GetArticle:
    def __init__(self, articles: ArticleQueries) -> None:
        self._articles = articles

    async def __call__(self, slug: str, viewer: Principal | None) -> ArticleView:
        return await find_article(self._articles, slug, viewer)
