from typing import Annotated

from litestar import Controller, delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import JSONBody

from application.articles.create import CreateArticle
from application.articles.delete import DeleteArticle
from application.articles.favorite import FavoriteArticle, UnfavoriteArticle
from application.articles.feed import GetFeed
from application.articles.get import GetArticle
from application.articles.list import ListArticles
from application.articles.update import UpdateArticle
from application.ports.queries import ArticleFilter, Page
from application.principal import Principal
from domain.audit import REASON_MAX_LENGTH
from entrypoints.http.openapi import AUTHENTICATED, OPTIONALLY_AUTHENTICATED, errors
from entrypoints.http.params import Limit, Offset, PathText, query_text
from entrypoints.http.structs.articles import (
    ArticleResponse,
    MultipleArticlesResponse,
    NewArticleRequest,
    UpdateArticleRequest,
)

Reason = Annotated[
    str | None,
    query_text(
        "Why a moderator deletes someone else's work (audited)", max_length=REASON_MAX_LENGTH
    ),
]


class ArticlesController(Controller):
    path = "/articles"
    tags = ["Articles"]

    @get(
        "/",
        summary="Get recent articles globally",
        security=OPTIONALLY_AUTHENTICATED,
        responses=errors(401),
    )
    async def list_articles(
        self,
        viewer: NamedDependency[Principal | None],
        list_articles: NamedDependency[ListArticles],
        tag: Annotated[str | None, query_text("Only articles with this tag")] = None,
        author: Annotated[str | None, query_text("Only articles by this user")] = None,
        favorited: Annotated[str | None, query_text("Only articles this user favorited")] = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> MultipleArticlesResponse:
        # An empty filter (`?tag=`) filters nothing.
        where = ArticleFilter(
            tag=tag or None, author=author or None, favorited_by=favorited or None
        )
        page = await list_articles(where, Page(limit=limit, offset=offset), viewer)
        return MultipleArticlesResponse.of(page)

    @get(
        "/feed",
        summary="Get recent articles from users you follow",
        security=AUTHENTICATED,
        responses=errors(401),
    )
    async def feed(
        self,
        principal: NamedDependency[Principal],
        get_feed: NamedDependency[GetFeed],
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> MultipleArticlesResponse:
        page = await get_feed(principal, Page(limit=limit, offset=offset))
        return MultipleArticlesResponse.of(page)

    @post(
        "/",
        status_code=201,
        summary="Create an article",
        security=AUTHENTICATED,
        responses=errors(401, body=True),
    )
    async def create(
        self,
        data: JSONBody[NewArticleRequest],
        principal: NamedDependency[Principal],
        create_article: NamedDependency[CreateArticle],
    ) -> ArticleResponse:
        return ArticleResponse.of(await create_article(principal, data.to_command()))

    @get(
        "/{slug:str}",
        summary="Get an article",
        security=OPTIONALLY_AUTHENTICATED,
        responses=errors(401, 404),
    )
    async def get_article(
        self,
        slug: PathText,
        viewer: NamedDependency[Principal | None],
        get_article: NamedDependency[GetArticle],
    ) -> ArticleResponse:
        return ArticleResponse.of(await get_article(slug, viewer))

    @put(
        "/{slug:str}",
        summary="Update an article",
        security=AUTHENTICATED,
        responses=errors(401, 403, 404, body=True),
    )
    async def update(
        self,
        slug: PathText,
        data: JSONBody[UpdateArticleRequest],
        principal: NamedDependency[Principal],
        update_article: NamedDependency[UpdateArticle],
    ) -> ArticleResponse:
        return ArticleResponse.of(await update_article(principal, slug, data.to_command()))

    @delete(
        "/{slug:str}",
        summary="Delete an article",
        security=AUTHENTICATED,
        responses=errors(401, 403, 404),
    )
    async def remove(
        self,
        slug: PathText,
        principal: NamedDependency[Principal],
        delete_article: NamedDependency[DeleteArticle],
        reason: Reason = None,
    ) -> None:
        await delete_article(principal, slug, reason)

    @post(
        "/{slug:str}/favorite",
        status_code=200,
        summary="Favorite an article",
        tags=["Favorites"],
        security=AUTHENTICATED,
        responses=errors(401, 404),
    )
    async def favorite(
        self,
        slug: PathText,
        principal: NamedDependency[Principal],
        favorite_article: NamedDependency[FavoriteArticle],
    ) -> ArticleResponse:
        return ArticleResponse.of(await favorite_article(principal, slug))

    @delete(
        "/{slug:str}/favorite",
        status_code=200,
        summary="Unfavorite an article",
        tags=["Favorites"],
        security=AUTHENTICATED,
        responses=errors(401, 404),
    )
    async def unfavorite(
        self,
        slug: PathText,
        principal: NamedDependency[Principal],
        unfavorite_article: NamedDependency[UnfavoriteArticle],
    ) -> ArticleResponse:
        return ArticleResponse.of(await unfavorite_article(principal, slug))
