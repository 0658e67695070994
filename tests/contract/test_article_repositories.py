from uuid import uuid4

import pytest

from application.errors import AlreadyTaken
from application.ports.queries import Page
from tests.contract.builders import T0, a_user, an_article, comment_on, store
from tests.contract.conftest import Backend, UnitOfWorkFactory


async def test_article_reads_back_by_slug(new_uow: UnitOfWorkFactory) -> None:
    jake = a_user()
    article = an_article(jake, tags=["b", "a"])
    await store(new_uow, jake, article)
    async with new_uow() as uow:
        found = await uow.articles.get_by_slug(article.slug)
        assert found is not None
        assert (found.id, found.title, found.description, found.body) == (
            article.id,
            "Dragons",
            "desc",
            "body",
        )
        assert found.tag_list == ["a", "b"]
        assert found.author_id == jake.id
        assert found.created_at == article.created_at
        assert await uow.articles.get_by_slug("nope") is None
        assert await uow.articles.slug_taken(article.slug)
        assert not await uow.articles.slug_taken("nope")


async def test_a_taken_slug_is_refused_at_commit(new_uow: UnitOfWorkFactory) -> None:
    jake = a_user()
    first = an_article(jake)
    await store(new_uow, jake, first)
    second = an_article(jake)
    second.slug = first.slug
    with pytest.raises(AlreadyTaken) as taken:
        await store(new_uow, second)
    assert taken.value.fields == ["slug"]


async def test_edits_and_tag_changes_persist_on_commit(backend: Backend) -> None:
    jake = a_user()
    article = an_article(jake, tags=["old", "keep"])
    await store(backend.new_uow, jake, article)

    async with backend.new_uow() as uow:
        loaded = await uow.articles.get_by_slug(article.slug)
        assert loaded is not None
        loaded.tag_list = ["discarded"]
    assert await backend.tag_queries.tags(100) == ["keep", "old"]

    async with backend.new_uow() as uow:
        loaded = await uow.articles.get_by_slug(article.slug)
        assert loaded is not None
        loaded.title = "New"
        loaded.tag_list = ["keep", "new"]
        await uow.commit()
    view = await backend.article_queries.article(article.slug, viewer_id=None)
    assert view is not None
    assert (view.title, view.tag_list) == ("New", ("keep", "new"))
    assert await backend.tag_queries.tags(100) == ["keep", "new"]


async def test_delete_takes_comments_favorites_and_tags_along(backend: Backend) -> None:
    jake, celeb = a_user(), a_user("celeb")
    article = an_article(jake, tags=["gone"])
    kept = an_article(jake, title="Kept", tags=["kept"])
    await store(backend.new_uow, jake, celeb, article, kept)
    await comment_on(backend.new_uow, article, celeb)
    async with backend.new_uow() as uow:
        await uow.favorites.add(user_id=celeb.id, article_id=article.id)
        await uow.commit()

    async with backend.new_uow() as uow:
        loaded = await uow.articles.get_by_slug(article.slug)
        assert loaded is not None
        await uow.articles.delete(loaded)
        await uow.commit()

    assert await backend.article_queries.article(article.slug, viewer_id=None) is None
    assert await backend.comment_queries.comments(article.slug, Page(), viewer_id=None) is None
    assert await backend.tag_queries.tags(100) == ["kept"]
    async with backend.new_uow() as uow:
        assert await uow.articles.get_by_slug(kept.slug) is not None


async def test_comments_get_increasing_ids_and_belong_to_their_article(
    new_uow: UnitOfWorkFactory,
) -> None:
    jake = a_user()
    article, other = an_article(jake), an_article(jake, title="Other")
    await store(new_uow, jake, article, other)
    first = await comment_on(new_uow, article, jake, "first")
    second = await comment_on(new_uow, article, jake, "second")
    assert isinstance(first.id, int) and isinstance(second.id, int)
    assert second.id > first.id

    async with new_uow() as uow:
        found = await uow.comments.get(first.id, article_id=article.id)
        assert found is not None and (found.body, found.author_id) == ("first", jake.id)
        assert found.created_at == T0
        assert await uow.comments.get(first.id, article_id=other.id) is None
        assert await uow.comments.get(10**9, article_id=article.id) is None
        await uow.comments.delete(found)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.comments.get(first.id, article_id=article.id) is None
        assert await uow.comments.get(second.id, article_id=article.id) is not None


async def test_favorites_count_once_per_user(backend: Backend) -> None:
    jake, celeb = a_user(), a_user("celeb")
    article = an_article(jake)
    await store(backend.new_uow, jake, celeb, article)

    for user in (jake, celeb, celeb):
        async with backend.new_uow() as uow:
            await uow.favorites.add(user_id=user.id, article_id=article.id)
            await uow.commit()
    view = await backend.article_queries.article(article.slug, viewer_id=celeb.id)
    assert view is not None and (view.favorites_count, view.favorited) == (2, True)

    for _ in range(2):
        async with backend.new_uow() as uow:
            await uow.favorites.remove(user_id=celeb.id, article_id=article.id)
            await uow.commit()
    view = await backend.article_queries.article(article.slug, viewer_id=celeb.id)
    assert view is not None and (view.favorites_count, view.favorited) == (1, False)


async def test_uncommitted_favorites_and_follows_vanish(backend: Backend) -> None:
    jake, celeb = a_user(), a_user("celeb")
    article = an_article(jake)
    await store(backend.new_uow, jake, celeb, article)
    async with backend.new_uow() as uow:
        await uow.favorites.add(user_id=celeb.id, article_id=article.id)
        await uow.follows.add(follower_id=celeb.id, followee_id=jake.id)
    view = await backend.article_queries.article(article.slug, viewer_id=celeb.id)
    assert view is not None and (view.favorites_count, view.author.following) == (0, False)


async def test_follows_are_idempotent(backend: Backend) -> None:
    jake, celeb = a_user(), a_user("celeb")
    await store(backend.new_uow, jake, celeb)
    for _ in range(2):
        async with backend.new_uow() as uow:
            await uow.follows.add(follower_id=jake.id, followee_id=celeb.id)
            await uow.commit()
    profile = await backend.profile_queries.profile("celeb", viewer_id=jake.id)
    assert profile is not None and profile.following is True
    for _ in range(2):
        async with backend.new_uow() as uow:
            await uow.follows.remove(follower_id=jake.id, followee_id=celeb.id)
            await uow.commit()
    profile = await backend.profile_queries.profile("celeb", viewer_id=jake.id)
    assert profile is not None and profile.following is False


async def test_users_by_username_ignore_case(new_uow: UnitOfWorkFactory) -> None:
    jake = a_user("Jake")
    await store(new_uow, jake)
    async with new_uow() as uow:
        found = await uow.users.get_by_username("jAKE")
        assert found is not None and found.id == jake.id
        assert await uow.users.get_by_username("nobody") is None
        assert await uow.users.get(uuid4()) is None
