"""Writes racing a concurrent delete or registration on PostgreSQL answer what the
sequential order would have: the article was deleted first, so it is not found; the name
was taken first. The delete races are forced: right after the racing transaction loads the
article, another transaction deletes it and commits."""

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from application.errors import AlreadyTaken, NotFound
from application.principal import Principal
from application.users.accounts import NewAccount
from domain.articles import ArticleChanges, ArticleContent
from entrypoints.container import Container
from tests.integration.test_concurrency import sign_up
from tests.races import delete_after_next_load

Write = Callable[[Container, Principal, str], Awaitable[object]]

WRITES: dict[str, Write] = {
    "favorite": lambda app, fan, slug: app.favorite_article()(fan, slug),
    "unfavorite": lambda app, fan, slug: app.unfavorite_article()(fan, slug),
    "comment": lambda app, fan, slug: app.add_comment()(fan, slug, "First!"),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
async def test_writing_to_an_article_deleted_meanwhile_finds_no_article(
    app: Container, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    author = await sign_up(app, "author")
    fan = await sign_up(app, "fan")
    slug = (await app.create_article()(author, ArticleContent("Doomed", "d", "b"))).slug
    delete_after_next_load(monkeypatch)

    with pytest.raises(NotFound) as raised:
        await write(app, fan, slug)
    assert raised.value.resource == "article"


async def test_editing_an_article_deleted_meanwhile_finds_no_article(
    app: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    author = await sign_up(app, "author")
    slug = (await app.create_article()(author, ArticleContent("Doomed", "d", "b"))).slug
    delete_after_next_load(monkeypatch)

    with pytest.raises(NotFound) as raised:
        await app.update_article()(author, slug, ArticleChanges(body="Too late"))
    assert raised.value.resource == "article"


async def test_registering_one_name_twice_at_once_takes_it_once(app: Container) -> None:
    accounts = [NewAccount("twin", f"twin{n}@x.io", "password123") for n in range(2)]
    results = await asyncio.gather(
        *(app.register_user()(account) for account in accounts), return_exceptions=True
    )
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 1
    assert isinstance(refused[0], AlreadyTaken)
    assert refused[0].fields == ["username"]
