from uuid import UUID

from adapters.memory.queries.reading import InMemoryReads
from application.articles.views import ARTICLE_FIELDS, ArticlePage, ArticleView
from application.ports.queries import ArticleFilter, ArticleQueries, Page
from domain.articles import Article


class InMemoryArticleQueries(InMemoryReads, ArticleQueries):
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
        values = {name: getattr(article, name) for name in ARTICLE_FIELDS}
        return ArticleView.of(
            values
            | {
                "body": article.body if with_body else None,
                "favorited": viewer_id in fans,
                "favorites_count": len(fans),
            },
            author=self._profile(self._store.users[article.author_id], viewer_id),
        )
