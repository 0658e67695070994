from datetime import UTC, datetime
from uuid import uuid4

import pytest

from application.errors import AlreadyTaken
from domain.roles import Role
from domain.users import User
from tests.contract.conftest import UnitOfWorkFactory

NOW = datetime(2026, 3, 4, 5, 6, 7, 891000, tzinfo=UTC)


def fullwidth(ascii_text: str) -> str:
    """ASCII letters as their fullwidth forms, which NFKC folds back to ASCII."""
    return "".join(chr(ord(ch) + 0xFEE0) for ch in ascii_text)


def a_user(username: str = "jake", email: str = "jake@jake.jake") -> User:
    return User.register(username=username, email=email, password_hash="$argon2id$x", now=NOW)


async def add(new_uow: UnitOfWorkFactory, *users: User) -> None:
    async with new_uow() as uow:
        for user in users:
            uow.users.add(user)
        await uow.commit()


async def test_committed_user_reads_back_identically(new_uow: UnitOfWorkFactory) -> None:
    user = a_user()
    user.bio, user.image = "bio", "https://x.io/a.png"
    await add(new_uow, user)

    async with new_uow() as uow:
        stored = await uow.users.get(user.id)
    assert stored is not None
    assert (stored.id, stored.username, stored.email, stored.password_hash) == (
        user.id,
        "jake",
        "jake@jake.jake",
        "$argon2id$x",
    )
    assert (stored.bio, stored.image) == ("bio", "https://x.io/a.png")
    assert stored.created_at == NOW and stored.updated_at == NOW
    assert stored.created_at.utcoffset() is not None


async def test_unknown_id_is_none(new_uow: UnitOfWorkFactory) -> None:
    async with new_uow() as uow:
        assert await uow.users.get(uuid4()) is None


async def test_without_commit_nothing_is_added(new_uow: UnitOfWorkFactory) -> None:
    user = a_user()
    async with new_uow() as uow:
        uow.users.add(user)
    async with new_uow() as uow:
        assert await uow.users.get(user.id) is None


async def test_changes_persist_only_on_commit(new_uow: UnitOfWorkFactory) -> None:
    user = a_user()
    await add(new_uow, user)

    async with new_uow() as uow:
        loaded = await uow.users.get(user.id)
        assert loaded is not None
        loaded.bio = "discarded"
    async with new_uow() as uow:
        loaded = await uow.users.get(user.id)
        assert loaded is not None and loaded.bio is None
        loaded.bio = "kept"
        await uow.commit()
    async with new_uow() as uow:
        loaded = await uow.users.get(user.id)
        assert loaded is not None and loaded.bio == "kept"


async def test_get_by_email_ignores_case(new_uow: UnitOfWorkFactory) -> None:
    user = a_user(email="Jake@Jake.Jake")
    await add(new_uow, user)
    async with new_uow() as uow:
        found = await uow.users.get_by_email("jAKE@jake.JAKE")
        assert found is not None and found.id == user.id
        assert await uow.users.get_by_email("other@jake.jake") is None


async def test_taken_ignores_case_and_the_excluded_account(new_uow: UnitOfWorkFactory) -> None:
    jake = a_user()
    await add(new_uow, jake, a_user("celeb", "celeb@x.io"))
    async with new_uow() as uow:
        assert await uow.users.taken(username="JAKE", email="nobody@x.io") == ["username"]
        assert await uow.users.taken(username="nobody", email="CELEB@X.IO") == ["email"]
        assert await uow.users.taken(username="Celeb", email="Jake@jake.jake") == [
            "username",
            "email",
        ]
        assert (
            await uow.users.taken(username="jake", email="jake@jake.jake", excluding=jake.id) == []
        )
        assert await uow.users.taken() == []


async def test_lookups_compare_the_canonical_form(new_uow: UnitOfWorkFactory) -> None:
    # Python's and PostgreSQL's lower() disagree on "İ"; case folding maps "ß" to "ss".
    ivan = a_user("İvan", "Straße@x.io")
    await add(new_uow, ivan)
    async with new_uow() as uow:
        for username in ("İvan", "İVAN", "i\u0307van"):
            found = await uow.users.get_by_username(username)
            assert found is not None and found.id == ivan.id, username
        for email in ("STRASSE@x.io", fullwidth("stra") + "\u00df" + fullwidth("e") + "@x.io"):
            found = await uow.users.get_by_email(email)
            assert found is not None and found.id == ivan.id, email
        assert await uow.users.taken(username="İVAN", email="strasse@X.IO") == [
            "username",
            "email",
        ]
        assert await uow.users.get_by_username("ivan") is None


async def test_a_renamed_user_is_found_by_the_new_name_only(new_uow: UnitOfWorkFactory) -> None:
    user = a_user()
    await add(new_uow, user)
    async with new_uow() as uow:
        loaded = await uow.users.get(user.id)
        assert loaded is not None
        loaded.rename("İvan")
        loaded.change_email("ivan@x.io")
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.users.get_by_username("jake") is None
        assert await uow.users.get_by_email("jake@jake.jake") is None
        renamed = await uow.users.get_by_username("İVAN")
        assert renamed is not None and renamed.id == user.id
        assert await uow.users.get_by_email("IVAN@x.io") is not None


@pytest.mark.parametrize(
    ("second", "field"),
    [
        (("JAKE", "other@x.io"), "username"),
        ((fullwidth("JAKE"), "other@x.io"), "username"),
        (("other", "JAKE@jake.jake"), "email"),
        (("other", fullwidth("jake") + "@jake.jake"), "email"),
    ],
)
async def test_commit_refuses_a_duplicate_that_slipped_past_the_check(
    new_uow: UnitOfWorkFactory, second: tuple[str, str], field: str
) -> None:
    await add(new_uow, a_user())
    duplicate = a_user(*second)
    with pytest.raises(AlreadyTaken) as taken:
        await add(new_uow, duplicate)
    assert taken.value.fields == [field]
    async with new_uow() as uow:
        assert await uow.users.get(duplicate.id) is None


async def test_lock_active_admins_names_the_admins_not_suspended(
    new_uow: UnitOfWorkFactory,
) -> None:
    ann, bob, cid, dee = (a_user(name, f"{name}@x.io") for name in ("ann", "bob", "cid", "dee"))
    ann.role = bob.role = cid.role = Role.ADMIN
    dee.role = Role.MODERATOR
    cid.suspend(NOW)
    await add(new_uow, ann, bob, cid, dee)

    async with new_uow() as uow:
        assert await uow.users.lock_active_admins() == {ann.id, bob.id}
