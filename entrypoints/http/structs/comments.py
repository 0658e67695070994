from typing import Annotated

from msgspec import Meta

from application.comments.views import CommentView
from domain.comments import BODY_MAX_LENGTH
from domain.values import VISIBLE_TEXT_PATTERN
from entrypoints.http.structs import Wire, documented, timestamp
from entrypoints.http.structs.profiles import Profile


class NewComment(Wire):
    body: Annotated[
        str,
        Meta(
            min_length=1,
            max_length=BODY_MAX_LENGTH,
            extra_json_schema=documented(pattern=VISIBLE_TEXT_PATTERN),
        ),
    ]


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
