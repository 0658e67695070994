"""Two changes that each leave one active administrator, made at once on PostgreSQL, must
not together leave none. Each test forces the overlap: neither transaction commits before
both have done their checks, unless one waits for the other's lock."""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

import pytest

from adapters.postgres.unit_of_work import SqlaUnitOfWork
from application.errors import Forbidden
from application.principal import Operator, Principal
from domain.errors import ValidationFailed
from domain.roles import Role
from entrypoints.container import Container
from tests.integration.test_concurrency import sign_up

OPERATOR = Operator(name="cli:root")


async def admin(app: Container, name: str) -> Principal:
    principal = await sign_up(app, name)
    await app.change_role()(OPERATOR, name, Role.ADMIN.value)
    return Principal(principal.user_id, principal.session_id, Role.ADMIN)


def overlap_commits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each unit of work, before it commits, waits until another is about to commit too,
    or for a second: as long as the other may be waiting for this one's locks."""
    commit = SqlaUnitOfWork.commit
    waiting = 0
    both_waiting = asyncio.Event()

    async def wait_then_commit(self: SqlaUnitOfWork) -> None:
        nonlocal waiting
        waiting += 1
        if waiting == 2:
            both_waiting.set()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(1):
                await both_waiting.wait()
        await commit(self)

    monkeypatch.setattr(SqlaUnitOfWork, "commit", wait_then_commit)


async def active_admins(app: Container) -> list[str]:
    async with app.uow() as uow:
        users = [await uow.users.get_by_username(name) for name in ("ann", "bob")]
    return [u.username for u in users if u and u.role is Role.ADMIN and not u.suspended]


async def test_two_admins_demoting_each_other_at_once_leave_one(
    app: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann, bob = await admin(app, "ann"), await admin(app, "bob")
    overlap_commits(monkeypatch)

    results = await asyncio.gather(
        app.change_role()(ann, "bob", "user"),
        app.change_role()(bob, "ann", "user"),
        return_exceptions=True,
    )

    refused = [r for r in results if isinstance(r, Exception)]
    # The second is no admin any more when its turn comes: answered as if it came after.
    assert len(refused) == 1 and isinstance(refused[0], Forbidden), results
    monkeypatch.undo()
    assert len(await active_admins(app)) == 1


Change = Callable[[Container, str], Awaitable[object]]
CHANGES: dict[str, Change] = {
    "set-role": lambda app, name: app.change_role()(OPERATOR, name, "moderator"),
    "suspend": lambda app, name: app.suspend_user()(OPERATOR, name),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
async def test_the_operator_demoting_both_admins_at_once_leaves_one(
    app: Container, monkeypatch: pytest.MonkeyPatch, change: Change
) -> None:
    await admin(app, "ann")
    await admin(app, "bob")
    overlap_commits(monkeypatch)

    results = await asyncio.gather(change(app, "ann"), change(app, "bob"), return_exceptions=True)

    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], ValidationFailed), results
    monkeypatch.undo()
    assert len(await active_admins(app)) == 1
