from functools import partial
from uuid import UUID

from application.imports.lines import ArticleLine, Rejected, Report
from application.imports.validation import FirstSeen, checked
from application.ports.bulk import ArticleRow, BulkStore, CommentRow
from application.ports.clock import Clock
from domain import articles
from domain.comments import valid_comment_body
from domain.errors import FieldErrors
from domain.identifiers import identity_key
from domain.values import BLANK, to_milliseconds


class ImportArticles:
    """Imports batches of articles, with their tags, favorites and comments, through the
    API's rules. Authors, fans and commenters must exist already (import users first).
    One instance serves one run: it remembers the slugs seen, which must not repeat, and
    the users' ids."""

    def __init__(self, store: BulkStore, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._slugs = FirstSeen("slug")
        self._user_ids: dict[str, UUID] = {}  # looked up once a run

    async def __call__(self, batch: list[ArticleLine], *, dry_run: bool = False) -> Report:
        report = Report(read=len(batch))
        drafts: list[ArticleLine] = []
        for line in batch:
            article = checked(line.line, partial(self._validate, line))
            if isinstance(article, Rejected):
                report.rejected.append(article)
            elif duplicate := self._slugs.duplicate(article.slug or "", article.line):
                report.rejected.append(Rejected(article.line, duplicate))
            else:
                drafts.append(article)

        names = {
            identity_key(name)
            for a in drafts
            for name in (a.author, *a.favorited_by, *(c.author for c in a.comments))
        }
        if unresolved := names - self._user_ids.keys():
            self._user_ids.update(await self._store.user_ids(unresolved))
        ids = self._user_ids
        rows: list[ArticleRow] = []
        for article in drafts:
            if unknown := _unknown_users(article, ids):
                report.rejected.append(Rejected(article.line, unknown))
            else:
                rows.append(_row(article, ids))
        report.valid = len(rows)
        if dry_run or not rows:
            return report
        report.count(await self._store.write_articles(rows, now=self._clock.now()))
        return report

    def _validate(self, line: ArticleLine, errors: FieldErrors) -> ArticleLine:
        content = line.content.checked(errors)
        slug = line.slug
        if slug is not None:
            with errors.collect("slug"):
                slug = articles.valid_slug(slug)
        if not line.author.strip():
            errors.add("author", BLANK)
        for n, comment in enumerate(line.comments):
            with errors.collect(f"comments[{n}].body"):
                valid_comment_body(comment.body)
        if line.created_at and line.updated_at and line.updated_at < line.created_at:
            errors.add("updated_at", "can't be before createdAt")
        author = line.author.strip()
        return ArticleLine(
            line=line.line,
            content=content,
            author=author,
            slug=slug or articles.derived_slug(content.title, identity_key(author), content.body),
            created_at=line.created_at and to_milliseconds(line.created_at),
            updated_at=line.updated_at and to_milliseconds(line.updated_at),
            favorited_by=line.favorited_by,
            comments=line.comments,
        )


def _unknown_users(article: ArticleLine, ids: dict[str, UUID]) -> dict[str, list[str]]:
    """The field errors of the names that are no user's."""
    problems: dict[str, list[str]] = {}
    if identity_key(article.author) not in ids:
        problems["author"] = [f"{article.author!r} is no user"]
    fans = [name for name in article.favorited_by if identity_key(name) not in ids]
    if fans:
        problems["favorited_by"] = [f"names no user: {', '.join(map(repr, fans))}"]
    for n, comment in enumerate(article.comments):
        if identity_key(comment.author) not in ids:
            problems[f"comments[{n}].author"] = [f"{comment.author!r} is no user"]
    return problems


def _row(article: ArticleLine, ids: dict[str, UUID]) -> ArticleRow:
    assert article.slug is not None
    return ArticleRow(
        slug=article.slug,
        content=article.content,
        author_id=ids[identity_key(article.author)],
        created_at=article.created_at,
        updated_at=article.updated_at,
        favorited_by=tuple(dict.fromkeys(ids[identity_key(name)] for name in article.favorited_by)),
        comments=tuple(
            CommentRow(
                id=comment.id,
                author_id=ids[identity_key(comment.author)],
                body=comment.body,
                created_at=comment.created_at and to_milliseconds(comment.created_at),
            )
            for comment in article.comments
        ),
    )
