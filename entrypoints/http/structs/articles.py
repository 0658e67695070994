from typing import Annotated, Any

from msgspec import UNSET, Meta, UnsetType, structs

from application.articles.views import ArticlePage, ArticleView
from domain import articles, values
from domain.articles import ArticleChanges, ArticleContent
from entrypoints.http.structs import Wire, change, documented, timestamp
from entrypoints.http.structs.profiles import Profile


def _text(max_length: int) -> Meta:
    """Non-blank text; msgspec checks the length, the domain the rest."""
    return Meta(
        min_length=1,
        max_length=max_length,
        extra_json_schema=documented(pattern=values.VISIBLE_TEXT_PATTERN),
    )


Title = Annotated[str, _text(articles.TITLE_MAX_LENGTH)]
Description = Annotated[str, _text(articles.DESCRIPTION_MAX_LENGTH)]
Body = Annotated[str, _text(articles.BODY_MAX_LENGTH)]
Tag = Annotated[str, Meta(min_length=1, max_length=articles.TAG_MAX_LENGTH)]
# Litestar documents no constraint of a list's items: the tag's are declared here.
TAG_SCHEMA = {
    "type": "string",
    "minLength": 1,
    "maxLength": articles.TAG_MAX_LENGTH,
    "pattern": articles.TAG_PATTERN,
}
TagList = Annotated[
    list[Tag],
    Meta(
        max_length=articles.MAX_TAGS,
        description="Sorted and made distinct",
        extra_json_schema=documented(items=TAG_SCHEMA),
    ),
]


class NewArticle(Wire):
    title: Title
    description: Description
    body: Body
    tag_list: TagList = []


class NewArticleRequest(Wire):
    article: NewArticle

    def to_command(self) -> ArticleContent:
        return ArticleContent(**structs.asdict(self.article))


class UpdateArticle(Wire):
    title: Title | UnsetType = UNSET
    description: Description | UnsetType = UNSET
    body: Body | UnsetType = UNSET
    tag_list: TagList | UnsetType = UNSET


class UpdateArticleRequest(Wire):
    article: UpdateArticle

    def to_command(self) -> ArticleChanges:
        return ArticleChanges(
            **{name: change(value) for name, value in structs.asdict(self.article).items()}
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
    """The summary's fields, taken from the view by name, in their wire types."""
    return {name: getattr(view, name) for name in ArticleSummary.__struct_fields__} | {
        "tag_list": list(view.tag_list),
        "created_at": timestamp(view.created_at),
        "updated_at": timestamp(view.updated_at),
        "author": Profile.of(view.author),
    }
