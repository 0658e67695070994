from typing import Annotated

from litestar import Controller, delete, get, post
from litestar.di import NamedDependency
from litestar.params import JSONBody, PathParameter

from application.comments.add import AddComment
from application.comments.delete import DeleteComment
from application.comments.list import ListComments
from application.ports.queries import Page
from application.principal import Principal
from entrypoints.http.controllers.articles import Reason
from entrypoints.http.openapi import AUTHENTICATED, OPTIONALLY_AUTHENTICATED, errors
from entrypoints.http.params import Limit, Offset, PathText
from entrypoints.http.structs.comments import (
    Comment,
    CommentResponse,
    MultipleCommentsResponse,
    NewCommentRequest,
)

MAX_ID = 2**63 - 1


class CommentsController(Controller):
    path = "/articles/{slug:str}/comments"
    tags = ["Comments"]

    @get(
        "/",
        summary="Get comments for an article",
        security=OPTIONALLY_AUTHENTICATED,
        responses=errors(401, 404),
    )
    async def list_comments(
        self,
        slug: PathText,
        viewer: NamedDependency[Principal | None],
        list_comments: NamedDependency[ListComments],
        # Stock front ends ask with no parameters and show what comes back: the most a
        # page holds.
        limit: Limit = Page.MAX_LIMIT,
        offset: Offset = 0,
    ) -> MultipleCommentsResponse:
        views = await list_comments(slug, viewer, Page(limit=limit, offset=offset))
        return MultipleCommentsResponse(comments=[Comment.of(view) for view in views])

    @post(
        "/",
        status_code=201,
        summary="Create a comment for an article",
        security=AUTHENTICATED,
        responses=errors(401, 404, body=True),
    )
    async def add(
        self,
        slug: PathText,
        data: JSONBody[NewCommentRequest],
        principal: NamedDependency[Principal],
        add_comment: NamedDependency[AddComment],
    ) -> CommentResponse:
        view = await add_comment(principal, slug, data.comment.body)
        return CommentResponse(comment=Comment.of(view))

    @delete(
        "/{comment_id:int}",
        summary="Delete a comment for an article",
        security=AUTHENTICATED,
        responses=errors(401, 403, 404),
    )
    async def remove(
        self,
        slug: PathText,
        comment_id: Annotated[
            int,
            # A bigint. Litestar writes bounds as floats, and 2**63 - 1 as a float is 2**63.
            PathParameter(ge=1, le=MAX_ID, schema_extra={"maximum": MAX_ID}),
        ],
        principal: NamedDependency[Principal],
        delete_comment: NamedDependency[DeleteComment],
        reason: Reason = None,
    ) -> None:
        await delete_comment(principal, slug, comment_id, reason)
