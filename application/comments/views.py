"""Read models of comments."""

from dataclasses import dataclass
from datetime import datetime

from application.profiles.views import ProfileView
from domain.comments import Comment
from domain.users import User


@dataclass(frozen=True, slots=True)
class CommentView:
    id: int
    body: str
    created_at: datetime
    updated_at: datetime
    author: ProfileView

    @classmethod
    def of_new(cls, comment: Comment, author: User) -> "CommentView":
        """The view of a comment its author has just posted."""
        assert comment.id is not None, "a stored comment has an id"
        return cls(
            id=comment.id,
            body=comment.body,
            created_at=comment.created_at,
            updated_at=comment.updated_at,
            author=ProfileView.of(author, following=False),
        )
