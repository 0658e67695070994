from datetime import timedelta

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.store import InMemoryStore
from application.errors import Forbidden, NotFound
from application.ports.queries import Page
from application.users.update import AccountChanges
from domain.articles import ArticleContent
from domain.changes import UNCHANGED
from domain.errors import ValidationFailed
from entrypoints.container import Container
from tests.unit.conftest import sign_up


class TestProfiles:
    async def test_get_with_and_without_a_viewer(self, app: Container) -> None:
        jake = await sign_up(app, "jake")
        await sign_up(app, "celeb")
        await app.update_user()(jake, AccountChanges(bio="I like dragons", image=UNCHANGED))
        profile = await app.get_profile()("JAKE", None)
        assert (profile.username, profile.bio, profile.image) == ("jake", "I like dragons", None)
        assert profile.following is False

    async def test_follow_and_unfollow_are_idempotent(self, app: Container) -> None:
        jake = await sign_up(app, "jake")
        await sign_up(app, "celeb")
        assert (await app.follow_user()(jake, "celeb")).following is True
        assert (await app.follow_user()(jake, "Celeb")).following is True
        assert (await app.get_profile()("celeb", jake)).following is True
        assert (await app.unfollow_user()(jake, "celeb")).following is False
        assert (await app.unfollow_user()(jake, "celeb")).following is False
        assert (await app.get_profile()("celeb", jake)).following is False

    async def test_nobody_follows_themselves(self, app: Container, store: InMemoryStore) -> None:
        jake = await sign_up(app, "jake")
        with pytest.raises(Forbidden):
            await app.follow_user()(jake, "jake")
        assert store.follows == set()

    @pytest.mark.parametrize("use_case", ["follow_user", "unfollow_user"])
    async def test_unknown_profile(self, app: Container, use_case: str) -> None:
        jake = await sign_up(app, "jake")
        with pytest.raises(NotFound) as missing:
            await getattr(app, use_case)()(jake, "nobody")
        assert missing.value.resource == "profile"
        with pytest.raises(NotFound):
            await app.get_profile()("nobody", None)


class TestComments:
    async def slug(self, app: Container) -> str:
        jake = await sign_up(app, "jake")
        return (await app.create_article()(jake, ArticleContent("T", "d", "b"))).slug

    async def test_add_and_list_newest_first(self, app: Container, clock: FakeClock) -> None:
        slug = await self.slug(app)
        celeb = await sign_up(app, "celeb")
        first = await app.add_comment()(celeb, slug, "First")
        clock.advance(timedelta(seconds=1))
        second = await app.add_comment()(celeb, slug, "Second")
        assert isinstance(first.id, int)
        assert second.id > first.id
        assert (first.body, first.author.username) == ("First", "celeb")

        listed = await app.list_comments()(slug, None, Page())
        assert [c.body for c in listed] == ["Second", "First"]

    async def test_author_flags_for_the_viewer(self, app: Container) -> None:
        slug = await self.slug(app)
        celeb = await sign_up(app, "celeb")
        await app.add_comment()(celeb, slug, "Hi")
        viewer = await sign_up(app, "viewer")
        await app.follow_user()(viewer, "celeb")
        (comment,) = await app.list_comments()(slug, viewer, Page())
        assert comment.author.following is True

    async def test_blank_body(self, app: Container, store: InMemoryStore) -> None:
        slug = await self.slug(app)
        jake = await sign_up(app, "other")
        with pytest.raises(ValidationFailed) as failed:
            await app.add_comment()(jake, slug, "   ")
        assert failed.value.errors == {"body": ["can't be blank"]}
        assert store.comments == {}

    async def test_unknown_article(self, app: Container) -> None:
        jake = await sign_up(app, "jake")
        for call in (
            app.add_comment()(jake, "nope", "x"),
            app.list_comments()("nope", None, Page()),
            app.delete_comment()(jake, "nope", 1),
        ):
            with pytest.raises(NotFound) as missing:
                await call
            assert missing.value.resource == "article"

    async def test_only_the_author_deletes(self, app: Container, store: InMemoryStore) -> None:
        slug = await self.slug(app)
        celeb = await sign_up(app, "celeb")
        comment = await app.add_comment()(celeb, slug, "Mine")
        other = await sign_up(app, "other")
        with pytest.raises(Forbidden) as forbidden:
            await app.delete_comment()(other, slug, comment.id)
        assert forbidden.value.resource == "comment"
        await app.delete_comment()(celeb, slug, comment.id)
        assert store.comments == {}

    async def test_unknown_comment_or_one_of_another_article(self, app: Container) -> None:
        slug = await self.slug(app)
        celeb = await sign_up(app, "celeb")
        other_slug = (await app.create_article()(celeb, ArticleContent("U", "d", "b"))).slug
        comment = await app.add_comment()(celeb, other_slug, "Elsewhere")
        for comment_id in (999, comment.id):
            with pytest.raises(NotFound) as missing:
                await app.delete_comment()(celeb, slug, comment_id)
            assert missing.value.resource == "comment"
