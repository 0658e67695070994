from collections import Counter
from datetime import datetime, timedelta
from uuid import UUID

from adapters.memory.store import InMemoryStore
from application.ports.queries import ActiveCaller, ArticleFilter, Page
from application.views import (
    ArticlePage,
    ArticleView,
    AuditPage,
    AuditView,
    CommentView,
    ProfileView,
    UserAdminView,
    UserPage,
)
from domain.articles import Article
from domain.identifiers import identity_key
from domain.users import User


class InMemoryQueries:
    """The read side over the committed state of an `InMemoryStore`."""

    def __init__(self, store: InMemoryStore) -> None:
        self._store = store

    async def article(self, slug: str, *, viewer_id: UUID | None) -> ArticleView | None:
        found = next((a for a in self._store.articles.values() if a.slug == slug), None)
        return None if found is None else self._article_view(found, viewer_id, with_body=True)

    async def articles(
        self, where: ArticleFilter, page: Page, *, viewer_id: UUID | None
    ) -> ArticlePage:
        matching = [a for a in self._store.articles.values() if self._matches(a, where)]
        return self._page(matching, page, viewer_id)

    async def feed(self, page: Page, *, viewer_id: UUID) -> ArticlePage:
        followed = {followee for follower, followee in self._store.follows if follower == viewer_id}
        matching = [a for a in self._store.articles.values() if a.author_id in followed]
        return self._page(matching, page, viewer_id)

    async def comments(
        self, article_id: UUID, page: Page, *, viewer_id: UUID | None
    ) -> list[CommentView]:
        found = [c for c in self._store.comments.values() if c.article_id == article_id]
        found.sort(key=lambda c: (c.created_at, c.id or 0), reverse=True)
        return [
            CommentView(
                id=c.id or 0,
                body=c.body,
                created_at=c.created_at,
                updated_at=c.updated_at,
                author=self._profile(self._store.users[c.author_id], viewer_id),
            )
            for c in found[page.offset : page.offset + page.limit]
        ]

    async def profile(self, username: str, *, viewer_id: UUID | None) -> ProfileView | None:
        user = self._user_named(username)
        return None if user is None else self._profile(user, viewer_id)

    async def tags(self, limit: int) -> list[str]:
        uses = Counter(tag for article in self._store.articles.values() for tag in article.tag_list)
        return sorted(uses, key=lambda tag: (-uses[tag], tag))[:limit]

    async def active_caller(self, session_id: UUID, *, now: datetime) -> ActiveCaller | None:
        session = self._store.sessions.get(session_id)
        if session is None or not session.is_active(now):
            return None
        user = self._store.users[session.user_id]
        if user.suspended:
            return None
        if session.last_used_at < now - timedelta(minutes=1):
            session.last_used_at = now
        return ActiveCaller(user_id=user.id, role=user.role)

    async def users(self, search: str | None, page: Page) -> UserPage:
        wanted = identity_key(search or "")
        found = [
            u
            for u in self._store.users.values()
            if wanted in u.username_key or wanted in u.email_key
        ]
        found.sort(key=lambda u: (u.created_at, u.id), reverse=True)
        window = found[page.offset : page.offset + page.limit]
        return UserPage(users=[UserAdminView.of(u) for u in window], count=len(found))

    async def audit(self, page: Page) -> AuditPage:
        records = sorted(self._store.audit.values(), key=lambda r: (r.at, r.id or 0), reverse=True)
        window = records[page.offset : page.offset + page.limit]
        return AuditPage(entries=[AuditView.of(r) for r in window], count=len(records))

    def _matches(self, article: Article, where: ArticleFilter) -> bool:
        if where.tag is not None and where.tag not in article.tag_list:
            return False
        if where.author is not None:
            author = self._user_named(where.author)
            if author is None or article.author_id != author.id:
                return False
        if where.favorited_by is not None:
            fan = self._user_named(where.favorited_by)
            if fan is None or (fan.id, article.id) not in self._store.favorites:
                return False
        return True

    def _page(self, matching: list[Article], page: Page, viewer_id: UUID | None) -> ArticlePage:
        matching.sort(key=lambda a: (a.created_at, a.id), reverse=True)
        window = matching[page.offset : page.offset + page.limit]
        return ArticlePage(
            articles=[self._article_view(a, viewer_id, with_body=False) for a in window],
            count=len(matching),
        )

    def _article_view(
        self, article: Article, viewer_id: UUID | None, *, with_body: bool
    ) -> ArticleView:
        fans = {user for user, favorited in self._store.favorites if favorited == article.id}
        return ArticleView(
            slug=article.slug,
            title=article.title,
            description=article.description,
            body=article.body if with_body else None,
            tags=tuple(article.tag_list),
            created_at=article.created_at,
            updated_at=article.updated_at,
            favorited=viewer_id in fans,
            favorites_count=len(fans),
            author=self._profile(self._store.users[article.author_id], viewer_id),
        )

    def _profile(self, user: User, viewer_id: UUID | None) -> ProfileView:
        return ProfileView.of(user, following=(viewer_id, user.id) in self._store.follows)

    def _user_named(self, username: str) -> User | None:
        wanted = identity_key(username)
        return next((u for u in self._store.users.values() if u.username_key == wanted), None)
