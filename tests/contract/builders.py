"""Builds stored data for the contract tests through the repositories themselves."""

from datetime import UTC, datetime, timedelta
from itertools import count

from application.ports.unit_of_work import UnitOfWork
from domain.articles import Article, ArticleContent
from domain.comments import Comment
from domain.users import User
from tests.contract.conftest import UnitOfWorkFactory

T0 = datetime(2026, 3, 4, 5, 6, 7, 891000, tzinfo=UTC)
_seconds = count()


def a_user(username: str = "jake", email: str | None = None) -> User:
    return User.register(
        username=username,
        email=email or f"{username}@x.io",
        password_hash="$argon2id$x",
        now=T0,
    )


def an_article(
    author: User, title: str = "Dragons", tags: list[str] | None = None, at: datetime | None = None
) -> Article:
    content = ArticleContent(title=title, description="desc", body="body", tag_list=tags or [])
    article = Article.write(
        content.valid(), author_id=author.id, now=at or T0 + timedelta(seconds=next(_seconds))
    )
    article.disambiguate_slug()
    return article


async def store(new_uow: UnitOfWorkFactory, *entities: User | Article) -> None:
    """Stores users, then articles: an author exists before what they write."""
    async with new_uow() as uow:
        for user in (e for e in entities if isinstance(e, User)):
            uow.users.add(user)
        await uow.commit()
    async with new_uow() as uow:
        for article in (e for e in entities if isinstance(e, Article)):
            uow.articles.add(article)
        await uow.commit()


async def comment_on(
    new_uow: UnitOfWorkFactory, article: Article, author: User, body: str = "hi", at: datetime = T0
) -> Comment:
    comment = Comment.post(article_id=article.id, author_id=author.id, body=body, now=at)
    uow: UnitOfWork
    async with new_uow() as uow:
        await uow.comments.add(comment)
        await uow.commit()
    return comment
