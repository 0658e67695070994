"""Import, export and demo data through the use cases, on the in-memory adapters: what an
operator's lines become, as the API then shows them."""

from copy import deepcopy
from datetime import UTC, datetime, timedelta

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.store import InMemoryStore
from adapters.security.argon2_hasher import Argon2PasswordHasher
from application.imports.demo import DEMO_PASSWORD, DemoSize
from application.imports.lines import ArticleLine, CommentLine, Rejected, UserLine
from application.ports.queries import ArticleFilter, Page
from application.users.login import Credentials
from domain.articles import CONTENT_FIELDS, ArticleContent
from entrypoints.cli.records import reason_of
from entrypoints.container import Container

MAY = datetime(2025, 5, 1, 12, 0, 0, 123456, tzinfo=UTC)


def user(line: int, name: str, **fields: str | None) -> UserLine:
    if fields.get("password_hash") is None:
        fields.setdefault("password", "password123")
    return UserLine(line, username=name, email=f"{name}@x.io", **fields)


def article(line: int, slug: str | None, **fields: object) -> ArticleLine:
    """An article line; content fields among `fields` go into its content."""
    content: dict[str, object] = {
        "title": f"Title {line}",
        "description": "About it",
        "body": "The body.",
    }
    content |= {name: fields.pop(name) for name in CONTENT_FIELDS if name in fields}
    fields.setdefault("author", "jake")
    return ArticleLine(line, ArticleContent(**content), slug=slug, **fields)  # type: ignore[arg-type]


async def add_users(app: Container, *names: str) -> None:
    report = await app.import_users()([user(n, name) for n, name in enumerate(names, 1)])
    assert report.rejected == []


# --- users --------------------------------------------------------------------------------


async def test_imported_users_log_in_with_their_password(app: Container) -> None:
    report = await app.import_users()(
        [user(1, "jake", bio="I work at statefarm", image="https://x.io/j.png"), user(2, "jane")]
    )
    assert (report.read, report.valid, report.imported, report.rejected) == (2, 2, 2, [])
    signed_in = await app.log_in()(Credentials("jake@x.io", "password123"))
    assert (signed_in.account.username, signed_in.account.bio) == ("jake", "I work at statefarm")
    assert signed_in.account.image == "https://x.io/j.png"


async def test_a_password_hash_is_taken_as_is(app: Container, hasher: Argon2PasswordHasher) -> None:
    password_hash = await hasher.hash("correct horse")
    await app.import_users()([user(1, "jake", password_hash=password_hash)])
    signed_in = await app.log_in()(Credentials("jake@x.io", "correct horse"))
    assert signed_in.account.username == "jake"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (UserLine(1, "", "x@x.io", password="password123"), "username can't be blank"),
        (UserLine(1, "j k", "x@x.io", password="password123"), "username may contain only"),
        (UserLine(1, "jake", "not-an-email", password="password123"), "email is invalid"),
        (UserLine(1, "jake", "j@x.io", password="short"), "password is too short"),
        (UserLine(1, "jake", "j@x.io"), "password or passwordHash is required"),
        (
            UserLine(1, "jake", "j@x.io", password="password123", password_hash="$argon2id$x"),
            "password and passwordHash can't both be given",
        ),
        (
            UserLine(1, "jake", "j@x.io", password_hash="5f4dcc3b5aa765d61d8327deb882cf99"),
            "passwordHash is not an argon2 hash",
        ),
        (
            UserLine(1, "jake", "j@x.io", image="ftp://x", password="password123"),
            "image must be an http or https URL",
        ),
        (UserLine(1, "ja\x00ke", "j@x.io", password="password123"), "username"),
    ],
)
async def test_invalid_users_are_rejected_with_the_api_reason(
    app: Container, store: InMemoryStore, line: UserLine, reason: str
) -> None:
    report = await app.import_users()([line, user(2, "jane")])
    assert [r.line for r in report.rejected] == [1]
    assert reason_of(report.rejected[0]).startswith(reason)
    assert (report.valid, report.imported) == (1, 1)
    assert [u.username for u in store.users.values()] == ["jane"]


async def test_every_invalid_field_of_a_line_is_named(app: Container) -> None:
    report = await app.import_users()([UserLine(7, "", "nope", password="x")])
    assert report.rejected == [
        Rejected(
            7,
            {
                "username": ["can't be blank"],
                "email": ["is invalid"],
                "password": ["is too short (minimum is 8 characters)"],
            },
        )
    ]


async def test_a_username_or_email_may_appear_once_in_a_run(app: Container) -> None:
    importing = app.import_users()
    first = await importing([user(1, "jake"), UserLine(2, "JAKE", "other@x.io", password="p" * 8)])
    second = await importing([UserLine(3, "jane", "Jake@X.io", password="password123")])
    assert first.rejected == [Rejected(2, {"username": ["appears again (first on line 1)"]})]
    assert second.rejected == [Rejected(3, {"email": ["appears again (first on line 1)"]})]


async def test_an_email_of_another_stored_account_is_rejected(app: Container) -> None:
    await add_users(app, "jake")
    report = await app.import_users()([UserLine(1, "jane", "JAKE@x.io", password="password123")])
    assert report.rejected == [Rejected(1, {"email": ["has already been taken"]})]


async def test_importing_users_again_changes_nothing(app: Container, store: InMemoryStore) -> None:
    lines = [user(1, "jake", bio="hi"), user(2, "jane")]
    await app.import_users()(lines)
    before = {u.username: (u.password_hash, u.updated_at) for u in store.users.values()}
    again = await app.import_users()(lines)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 2)
    assert {u.username: (u.password_hash, u.updated_at) for u in store.users.values()} == before


async def test_a_changed_line_updates_the_stored_user(
    app: Container, store: InMemoryStore, clock: FakeClock
) -> None:
    await app.import_users()([user(1, "jake", bio="old")])
    clock.advance(timedelta(seconds=5))
    report = await app.import_users()([user(1, "jake", bio="new")])
    assert (report.imported, report.updated, report.unchanged) == (0, 1, 0)
    [jake] = store.users.values()
    assert (jake.bio, jake.updated_at) == ("new", clock.now())


async def test_a_dry_run_checks_every_line_and_writes_nothing(
    app: Container, store: InMemoryStore
) -> None:
    report = await app.import_users()([user(1, "jake"), user(2, "")], dry_run=True)
    assert (report.read, report.valid, report.imported) == (2, 1, 0)
    assert [r.line for r in report.rejected] == [2]
    assert store.users == {}


# --- articles -----------------------------------------------------------------------------


async def test_imported_articles_read_as_written(app: Container) -> None:
    await add_users(app, "jake", "jane", "ann")
    line = ArticleLine(
        1,
        ArticleContent(
            "  How to train your dragon ",
            "Ever wonder how?",
            "Very carefully.",
            ["training", "dragons", "training"],
        ),
        "jake",
        slug="how-to-train-your-dragon",
        created_at=MAY,
        updated_at=MAY.replace(day=2),
        favorited_by=("jane", "ANN"),
        comments=(CommentLine("jane", "Thank you!", created_at=MAY.replace(day=3)),),
    )
    report = await app.import_articles()([line])
    assert (report.imported, report.rejected) == (1, [])

    view = await app.get_article()("how-to-train-your-dragon", None)
    assert view.title == "How to train your dragon"
    assert view.tag_list == ("dragons", "training")
    assert view.created_at == datetime(2025, 5, 1, 12, 0, 0, 123000, tzinfo=UTC)
    assert view.updated_at == datetime(2025, 5, 2, 12, 0, 0, 123000, tzinfo=UTC)
    assert (view.favorites_count, view.author.username) == (2, "jake")
    [comment] = await app.list_comments()("how-to-train-your-dragon", None, Page())
    assert (comment.body, comment.author.username) == ("Thank you!", "jane")
    assert await app.list_tags()() == ["dragons", "training"]
    page = await app.list_articles()(ArticleFilter(tag="dragons"), Page(), None)
    assert [a.slug for a in page.articles] == ["how-to-train-your-dragon"]


async def test_missing_timestamps_become_the_import_time(app: Container, clock: FakeClock) -> None:
    await add_users(app, "jake")
    await app.import_articles()([article(1, "a-slug")])
    view = await app.get_article()("a-slug", None)
    assert view.created_at == view.updated_at == clock.now()


async def test_an_article_without_a_slug_gets_the_same_one_every_time(app: Container) -> None:
    await add_users(app, "jake")
    await app.import_articles()([article(1, None)])
    again = await app.import_articles()([article(1, None)])
    assert (again.imported, again.unchanged) == (0, 1)
    page = await app.list_articles()(ArticleFilter(), Page(), None)
    [slug] = [a.slug for a in page.articles]
    assert slug.startswith("title-1-")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (article(1, "a", title=""), "title can't be blank"),
        (article(1, "a", description=""), "description can't be blank"),
        (article(1, "a", body=""), "body can't be blank"),
        (article(1, "Not A Slug"), "slug may contain only a-z, 0-9 and single '-'"),
        (article(1, "a", tag_list=["ok", " "]), "tagList can't contain a blank tag"),
        (article(1, "a", author=" "), "author can't be blank"),
        (
            article(1, "a", created_at=MAY, updated_at=MAY.replace(month=4)),
            "updatedAt can't be before createdAt",
        ),
        (
            article(1, "a", comments=(CommentLine("jane", " "),)),
            "comments[0].body can't be blank",
        ),
        (article(1, "a", author="nobody"), "author 'nobody' is no user"),
        (article(1, "a", favorited_by=("jane", "ghost")), "favoritedBy names no user: 'ghost'"),
        (
            article(1, "a", comments=(CommentLine("ghost", "hi"),)),
            "comments[0].author 'ghost' is no user",
        ),
    ],
)
async def test_invalid_articles_are_rejected_with_the_reason(
    app: Container, line: ArticleLine, reason: str
) -> None:
    await add_users(app, "jake", "jane")
    report = await app.import_articles()([line, article(2, "fine")])
    assert [r.line for r in report.rejected] == [1]
    assert reason_of(report.rejected[0]).startswith(reason)
    page = await app.list_articles()(ArticleFilter(), Page(), None)
    assert [a.slug for a in page.articles] == ["fine"]


async def test_a_slug_may_appear_once_in_a_run(app: Container) -> None:
    await add_users(app, "jake")
    importing = app.import_articles()
    await importing([article(1, "same")])
    report = await importing([article(9, "same")])
    assert report.rejected == [Rejected(9, {"slug": ["appears again (first on line 1)"]})]


async def test_importing_articles_again_changes_nothing(
    app: Container, store: InMemoryStore
) -> None:
    await add_users(app, "jake", "jane")
    lines = [
        article(1, "one", favorited_by=("jane",), comments=(CommentLine("jane", "hi"),)),
        article(2, "two", created_at=MAY, tag_list=["x"]),
    ]
    await app.import_articles()(lines)
    before = deepcopy((store.articles, store.favorites, store.comments))
    again = await app.import_articles()(lines)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 2)
    assert (store.articles, store.favorites, store.comments) == before
    view = await app.get_article()("one", None)
    assert view.favorites_count == 1


async def test_a_changed_article_is_updated_and_keeps_what_it_had(app: Container) -> None:
    await add_users(app, "jake", "jane")
    await app.import_articles()([article(1, "one", created_at=MAY, favorited_by=("jane",))])
    report = await app.import_articles()([article(1, "one", title="Renamed", tag_list=["new"])])
    assert (report.imported, report.updated) == (0, 1)
    view = await app.get_article()("one", None)
    assert (view.title, view.tag_list, view.favorites_count) == ("Renamed", ("new",), 1)
    assert view.created_at == datetime(2025, 5, 1, 12, 0, 0, 123000, tzinfo=UTC)


async def test_articles_dry_run_writes_nothing(app: Container, store: InMemoryStore) -> None:
    await add_users(app, "jake")
    report = await app.import_articles()(
        [article(1, "a"), article(2, "b", author="x")], dry_run=True
    )
    assert (report.valid, [r.line for r in report.rejected]) == (1, [2])
    assert store.articles == {}


# --- export and demo data -----------------------------------------------------------------


async def test_export_gives_back_what_was_imported(
    app: Container, hasher: Argon2PasswordHasher
) -> None:
    await add_users(app, "jake", "jane")
    await app.import_articles()(
        [
            article(
                1,
                "one",
                created_at=MAY,
                favorited_by=("jane",),
                comments=(CommentLine("jane", "hi", created_at=MAY),),
            )
        ]
    )
    users = [u async for u in app.export_users()()]
    assert [u.username for u in users] == ["jake", "jane"]
    assert await hasher.verify(users[0].password_hash, "password123")
    [one] = [a async for a in app.export_articles()()]
    assert (one.slug, one.author, one.favorited_by) == ("one", "jake", ("jane",))
    assert [(c.author, c.body, c.created_at) for c in one.comments] == [
        ("jane", "hi", datetime(2025, 5, 1, 12, 0, 0, 123000, tzinfo=UTC))
    ]


async def test_demo_data_is_the_same_for_the_same_seed_and_loads_once(
    app: Container, store: InMemoryStore
) -> None:
    users, articles = await app.seed_demo_data()(DemoSize(users=5, articles=12, seed=3))
    assert (users.imported, articles.imported, users.rejected, articles.rejected) == (5, 12, [], [])
    first = [
        (a.slug, a.content.title, a.author, a.favorited_by) async for a in app.export_articles()()
    ]

    users, articles = await app.seed_demo_data()(DemoSize(users=5, articles=12, seed=3))
    assert (users.unchanged, articles.unchanged) == (5, 12)
    assert [
        (a.slug, a.content.title, a.author, a.favorited_by) async for a in app.export_articles()()
    ] == first
    signed_in = await app.log_in()(Credentials("ada0@demo.conduit.example", DEMO_PASSWORD))
    assert signed_in.account.username == "ada0"


async def test_another_seed_gives_other_articles(app: Container) -> None:
    await app.seed_demo_data()(DemoSize(users=3, articles=4, seed=1))
    await app.seed_demo_data()(DemoSize(users=3, articles=4, seed=2))
    assert len([a async for a in app.export_articles()()]) == 8
