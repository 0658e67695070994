"""Bulk import and export over the in-memory store, with the PostgreSQL adapter's meaning."""

from collections.abc import AsyncIterator
from dataclasses import fields
from datetime import datetime
from uuid import UUID, uuid4

from adapters.memory.store import InMemoryStore
from application.ports.bulk import (
    ArticleRecord,
    ArticleRow,
    BulkReader,
    BulkStore,
    CommentRecord,
    UserRow,
    Written,
)
from domain.articles import Article
from domain.comments import Comment
from domain.identifiers import identity_key
from domain.users import User


class InMemoryBulkStore(BulkStore):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store

    async def user_ids(self, usernames: set[str]) -> dict[str, UUID]:
        return {u.username_key: u.id for u in self._users() if u.username_key in usernames}

    async def password_hashes(self, usernames: set[str]) -> dict[str, str]:
        return {
            u.username_key: u.password_hash for u in self._users() if u.username_key in usernames
        }

    async def emails_taken(self, accounts: list[tuple[str, str]]) -> set[str]:
        owners = {u.email_key: u.username_key for u in self._users()}
        keys = [(identity_key(username), identity_key(email)) for username, email in accounts]
        return {email for username, email in keys if owners.get(email, username) != username}

    async def write_users(self, rows: list[UserRow], *, now: datetime) -> Written:
        by_name = {u.username_key: u for u in self._users()}
        imported = updated = 0
        for row in rows:
            user = by_name.get(identity_key(row.username))
            if user is None:
                user = User.register(
                    username=row.username,
                    email=row.email,
                    password_hash=row.password_hash,
                    now=now,
                )
                user.bio, user.image = row.bio, row.image
                self._store.users[user.id] = user
                imported += 1
            elif _user_row(user) != row:
                user.rename(row.username)
                user.change_email(row.email)
                user.bio, user.image = row.bio, row.image
                user.password_hash = row.password_hash
                user.updated_at = now
                updated += 1
        return Written(imported, updated, len(rows) - imported - updated)

    async def write_articles(self, rows: list[ArticleRow], *, now: datetime) -> Written:
        by_slug = {a.slug: a for a in self._store.articles.values()}
        imported = updated = 0
        for row in rows:
            article = by_slug.get(row.slug)
            created = row.created_at or (article.created_at if article else now)
            values = {
                **row.content.as_dict(),
                "author_id": row.author_id,
                "created_at": created,
                "updated_at": row.updated_at
                or (article.updated_at if article else row.created_at or now),
            }
            changed = False
            if article is None:
                article = Article(id=uuid4(), slug=row.slug, **values)
                self._store.articles[article.id] = article
                imported += 1
            elif any(getattr(article, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(article, name, value)
                changed = True
            for fan in row.favorited_by:
                if (fan, article.id) not in self._store.favorites:
                    self._store.favorites.add((fan, article.id))
                    changed = True
            for comment in row.comments:
                changed |= self._add_comment(
                    article, comment.id, comment.author_id, comment.body, comment.created_at, now
                )
            if changed and row.slug in by_slug:
                updated += 1
        return Written(imported, updated, len(rows) - imported - updated)

    def _add_comment(
        self,
        article: Article,
        comment_id: int | None,
        author_id: UUID,
        body: str,
        created_at: datetime | None,
        now: datetime,
    ) -> bool:
        comments = self._store.comments
        if comment_id is not None and comment_id in comments:
            return False
        if comment_id is None and any(
            c.article_id == article.id
            and c.author_id == author_id
            and c.body == body
            and (created_at is None or c.created_at == created_at)
            for c in comments.values()
        ):
            return False
        at = created_at or now
        store = self._store
        # Like the identity column: explicit ids are kept and the sequence moves past them.
        comment_id = comment_id if comment_id is not None else store.last_comment_id + 1
        store.last_comment_id = max(store.last_comment_id, comment_id)
        comment = Comment(article.id, author_id, body, at, at, id=comment_id)
        comments[comment_id] = comment
        return True

    def _users(self) -> list[User]:
        return list(self._store.users.values())


def _user_row(user: User) -> UserRow:
    """The account as the bulk ports carry it: `UserRow`'s fields, by name."""
    return UserRow(**{f.name: getattr(user, f.name) for f in fields(UserRow)})


class InMemoryBulkReader(BulkReader):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store

    async def users(self) -> AsyncIterator[UserRow]:
        for u in sorted(self._store.users.values(), key=lambda u: (u.created_at, u.username_key)):
            yield _user_row(u)

    async def articles(self) -> AsyncIterator[ArticleRecord]:
        users = self._store.users
        for a in sorted(self._store.articles.values(), key=lambda a: (a.created_at, a.slug)):
            fans = sorted(
                users[u].username for u, article in self._store.favorites if article == a.id
            )
            comments = sorted(
                (c for c in self._store.comments.values() if c.article_id == a.id),
                key=lambda c: c.id or 0,
            )
            yield ArticleRecord(
                slug=a.slug,
                content=a.content,
                author=users[a.author_id].username,
                created_at=a.created_at,
                updated_at=a.updated_at,
                favorited_by=tuple(fans),
                comments=tuple(
                    CommentRecord(
                        id=c.id or 0,
                        author=users[c.author_id].username,
                        body=c.body,
                        created_at=c.created_at,
                    )
                    for c in comments
                ),
            )
