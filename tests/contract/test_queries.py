"""The read side: order, counts, filters and per-viewer flags, the same on every adapter."""

from datetime import timedelta
from uuid import uuid4

from application.ports.queries import ArticleFilter, Page
from application.sessions.views import Account
from tests.contract.builders import T0, a_user, an_article, comment_on, store
from tests.contract.conftest import Backend


async def test_single_article_has_every_field(backend: Backend) -> None:
    jake = a_user()
    jake.bio, jake.image = "bio", "https://x.io/j.png"
    article = an_article(jake, tags=["b", "a"], at=T0)
    await store(backend.new_uow, jake, article)

    view = await backend.article_queries.article(article.slug, viewer_id=None)
    assert view is not None
    assert (view.slug, view.title, view.description, view.body) == (
        article.slug,
        "Dragons",
        "desc",
        "body",
    )
    assert view.tag_list == ("a", "b")
    assert (view.created_at, view.updated_at) == (T0, T0)
    assert (view.favorited, view.favorites_count) == (False, 0)
    assert (view.author.username, view.author.bio, view.author.image) == (
        "jake",
        "bio",
        "https://x.io/j.png",
    )
    assert view.author.following is False
    assert await backend.article_queries.article("nope", viewer_id=None) is None


async def test_lists_are_newest_first_ties_by_id_with_total_count(backend: Backend) -> None:
    jake = a_user()
    same_moment = [an_article(jake, title=f"Same {n}", at=T0) for n in range(3)]
    older = an_article(jake, title="Older", at=T0 - timedelta(days=1))
    newer = an_article(jake, title="Newer", at=T0 + timedelta(days=1))
    await store(backend.new_uow, jake, older, *same_moment, newer)

    expected = [
        newer.slug,
        *(a.slug for a in sorted(same_moment, key=lambda a: a.id, reverse=True)),
        older.slug,
    ]
    page = await backend.article_queries.articles(ArticleFilter(), Page(limit=100), viewer_id=None)
    assert [a.slug for a in page.articles] == expected
    assert page.count == 5
    assert all(a.body is None for a in page.articles)

    windows = [
        await backend.article_queries.articles(
            ArticleFilter(), Page(limit=2, offset=o), viewer_id=None
        )
        for o in (0, 2, 4, 6)
    ]
    assert [a.slug for w in windows for a in w.articles] == expected
    assert [w.count for w in windows] == [5, 5, 5, 5]


async def test_filters_by_tag_author_and_favorited(backend: Backend) -> None:
    jake, celeb = a_user(), a_user("Celeb")
    dragons = an_article(jake, tags=["dragons", "fire"])
    cats = an_article(celeb, title="Cats", tags=["cats"])
    await store(backend.new_uow, jake, celeb, dragons, cats)
    async with backend.new_uow() as uow:
        await uow.favorites.add(user_id=celeb.id, article_id=dragons.id)
        await uow.commit()

    async def slugs(**where: str) -> tuple[list[str], int]:
        page = await backend.article_queries.articles(
            ArticleFilter(**where), Page(), viewer_id=None
        )
        return [a.slug for a in page.articles], page.count

    assert await slugs(tag="fire") == ([dragons.slug], 1)
    assert await slugs(tag="Fire") == ([], 0)
    assert await slugs(author="celeb") == ([cats.slug], 1)
    assert await slugs(favorited_by="CELEB") == ([dragons.slug], 1)
    assert await slugs(favorited_by="jake") == ([], 0)
    assert await slugs(author="jake", tag="cats") == ([], 0)
    assert await slugs(author="nobody") == ([], 0)
    assert await slugs(favorited_by="nobody") == ([], 0)


async def test_viewer_flags_in_lists(backend: Backend) -> None:
    jake, celeb, viewer = a_user(), a_user("celeb"), a_user("viewer")
    followed = an_article(celeb, title="Followed")
    favorited = an_article(jake, title="Favorited")
    await store(backend.new_uow, jake, celeb, viewer, followed, favorited)
    async with backend.new_uow() as uow:
        await uow.follows.add(follower_id=viewer.id, followee_id=celeb.id)
        await uow.favorites.add(user_id=viewer.id, article_id=favorited.id)
        await uow.favorites.add(user_id=jake.id, article_id=favorited.id)
        await uow.commit()

    page = await backend.article_queries.articles(ArticleFilter(), Page(), viewer_id=viewer.id)
    flags = {a.title: (a.favorited, a.favorites_count, a.author.following) for a in page.articles}
    assert flags == {"Followed": (False, 0, True), "Favorited": (True, 2, False)}


async def test_feed_is_the_followed_authors_newest_first(backend: Backend) -> None:
    jake, celeb, other = a_user(), a_user("celeb"), a_user("other")
    older = an_article(celeb, title="Older", at=T0)
    newer = an_article(celeb, title="Newer", at=T0 + timedelta(hours=1))
    unfollowed = an_article(other, title="Unfollowed")
    own = an_article(jake, title="Own")
    await store(backend.new_uow, jake, celeb, other, older, newer, unfollowed, own)

    empty = await backend.article_queries.feed(Page(), viewer_id=jake.id)
    assert (empty.articles, empty.count) == ([], 0)

    async with backend.new_uow() as uow:
        await uow.follows.add(follower_id=jake.id, followee_id=celeb.id)
        await uow.commit()
    feed = await backend.article_queries.feed(Page(limit=1), viewer_id=jake.id)
    assert [a.slug for a in feed.articles] == [newer.slug]
    assert feed.count == 2
    assert feed.articles[0].author.following is True


async def test_comments_newest_first_with_author_flags(backend: Backend) -> None:
    jake, celeb = a_user(), a_user("celeb")
    article, other = an_article(jake), an_article(jake, title="Other")
    await store(backend.new_uow, jake, celeb, article, other)
    first = await comment_on(backend.new_uow, article, celeb, "first", at=T0)
    tie = await comment_on(backend.new_uow, article, jake, "tie", at=T0)
    last = await comment_on(backend.new_uow, article, celeb, "last", at=T0 + timedelta(minutes=1))
    await comment_on(backend.new_uow, other, celeb, "elsewhere")
    async with backend.new_uow() as uow:
        await uow.follows.add(follower_id=jake.id, followee_id=celeb.id)
        await uow.commit()

    comments = await backend.comment_queries.comments(article.slug, Page(), viewer_id=jake.id)
    assert comments is not None
    assert [c.id for c in comments] == [last.id, tie.id, first.id]
    assert [(c.body, c.author.username, c.author.following) for c in comments] == [
        ("last", "celeb", True),
        ("tie", "jake", False),
        ("first", "celeb", True),
    ]
    assert comments[0].created_at == T0 + timedelta(minutes=1)

    pages = [
        await backend.comment_queries.comments(
            article.slug, Page(limit=2, offset=offset), viewer_id=None
        )
        for offset in (0, 2, 3)
    ]
    assert [[c.id for c in page or []] for page in pages] == [[last.id, tie.id], [first.id], []]
    assert None not in pages
    assert await backend.comment_queries.comments("no-such", Page(), viewer_id=None) is None


async def test_profile_ignores_case(backend: Backend) -> None:
    jake = a_user("Jake")
    await store(backend.new_uow, jake)
    profile = await backend.profile_queries.profile("JAKE", viewer_id=None)
    assert profile is not None
    assert (profile.username, profile.bio, profile.image, profile.following) == (
        "Jake",
        None,
        None,
        False,
    )
    assert await backend.profile_queries.profile("nobody", viewer_id=None) is None


async def test_profiles_and_filters_find_names_by_their_canonical_form(backend: Backend) -> None:
    ivan = a_user("İvan")
    dragons = an_article(ivan)
    await store(backend.new_uow, ivan, dragons)
    async with backend.new_uow() as uow:
        await uow.favorites.add(user_id=ivan.id, article_id=dragons.id)
        await uow.commit()

    for name in ("İvan", "İVAN"):
        profile = await backend.profile_queries.profile(name, viewer_id=None)
        assert profile is not None and profile.username == "İvan"
        for where in (ArticleFilter(author=name), ArticleFilter(favorited_by=name)):
            page = await backend.article_queries.articles(where, Page(), viewer_id=None)
            assert [a.slug for a in page.articles] == [dragons.slug]


async def test_tags_are_the_ones_in_use_most_used_first_then_alphabetical(
    backend: Backend,
) -> None:
    jake = a_user()
    assert await backend.tag_queries.tags(100) == []
    await store(
        backend.new_uow,
        jake,
        an_article(jake, tags=["zeta", "alpha"]),
        an_article(jake, title="Two", tags=["mid", "zeta"]),
        an_article(jake, title="Three", tags=["beta", "zeta", "mid"]),
    )
    assert await backend.tag_queries.tags(100) == ["zeta", "mid", "alpha", "beta"]
    assert await backend.tag_queries.tags(2) == ["zeta", "mid"]


async def test_account_of_a_user_and_none_once_gone(backend: Backend) -> None:
    jake = a_user()
    jake.bio = "bio"
    await store(backend.new_uow, jake)
    account = await backend.account_queries.account(jake.id)
    assert account == Account(username="jake", email="jake@x.io", bio="bio", image=None)
    assert await backend.account_queries.account(uuid4()) is None
