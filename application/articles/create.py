from application.articles.views import ArticleView
from application.errors import AlreadyTaken
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from application.users.current import load_caller
from domain.articles import Article, ArticleContent


class CreateArticle:
    """The caller writes an article. Titles may repeat; each article gets its own slug."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, principal: Principal, content: ArticleContent) -> ArticleView:
        valid = content.valid()
        try:
            return await self._write(principal, valid, disambiguate=False)
        except AlreadyTaken:
            # Another article took the slug between our check and our commit.
            return await self._write(principal, valid, disambiguate=True)

    async def _write(
        self, principal: Principal, content: ArticleContent, *, disambiguate: bool
    ) -> ArticleView:
        async with self._uow:
            author = await load_caller(self._uow, principal)
            article = Article.write(content, author_id=author.id, now=self._clock.now())
            if disambiguate or await self._uow.articles.slug_taken(article.slug):
                article.disambiguate_slug()
            self._uow.articles.add(article)
            await self._uow.commit()
        return ArticleView.of_new(article, author)
