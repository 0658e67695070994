"""Read models of articles."""

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from application.profiles.views import ProfileView
from domain.articles import Article
from domain.users import User


@dataclass(frozen=True, slots=True)
class ArticleView:
    """`body` is None in lists, which leave it out. The fields the article itself has are
    named as it names them."""

    slug: str
    title: str
    description: str
    body: str | None
    tag_list: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    favorited: bool
    favorites_count: int
    author: ProfileView

    @classmethod
    def of(cls, values: Mapping[str, Any], *, author: ProfileView) -> "ArticleView":
        """The view of `values` (a row, an article's attributes), taken by field name:
        every field but the author must be there."""
        taken = {name: values[name] for name in _TAKEN_BY_NAME}
        return cls(**taken | {"tag_list": tuple(taken["tag_list"])}, author=author)

    @classmethod
    def of_new(cls, article: Article, author: User) -> "ArticleView":
        """The view of an article its author has just written."""
        values = {name: getattr(article, name) for name in ARTICLE_FIELDS}
        return cls.of(
            values | {"favorited": False, "favorites_count": 0},
            author=ProfileView.of(author, following=False),
        )


_TAKEN_BY_NAME = tuple(f.name for f in fields(ArticleView) if f.name != "author")
# The view's fields that are the article's own.
ARTICLE_FIELDS = tuple(name for name in _TAKEN_BY_NAME if name in {f.name for f in fields(Article)})


@dataclass(frozen=True, slots=True)
class ArticlePage:
    articles: list[ArticleView]
    count: int
    """How many articles match in all, not just on this page."""
