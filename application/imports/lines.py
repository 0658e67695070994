"""What one line of an import file holds, as read (not yet validated), and what came of a
batch of them. Not frozen, like the rows of `application.ports.bulk`: made for every line."""

from dataclasses import dataclass, field
from datetime import datetime

from application.ports.bulk import Written
from domain.articles import ArticleContent


@dataclass(slots=True)
class UserLine:
    line: int
    username: str
    email: str
    bio: str | None = None
    image: str | None = None
    password: str | None = None
    password_hash: str | None = None

    def __repr__(self) -> str:
        return f"UserLine({self.line}, {self.username!r})"


@dataclass(slots=True)
class CommentLine:
    author: str
    body: str
    created_at: datetime | None = None
    id: int | None = None


@dataclass(slots=True)
class ArticleLine:
    line: int
    content: ArticleContent
    author: str
    slug: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    favorited_by: tuple[str, ...] = ()
    comments: tuple[CommentLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    """A line not imported, and why: messages by the field they are about (its domain
    name, a path like `comments[0].author` for a nested one; "" for the line as a whole)."""

    line: int
    errors: dict[str, list[str]]


@dataclass
class Report:
    """Counts of lines: read; valid; of the valid ones written, imported (new), updated and
    unchanged; and the rejected ones with their reasons. A dry run writes nothing."""

    read: int = 0
    valid: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    def count(self, written: Written) -> None:
        self.imported, self.updated, self.unchanged = (
            written.imported,
            written.updated,
            written.unchanged,
        )

    def add(self, other: "Report") -> None:
        self.read += other.read
        self.valid += other.valid
        self.imported += other.imported
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.rejected.extend(other.rejected)
