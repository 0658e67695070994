from typing import Any

from msgspec import UNSET, UnsetType

from application.articles.create import NewArticle as NewArticleCommand
from application.articles.update import ArticleChanges
from application.views import ArticlePage, ArticleView
from entrypoints.http.structs import Wire, change, timestamp
from entrypoints.http.structs.profiles import Profile


class NewArticle(Wire):
    title: str
    description: str
    body: str
    tag_list: list[str] = []


class NewArticleRequest(Wire):
    article: NewArticle

    def to_command(self) -> NewArticleCommand:
        article = self.article
        return NewArticleCommand(
            title=article.title,
            description=article.description,
            body=article.body,
            tags=article.tag_list,
        )


class UpdateArticle(Wire):
    title: str | UnsetType = UNSET
    description: str | UnsetType = UNSET
    body: str | UnsetType = UNSET
    tag_list: list[str] | UnsetType = UNSET


class UpdateArticleRequest(Wire):
    article: UpdateArticle

    def to_command(self) -> ArticleChanges:
        article = self.article
        return ArticleChanges(
            title=change(article.title),
            description=change(article.description),
            body=change(article.body),
            tags=change(article.tag_list),
        )


class ArticleSummary(Wire):
    """An article in a list: everything but the body."""

    slug: str
    title: str
    description: str
    tag_list: list[str]
    created_at: str
    updated_at: str
    favorited: bool
    favorites_count: int
    author: Profile


class Article(ArticleSummary):
    body: str


class ArticleResponse(Wire):
    article: Article

    @classmethod
    def of(cls, view: ArticleView) -> "ArticleResponse":
        return cls(article=Article(body=view.body or "", **_summary_fields(view)))


class MultipleArticlesResponse(Wire):
    articles: list[ArticleSummary]
    articles_count: int

    @classmethod
    def of(cls, page: ArticlePage) -> "MultipleArticlesResponse":
        return cls(
            articles=[ArticleSummary(**_summary_fields(view)) for view in page.articles],
            articles_count=page.count,
        )


def _summary_fields(view: ArticleView) -> dict[str, Any]:
    return {
        "slug": view.slug,
        "title": view.title,
        "description": view.description,
        "tag_list": list(view.tags),
        "created_at": timestamp(view.created_at),
        "updated_at": timestamp(view.updated_at),
        "favorited": view.favorited,
        "favorites_count": view.favorites_count,
        "author": Profile.of(view.author),
    }
