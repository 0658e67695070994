from typing import Annotated

from msgspec import Meta

from application.views import CommentView
from domain.comments import BODY_MAX_LENGTH
from entrypoints.http.structs import Wire, timestamp
from entrypoints.http.structs.profiles import Profile


class NewComment(Wire):
    body: Annotated[str, Meta(min_length=1, max_length=BODY_MAX_LENGTH)]


class NewCommentRequest(Wire):
    comment: NewComment


class Comment(Wire):
    id: int
    created_at: str
    updated_at: str
    body: str
    author: Profile

    @classmethod
    def of(cls, view: CommentView) -> "Comment":
        return cls(
            id=view.id,
            created_at=timestamp(view.created_at),
            updated_at=timestamp(view.updated_at),
            body=view.body,
            author=Profile.of(view.author),
        )


class CommentResponse(Wire):
    comment: Comment


class MultipleCommentsResponse(Wire):
    comments: list[Comment]
