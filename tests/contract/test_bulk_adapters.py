"""The bulk store and reader: the same batches give the same counts and the same exported
data on the in-memory fake and on PostgreSQL."""

from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from adapters.memory.bulk import InMemoryBulkReader, InMemoryBulkStore
from adapters.memory.queries.tags import InMemoryTagQueries
from adapters.memory.store import InMemoryStore
from adapters.postgres.bulk import PostgresBulkReader, PostgresBulkStore
from adapters.postgres.queries.tags import SqlaTagQueries
from application.ports.bulk import (
    ArticleRecord,
    ArticleRow,
    BulkReader,
    BulkStore,
    CommentRow,
    UserRow,
    Written,
)
from application.ports.queries import TagQueries
from domain.articles import CONTENT_FIELDS, ArticleContent

NOW = datetime(2026, 3, 4, 5, 6, 7, 891000, tzinfo=UTC)
MAY = datetime(2025, 5, 1, 9, 30, tzinfo=UTC)


@dataclass
class Bulk:
    store: BulkStore
    reader: BulkReader
    tags: TagQueries

    async def articles(self) -> list[ArticleRecord]:
        return [article async for article in self.reader.articles()]


@pytest.fixture(params=["memory", "postgres"])
def bulk(request: pytest.FixtureRequest) -> Bulk:
    if request.param == "memory":
        store = InMemoryStore()
        return Bulk(InMemoryBulkStore(store), InMemoryBulkReader(store), InMemoryTagQueries(store))
    engine = request.getfixturevalue("db").engine
    return Bulk(PostgresBulkStore(engine), PostgresBulkReader(engine), SqlaTagQueries(engine))


def account(name: str, bio: str | None = None) -> UserRow:
    return UserRow(
        username=name,
        email=f"{name}@x.io",
        bio=bio,
        image=None,
        password_hash=f"$argon2id$hash-of-{name}",
    )


def an_article(slug: str, author: UUID, **fields: object) -> ArticleRow:
    """An article row; content fields among `fields` go into its content."""
    content: dict[str, object] = {
        "title": f"About {slug}",
        "description": "d",
        "body": "b",
        "tag_list": ["a", "b"],
    }
    content |= {name: fields.pop(name) for name in CONTENT_FIELDS if name in fields}
    row = ArticleRow(
        slug=slug,
        content=ArticleContent(**content),  # type: ignore[arg-type]
        author_id=author,
        created_at=None,
        updated_at=None,
        favorited_by=(),
        comments=(),
    )
    return replace(row, **fields)  # type: ignore[arg-type]


async def with_users(bulk: Bulk, *names: str) -> dict[str, UUID]:
    await bulk.store.write_users([account(name) for name in names], now=NOW)
    return dict(await bulk.store.user_ids({name.lower() for name in names}))


# --- users --------------------------------------------------------------------------------


async def test_users_are_added_then_left_alone_then_updated(bulk: Bulk) -> None:
    rows = [account("Jake", "hi"), account("jane")]
    assert await bulk.store.write_users(rows, now=NOW) == Written(2, 0, 0)
    assert await bulk.store.write_users(rows, now=NOW) == Written(0, 0, 2)
    changed = [account("jake", "new bio"), account("jane")]
    assert await bulk.store.write_users(changed, now=NOW) == Written(0, 1, 1)

    exported = [u async for u in bulk.reader.users()]
    assert [(u.username, u.bio, u.password_hash) for u in exported] == [
        ("jake", "new bio", "$argon2id$hash-of-jake"),
        ("jane", None, "$argon2id$hash-of-jane"),
    ]


async def test_users_are_found_by_name_ignoring_case(bulk: Bulk) -> None:
    await bulk.store.write_users([account("Jake")], now=NOW)
    ids = await bulk.store.user_ids({"jake", "nobody"})
    assert list(ids) == ["jake"]
    assert await bulk.store.password_hashes({"jake"}) == {"jake": "$argon2id$hash-of-Jake"}


async def test_an_email_is_taken_only_by_another_username(bulk: Bulk) -> None:
    await bulk.store.write_users([account("jake")], now=NOW)
    taken = await bulk.store.emails_taken([("JAKE", "Jake@X.io"), ("jane", "JAKE@x.io")])
    assert taken == {"jake@x.io"}
    assert await bulk.store.emails_taken([("jake", "jake@x.io")]) == set()


# --- articles -----------------------------------------------------------------------------


async def test_articles_with_fans_and_comments_are_written_once(bulk: Bulk) -> None:
    ids = await with_users(bulk, "jake", "jane", "ann")
    row = an_article(
        "one",
        ids["jake"],
        created_at=MAY,
        updated_at=MAY + timedelta(days=1),
        favorited_by=(ids["jane"], ids["ann"]),
        comments=(
            CommentRow(None, ids["jane"], "first!", MAY),
            CommentRow(None, ids["ann"], "me too", None),
        ),
    )
    assert await bulk.store.write_articles([row], now=NOW) == Written(1, 0, 0)
    assert await bulk.store.write_articles([row], now=NOW) == Written(0, 0, 1)

    [one] = await bulk.articles()
    assert (one.slug, one.author, one.content.tag_list) == ("one", "jake", ["a", "b"])
    assert (one.created_at, one.updated_at) == (MAY, MAY + timedelta(days=1))
    assert one.favorited_by == ("ann", "jane")
    assert [(c.author, c.body, c.created_at) for c in one.comments] == [
        ("jane", "first!", MAY),
        ("ann", "me too", NOW),
    ]


async def test_a_changed_article_counts_as_updated(bulk: Bulk) -> None:
    ids = await with_users(bulk, "jake", "jane")
    await bulk.store.write_articles([an_article("one", ids["jake"], created_at=MAY)], now=NOW)
    renamed = an_article("one", ids["jake"], title="Renamed", tag_list=["c"])
    assert await bulk.store.write_articles([renamed], now=NOW) == Written(0, 1, 0)
    with_fan = an_article(
        "one", ids["jake"], title="Renamed", tag_list=["c"], favorited_by=(ids["jane"],)
    )
    assert await bulk.store.write_articles([with_fan], now=NOW) == Written(0, 1, 0)

    [one] = await bulk.articles()
    assert (one.content.title, one.content.tag_list, one.favorited_by) == (
        "Renamed",
        ["c"],
        ("jane",),
    )
    assert one.created_at == MAY  # not given the second time: kept


async def test_new_articles_without_times_are_stamped_now(bulk: Bulk) -> None:
    ids = await with_users(bulk, "jake")
    created_only = an_article("two", ids["jake"], created_at=MAY)
    await bulk.store.write_articles([an_article("one", ids["jake"]), created_only], now=NOW)
    one, two = sorted(await bulk.articles(), key=lambda a: a.slug)
    assert (one.created_at, one.updated_at) == (NOW, NOW)
    assert (two.created_at, two.updated_at) == (MAY, MAY)


async def test_numbered_comments_keep_their_ids_and_new_ones_follow(bulk: Bulk) -> None:
    ids = await with_users(bulk, "jake")
    numbered = an_article("one", ids["jake"], comments=(CommentRow(50, ids["jake"], "old", MAY),))
    await bulk.store.write_articles([numbered], now=NOW)
    assert await bulk.store.write_articles([numbered], now=NOW) == Written(0, 0, 1)
    more = an_article("two", ids["jake"], comments=(CommentRow(None, ids["jake"], "new", None),))
    await bulk.store.write_articles([more], now=NOW)

    comments = {a.slug: a.comments for a in await bulk.articles()}
    assert [c.id for c in comments["one"]] == [50]
    assert comments["two"][0].id > 50


async def test_tags_of_imported_articles_are_listed_in_use(bulk: Bulk) -> None:
    ids = await with_users(bulk, "jake")
    rows = [an_article(f"a{n}", ids["jake"], tag_list=[f"t{n}", "shared"]) for n in range(3)]
    assert await bulk.store.write_articles(rows, now=NOW) == Written(3, 0, 0)
    exported = await bulk.articles()
    assert sorted({tag for a in exported for tag in a.content.tag_list}) == [
        "shared",
        "t0",
        "t1",
        "t2",
    ]
    assert await bulk.tags.tags(100) == ["shared", "t0", "t1", "t2"]


async def test_tags_an_import_takes_off_articles_leave_the_tag_list(bulk: Bulk) -> None:
    ids = await with_users(bulk, "jake")
    rows = [an_article(f"a{n}", ids["jake"], tag_list=[f"t{n}", "shared"]) for n in range(3)]
    await bulk.store.write_articles(rows, now=NOW)
    changed = [
        an_article("a0", ids["jake"], tag_list=["new"]),
        an_article("a1", ids["jake"], tag_list=["t1", "new"]),
        an_article("a3", ids["jake"], tag_list=["new", "t2"]),
    ]
    assert await bulk.store.write_articles(changed, now=NOW) == Written(1, 2, 0)
    assert await bulk.tags.tags(100) == ["new", "t2", "shared", "t1"]


async def test_export_is_oldest_first_then_by_slug(bulk: Bulk) -> None:
    ids = await with_users(bulk, "jake")
    rows = [
        an_article("b", ids["jake"]),
        an_article("a", ids["jake"]),
        an_article("old", ids["jake"], created_at=MAY),
    ]
    await bulk.store.write_articles(rows, now=NOW)
    assert [a.slug for a in await bulk.articles()] == ["old", "a", "b"]


# --- every field, by name -----------------------------------------------------------------
# Derived from the dataclasses, so that a field added to a row or record is checked here
# without a word changed: an adapter that drops, ignores or swaps it fails.


def other_than(value: object) -> Any:
    """Another value of the same type."""
    match value:
        case str():
            return f"{value} changed"
        case list():
            return [*value, "changed"]
        case datetime():
            return value + timedelta(hours=1)
        case None:
            return "changed"
    raise TypeError(f"no other value for {value!r}: teach `other_than` its type")


def full_article(slug: str, ids: dict[str, UUID]) -> ArticleRow:
    """An article with a distinct value in every field."""
    return an_article(
        slug,
        ids["jake"],
        title=f"Title of {slug}",
        description=f"Description of {slug}",
        body=f"Body of {slug}",
        tag_list=[f"{slug}-tag", "shared"],
        created_at=MAY,
        updated_at=MAY + timedelta(days=1),
        favorited_by=(ids["jane"],),
    )


def as_exported(row: ArticleRow, names: dict[UUID, str]) -> dict[str, object]:
    """What the export of a row written to an empty store must hold, by record field."""
    translated = {
        "author": names[row.author_id],
        "favorited_by": tuple(sorted(names[fan] for fan in row.favorited_by)),
        "comments": (),
    }
    return {
        f.name: translated[f.name] if f.name in translated else getattr(row, f.name)
        for f in fields(ArticleRecord)
    }


async def test_every_field_of_an_article_is_exported_as_written(bulk: Bulk) -> None:
    ids = await with_users(bulk, "jake", "jane")
    rows = [full_article("one", ids), full_article("two", ids)]
    await bulk.store.write_articles(rows, now=NOW)
    names = {user_id: name for name, user_id in ids.items()}
    exported = [asdict_shallow(record) for record in await bulk.articles()]
    assert exported == [as_exported(row, names) for row in rows]


# What a line sets of a stored article: the row's fields but its key (the slug) and what an
# import only ever adds to (favorites, comments).
SET_BY_A_LINE = [
    *CONTENT_FIELDS,
    *(
        f.name
        for f in fields(ArticleRow)
        if f.name not in ("slug", "content", "favorited_by", "comments")
    ),
]


@pytest.mark.parametrize("field", SET_BY_A_LINE)
async def test_a_line_changing_one_field_of_a_stored_article_changes_it(
    bulk: Bulk, field: str
) -> None:
    ids = await with_users(bulk, "jake", "jane")
    row = full_article("one", ids)
    await bulk.store.write_articles([row], now=NOW)
    if field in CONTENT_FIELDS:
        value = other_than(getattr(row.content, field))
        changed = replace(row, content=replace(row.content, **{field: value}))
    elif field == "author_id":
        changed = replace(row, author_id=ids["jane"])
    else:
        changed = replace(row, **{field: other_than(getattr(row, field))})
    assert await bulk.store.write_articles([changed], now=NOW) == Written(0, 1, 0)
    names = {user_id: name for name, user_id in ids.items()}
    [exported] = await bulk.articles()
    assert asdict_shallow(exported) == as_exported(changed, names)


async def test_every_field_of_an_account_is_exported_as_written(bulk: Bulk) -> None:
    rows = [account("ann", "bio of ann"), replace(account("jake"), image="https://x.io/j.png")]
    await bulk.store.write_users(rows, now=NOW)
    assert [user async for user in bulk.reader.users()] == rows


@pytest.mark.parametrize("field", [f.name for f in fields(UserRow) if f.name != "username"])
async def test_a_line_changing_one_field_of_an_account_changes_it(bulk: Bulk, field: str) -> None:
    row = account("jake", "bio")
    await bulk.store.write_users([row], now=NOW)
    changed = replace(row, **{field: other_than(getattr(row, field))})
    assert await bulk.store.write_users([changed], now=NOW) == Written(0, 1, 0)
    assert [user async for user in bulk.reader.users()] == [changed]


def asdict_shallow(record: object) -> dict[str, object]:
    """A dataclass's fields by name, values as they are (unlike `asdict`, which copies)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}  # type: ignore[arg-type]
