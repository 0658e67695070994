"""Articles, the feed and favorites, on the in-memory adapters."""

from datetime import timedelta

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.store import InMemoryStore
from application.errors import Forbidden, NotFound
from application.ports.queries import ArticleFilter, Page
from domain.articles import ArticleChanges, ArticleContent
from domain.errors import ValidationFailed
from entrypoints.container import Container
from tests.unit.conftest import sign_up

DRAGON = ArticleContent(
    title="How to train your dragon",
    description="Ever wonder how?",
    body="Very carefully.",
    tag_list=["dragons", "training"],
)


async def test_create_returns_the_new_article(app: Container, clock: FakeClock) -> None:
    jake = await sign_up(app, "jake")
    view = await app.create_article()(jake, DRAGON)
    assert view.slug == "how-to-train-your-dragon"
    assert (view.title, view.description, view.body) == (
        "How to train your dragon",
        "Ever wonder how?",
        "Very carefully.",
    )
    assert view.tag_list == ("dragons", "training")
    assert view.created_at == view.updated_at == clock.now()
    assert (view.favorited, view.favorites_count) == (False, 0)
    assert (view.author.username, view.author.following) == ("jake", False)


async def test_tags_are_trimmed_deduplicated_and_sorted(app: Container) -> None:
    jake = await sign_up(app, "jake")
    command = ArticleContent("T", "d", "b", tag_list=["  zebra", "apple", "zebra", "Mango"])
    view = await app.create_article()(jake, command)
    assert view.tag_list == ("Mango", "apple", "zebra")


async def test_create_reports_every_invalid_field(app: Container, store: InMemoryStore) -> None:
    jake = await sign_up(app, "jake")
    with pytest.raises(ValidationFailed) as failed:
        await app.create_article()(jake, ArticleContent("", " ", "", tag_list=["ok", ""]))
    assert failed.value.errors == {
        "title": ["can't be blank"],
        "description": ["can't be blank"],
        "body": ["can't be blank"],
        "tag_list": ["can't contain a blank tag"],
    }
    assert store.articles == {}


async def test_limits_on_size(app: Container) -> None:
    jake = await sign_up(app, "jake")
    with pytest.raises(ValidationFailed) as failed:
        await app.create_article()(
            jake, ArticleContent("t" * 201, "d", "b", tag_list=[f"t{n}" for n in range(21)])
        )
    assert failed.value.errors == {
        "title": ["is too long (maximum is 200 characters)"],
        "tag_list": ["can't have more than 20 tags"],
    }


async def test_duplicate_titles_get_distinct_slugs(app: Container) -> None:
    jake = await sign_up(app, "jake")
    first = await app.create_article()(jake, DRAGON)
    second = await app.create_article()(jake, DRAGON)
    assert first.slug == "how-to-train-your-dragon"
    assert second.slug.startswith("how-to-train-your-dragon-")
    assert second.slug != first.slug


async def test_titles_without_letters_still_get_a_slug(app: Container) -> None:
    jake = await sign_up(app, "jake")
    view = await app.create_article()(jake, ArticleContent("¿¡!?", "d", "b"))
    assert view.slug == "article"
    view = await app.create_article()(jake, ArticleContent("Ça déménage", "d", "b"))
    assert view.slug == "ca-demenage"


async def test_get_unknown_slug_is_not_found(app: Container) -> None:
    with pytest.raises(NotFound) as missing:
        await app.get_article()("nope", None)
    assert missing.value.resource == "article"


class TestUpdate:
    async def test_author_edits_and_the_slug_stays(self, app: Container, clock: FakeClock) -> None:
        jake = await sign_up(app, "jake")
        created = await app.create_article()(jake, DRAGON)
        clock.advance(timedelta(seconds=5))
        view = await app.update_article()(
            jake, created.slug, ArticleChanges(title="New title", body="New body")
        )
        assert (view.slug, view.title, view.body) == (created.slug, "New title", "New body")
        assert view.description == created.description
        assert view.tag_list == created.tag_list
        assert view.created_at == created.created_at
        assert view.updated_at == created.created_at + timedelta(seconds=5)

    async def test_tags_kept_when_absent_and_cleared_with_an_empty_list(
        self, app: Container
    ) -> None:
        jake = await sign_up(app, "jake")
        slug = (await app.create_article()(jake, DRAGON)).slug
        kept = await app.update_article()(jake, slug, ArticleChanges(body="x"))
        assert kept.tag_list == ("dragons", "training")
        cleared = await app.update_article()(jake, slug, ArticleChanges(tag_list=[]))
        assert cleared.tag_list == ()
        assert await app.list_tags()() == []

    async def test_only_the_author(self, app: Container, store: InMemoryStore) -> None:
        jake = await sign_up(app, "jake")
        celeb = await sign_up(app, "celeb")
        slug = (await app.create_article()(jake, DRAGON)).slug
        with pytest.raises(Forbidden) as forbidden:
            await app.update_article()(celeb, slug, ArticleChanges(body="hijacked"))
        assert forbidden.value.resource == "article"
        (article,) = store.articles.values()
        assert article.body == "Very carefully."

    async def test_invalid_changes_change_nothing(
        self, app: Container, store: InMemoryStore
    ) -> None:
        jake = await sign_up(app, "jake")
        slug = (await app.create_article()(jake, DRAGON)).slug
        with pytest.raises(ValidationFailed) as failed:
            await app.update_article()(jake, slug, ArticleChanges(title="ok", body=""))
        assert failed.value.errors == {"body": ["can't be blank"]}
        (article,) = store.articles.values()
        assert article.title == "How to train your dragon"

    async def test_unknown_slug(self, app: Container) -> None:
        jake = await sign_up(app, "jake")
        with pytest.raises(NotFound):
            await app.update_article()(jake, "nope", ArticleChanges(body="x"))


class TestDelete:
    async def test_removes_comments_and_favorites_with_it(
        self, app: Container, store: InMemoryStore
    ) -> None:
        jake = await sign_up(app, "jake")
        celeb = await sign_up(app, "celeb")
        slug = (await app.create_article()(jake, DRAGON)).slug
        await app.add_comment()(celeb, slug, "Nice")
        await app.favorite_article()(celeb, slug)

        await app.delete_article()(jake, slug)

        assert (store.articles, store.comments, store.favorites) == ({}, {}, set())
        with pytest.raises(NotFound):
            await app.get_article()(slug, None)

    async def test_only_the_author(self, app: Container, store: InMemoryStore) -> None:
        jake = await sign_up(app, "jake")
        celeb = await sign_up(app, "celeb")
        slug = (await app.create_article()(jake, DRAGON)).slug
        with pytest.raises(Forbidden):
            await app.delete_article()(celeb, slug)
        assert len(store.articles) == 1

    async def test_unknown_slug(self, app: Container) -> None:
        jake = await sign_up(app, "jake")
        with pytest.raises(NotFound):
            await app.delete_article()(jake, "nope")


class TestFavorites:
    async def test_favorite_is_idempotent_and_counted(self, app: Container) -> None:
        jake = await sign_up(app, "jake")
        celeb = await sign_up(app, "celeb")
        slug = (await app.create_article()(jake, DRAGON)).slug

        first = await app.favorite_article()(celeb, slug)
        again = await app.favorite_article()(celeb, slug)
        assert (first.favorited, first.favorites_count) == (True, 1)
        assert (again.favorited, again.favorites_count) == (True, 1)
        assert (await app.get_article()(slug, jake)).favorited is False

        undone = await app.unfavorite_article()(celeb, slug)
        assert (undone.favorited, undone.favorites_count) == (False, 0)
        undone = await app.unfavorite_article()(celeb, slug)
        assert undone.favorites_count == 0

    async def test_unknown_slug(self, app: Container) -> None:
        jake = await sign_up(app, "jake")
        with pytest.raises(NotFound):
            await app.favorite_article()(jake, "nope")
        with pytest.raises(NotFound):
            await app.unfavorite_article()(jake, "nope")


class TestLists:
    async def test_newest_first_with_total_count_and_no_body(
        self, app: Container, clock: FakeClock
    ) -> None:
        jake = await sign_up(app, "jake")
        slugs = []
        for n in range(3):
            clock.advance(timedelta(seconds=1))
            view = await app.create_article()(jake, ArticleContent(f"Title {n}", "d", "b"))
            slugs.append(view.slug)

        page = await app.list_articles()(ArticleFilter(), Page(limit=2, offset=0), None)
        assert [a.slug for a in page.articles] == [slugs[2], slugs[1]]
        assert page.count == 3
        assert all(a.body is None for a in page.articles)
        second = await app.list_articles()(ArticleFilter(), Page(limit=2, offset=2), None)
        assert [a.slug for a in second.articles] == [slugs[0]]

    async def test_filters(self, app: Container) -> None:
        jake = await sign_up(app, "jake")
        celeb = await sign_up(app, "celeb")
        dragon = (await app.create_article()(jake, DRAGON)).slug
        other = (
            await app.create_article()(celeb, ArticleContent("Other", "d", "b", ["misc"]))
        ).slug
        await app.favorite_article()(celeb, dragon)

        async def slugs(where: ArticleFilter) -> list[str]:
            page = await app.list_articles()(where, Page(), None)
            return [a.slug for a in page.articles]

        assert await slugs(ArticleFilter(tag="dragons")) == [dragon]
        assert await slugs(ArticleFilter(author="CELEB")) == [other]
        assert await slugs(ArticleFilter(favorited_by="celeb")) == [dragon]
        assert await slugs(ArticleFilter(tag="misc", author="jake")) == []
        assert await slugs(ArticleFilter(author="nobody")) == []
        assert await slugs(ArticleFilter(favorited_by="nobody")) == []
        assert await slugs(ArticleFilter(tag="nope")) == []

    async def test_viewer_flags(self, app: Container) -> None:
        jake = await sign_up(app, "jake")
        celeb = await sign_up(app, "celeb")
        slug = (await app.create_article()(celeb, DRAGON)).slug
        await app.favorite_article()(jake, slug)
        await app.follow_user()(jake, "celeb")

        (as_jake,) = (await app.list_articles()(ArticleFilter(), Page(), jake)).articles
        assert (as_jake.favorited, as_jake.author.following) == (True, True)
        (anonymous,) = (await app.list_articles()(ArticleFilter(), Page(), None)).articles
        assert (anonymous.favorited, anonymous.author.following) == (False, False)
        assert anonymous.favorites_count == 1

    async def test_feed_has_followed_authors_only(self, app: Container) -> None:
        jake = await sign_up(app, "jake")
        celeb = await sign_up(app, "celeb")
        other = await sign_up(app, "other")
        assert (await app.get_feed()(jake, Page())).count == 0

        await app.follow_user()(jake, "celeb")
        followed = (await app.create_article()(celeb, DRAGON)).slug
        await app.create_article()(other, ArticleContent("Not followed", "d", "b"))
        await app.create_article()(jake, ArticleContent("Mine", "d", "b"))

        feed = await app.get_feed()(jake, Page())
        assert [a.slug for a in feed.articles] == [followed]
        assert feed.count == 1
        assert feed.articles[0].author.following is True

    def test_page_bounds(self) -> None:
        with pytest.raises(ValidationFailed) as failed:
            Page(limit=0, offset=-1)
        assert set(failed.value.errors) == {"limit", "offset"}
        with pytest.raises(ValidationFailed):
            Page(limit=101)
        assert Page(limit=100, offset=Page.MAX_OFFSET).limit == 100


async def test_tags_in_use(app: Container) -> None:
    jake = await sign_up(app, "jake")
    slug = (await app.create_article()(jake, DRAGON)).slug
    await app.create_article()(jake, ArticleContent("t", "d", "b", ["training", "alpha"]))
    assert await app.list_tags()() == ["training", "alpha", "dragons"]  # most used first
    await app.delete_article()(jake, slug)
    assert await app.list_tags()() == ["alpha", "training"]
