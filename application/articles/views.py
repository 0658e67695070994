"""Read models of articles."""

from dataclasses import dataclass
from datetime import datetime

from application.profiles.views import ProfileView
from domain.articles import Article
from domain.users import User


@dataclass(frozen=True, slots=True)
class ArticleView:
    """`body` is None in lists, which leave it out."""

    slug: str
    title: str
    description: str
    body: str | None
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    favorited: bool
    favorites_count: int
    author: ProfileView

    @classmethod
    def of_new(cls, article: Article, author: User) -> "ArticleView":
        """The view of an article its author has just written."""
        return cls(
            slug=article.slug,
            title=article.title,
            description=article.description,
            body=article.body,
            tags=tuple(article.tag_list),
            created_at=article.created_at,
            updated_at=article.updated_at,
            favorited=False,
            favorites_count=0,
            author=ProfileView.of(author, following=False),
        )


@dataclass(frozen=True, slots=True)
class ArticlePage:
    articles: list[ArticleView]
    count: int
    """How many articles match in all, not just on this page."""
