from dataclasses import dataclass

from application.articles.get import find_article
from application.articles.owned import load_own_article
from application.articles.views import ArticleView
from application.changes import UNCHANGED, Change
from application.ports.clock import Clock
from application.ports.queries import ArticleQueries
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from domain import articles
from domain.errors import FieldErrors


@dataclass(frozen=True, slots=True)
class ArticleChanges:
    """Fields to change; `UNCHANGED` keeps one. An empty tag list removes every tag."""

    title: Change[str] = UNCHANGED
    description: Change[str] = UNCHANGED
    body: Change[str] = UNCHANGED
    tags: Change[list[str]] = UNCHANGED


class UpdateArticle:
    """The author edits an article. Its slug stays, so links to it keep working."""

    def __init__(self, uow: UnitOfWork, articles: ArticleQueries, clock: Clock) -> None:
        self._uow = uow
        self._articles = articles
        self._clock = clock

    async def __call__(
        self, principal: Principal, slug: str, changes: ArticleChanges
    ) -> ArticleView:
        async with self._uow:
            article = await load_own_article(self._uow, slug, principal)
            errors = FieldErrors()
            if (title := changes.title) is not UNCHANGED:
                with errors.collect("title"):
                    article.title = articles.valid_title(title)
            if (description := changes.description) is not UNCHANGED:
                with errors.collect("description"):
                    article.description = articles.valid_description(description)
            if (body := changes.body) is not UNCHANGED:
                with errors.collect("body"):
                    article.body = articles.valid_body(body)
            if (tags := changes.tags) is not UNCHANGED:
                with errors.collect("tagList"):
                    article.tag_list = articles.valid_tags(tags)
            errors.raise_if_any()
            article.touch(self._clock.now())
            await self._uow.commit()
        return await find_article(self._articles, article.slug, principal)
