"""Comments on articles."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.values import require_text, to_milliseconds

BODY_MAX_LENGTH = 10_000


def valid_comment_body(raw: str) -> str:
    return require_text(raw, max_length=BODY_MAX_LENGTH)


@dataclass(eq=False)
class Comment:
    """`id` is given by the repository when the comment is added (an integer, per the API)."""

    article_id: UUID
    author_id: UUID
    body: str
    created_at: datetime
    updated_at: datetime
    id: int | None = None

    @classmethod
    def post(cls, *, article_id: UUID, author_id: UUID, body: str, now: datetime) -> "Comment":
        now = to_milliseconds(now)
        return cls(
            article_id=article_id, author_id=author_id, body=body, created_at=now, updated_at=now
        )

    def is_written_by(self, user_id: UUID) -> bool:
        return self.author_id == user_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Comment) and self.id is not None and other.id == self.id

    def __hash__(self) -> int:
        return hash((Comment, self.id)) if self.id is not None else id(self)
