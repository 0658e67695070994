"""Concurrent writers on PostgreSQL: counts stay exact, uniqueness holds, no 500s."""

import asyncio

from application.principal import Principal
from application.users.accounts import NewAccount
from domain.articles import ArticleContent
from entrypoints.container import Container


async def sign_up(app: Container, name: str) -> Principal:
    account = NewAccount(username=name, email=f"{name}@x.io", password="password123")
    return await app.authenticate()((await app.register_user()(account)).token)


async def test_fifty_users_favoriting_at_once_count_exactly_fifty(app: Container) -> None:
    author = await sign_up(app, "author")
    slug = (await app.create_article()(author, ArticleContent("Popular", "d", "b"))).slug
    fans = await asyncio.gather(*(sign_up(app, f"fan{n}") for n in range(50)))

    await asyncio.gather(*(app.favorite_article()(fan, slug) for fan in fans))
    view = await app.get_article()(slug, None)
    assert view.favorites_count == 50

    # Favoriting again, all at once, changes nothing.
    await asyncio.gather(*(app.favorite_article()(fan, slug) for fan in fans[:10]))
    assert (await app.get_article()(slug, None)).favorites_count == 50

    await asyncio.gather(*(app.unfavorite_article()(fan, slug) for fan in fans))
    assert (await app.get_article()(slug, None)).favorites_count == 0


async def test_one_user_double_clicking_favorite_counts_once(app: Container) -> None:
    author = await sign_up(app, "author")
    fan = await sign_up(app, "fan")
    slug = (await app.create_article()(author, ArticleContent("Popular", "d", "b"))).slug
    results = await asyncio.gather(*(app.favorite_article()(fan, slug) for _ in range(10)))
    assert {r.favorites_count for r in results} == {1}


async def test_same_title_at_once_gives_distinct_slugs(app: Container) -> None:
    author = await sign_up(app, "author")
    views = await asyncio.gather(
        *(app.create_article()(author, ArticleContent("Same title", "d", "b")) for _ in range(10))
    )
    slugs = [view.slug for view in views]
    assert len(set(slugs)) == 10
    assert "same-title" in slugs
