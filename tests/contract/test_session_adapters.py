"""Sessions, refresh tokens, the audit log and the admin read side, on every adapter."""

from datetime import datetime, timedelta
from uuid import UUID, uuid4

from application.ports.queries import Page
from domain.audit import AuditRecord
from domain.roles import Role
from domain.sessions import RefreshToken, Session
from tests.contract.builders import T0, a_user, store
from tests.contract.conftest import Backend, UnitOfWorkFactory

DAY = timedelta(days=1)


def a_session(user_id: UUID, *, at: datetime = T0, lifetime: timedelta = DAY) -> Session:
    return Session.open(user_id=user_id, now=at, lifetime=lifetime, user_agent="ua", ip="10.0.0.1")


async def open_sessions(new_uow: UnitOfWorkFactory, *sessions: Session) -> None:
    async with new_uow() as uow:
        for session in sessions:
            uow.sessions.add(session)
        await uow.commit()


async def test_a_user_and_their_first_session_go_in_one_transaction(
    new_uow: UnitOfWorkFactory,
) -> None:
    jake = a_user()
    session = a_session(jake.id)
    async with new_uow() as uow:
        uow.refresh_tokens.add(RefreshToken("d1", session.id, T0))
        uow.sessions.add(session)
        uow.users.add(jake)
        await uow.commit()
    async with new_uow() as uow:
        stored = await uow.sessions.get(session.id)
        assert stored is not None
        assert (stored.user_id, stored.ip, stored.user_agent) == (jake.id, "10.0.0.1", "ua")
        assert (stored.created_at, stored.expires_at, stored.revoked_at) == (T0, T0 + DAY, None)


async def test_sessions_of_a_user_newest_first_and_revoke_all_but_one(
    new_uow: UnitOfWorkFactory,
) -> None:
    jake, celeb = a_user(), a_user("celeb")
    await store(new_uow, jake, celeb)
    older, newer = a_session(jake.id), a_session(jake.id, at=T0 + timedelta(hours=1))
    others = a_session(celeb.id)
    await open_sessions(new_uow, older, newer, others)

    async with new_uow() as uow:
        assert [s.id for s in await uow.sessions.of_user(jake.id)] == [newer.id, older.id]
        await uow.sessions.revoke_all(jake.id, now=T0 + timedelta(hours=2), keep=newer.id)
        await uow.commit()
    async with new_uow() as uow:
        revoked = {s.id: s.revoked_at for s in await uow.sessions.of_user(jake.id)}
        assert revoked == {newer.id: None, older.id: T0 + timedelta(hours=2)}
        untouched = await uow.sessions.get(others.id)
        assert untouched is not None and untouched.revoked_at is None


async def test_delete_expired_takes_expired_and_revoked_with_their_tokens(
    new_uow: UnitOfWorkFactory,
) -> None:
    jake = a_user()
    await store(new_uow, jake)
    expired, revoked, live = (
        a_session(jake.id),
        a_session(jake.id),
        a_session(jake.id, lifetime=3 * DAY),
    )
    revoked.revoke(T0)
    await open_sessions(new_uow, expired, revoked, live)
    async with new_uow() as uow:
        uow.refresh_tokens.add(RefreshToken("expired-token", expired.id, T0))
        await uow.commit()

    async with new_uow() as uow:
        assert await uow.sessions.delete_expired(now=T0 + 2 * DAY) == 2
        await uow.commit()
    async with new_uow() as uow:
        assert [s.id for s in await uow.sessions.of_user(jake.id)] == [live.id]
        assert await uow.refresh_tokens.claim("expired-token", now=T0) is None


async def test_a_refresh_token_claims_once_then_reports_reuse(new_uow: UnitOfWorkFactory) -> None:
    jake = a_user()
    await store(new_uow, jake)
    session = a_session(jake.id)
    await open_sessions(new_uow, session)
    async with new_uow() as uow:
        uow.refresh_tokens.add(RefreshToken("digest", session.id, T0))
        await uow.commit()

    for reused in (False, True, True):
        async with new_uow() as uow:
            claim = await uow.refresh_tokens.claim("digest", now=T0)
            await uow.commit()
        assert claim is not None
        assert (claim.session_id, claim.reused) == (session.id, reused)
    async with new_uow() as uow:
        assert await uow.refresh_tokens.claim("unknown", now=T0) is None


async def test_an_uncommitted_claim_leaves_the_token_unused(new_uow: UnitOfWorkFactory) -> None:
    jake = a_user()
    await store(new_uow, jake)
    session = a_session(jake.id)
    await open_sessions(new_uow, session)
    async with new_uow() as uow:
        uow.refresh_tokens.add(RefreshToken("digest", session.id, T0))
        await uow.commit()
    async with new_uow() as uow:
        await uow.refresh_tokens.claim("digest", now=T0)
    async with new_uow() as uow:
        claim = await uow.refresh_tokens.claim("digest", now=T0)
    assert claim is not None and claim.reused is False


async def test_active_caller_is_the_revocation_check(backend: Backend) -> None:
    jake = a_user()
    jake.role = Role.MODERATOR
    await store(backend.new_uow, jake)
    session, revoked = a_session(jake.id), a_session(jake.id)
    revoked.revoke(T0)
    await open_sessions(backend.new_uow, session, revoked)
    lookup = backend.session_lookup

    caller = await lookup.active_caller(session.id, now=T0 + timedelta(minutes=5))
    assert caller is not None and (caller.user_id, caller.role) == (jake.id, Role.MODERATOR)
    assert await lookup.active_caller(revoked.id, now=T0) is None
    assert await lookup.active_caller(uuid4(), now=T0) is None
    assert await lookup.active_caller(session.id, now=T0 + DAY) is None  # expired

    async with backend.new_uow() as uow:
        stored = await uow.sessions.get(session.id)
        assert stored is not None and stored.last_used_at == T0 + timedelta(minutes=5)
        user = await uow.users.get(jake.id)
        assert user is not None
        user.suspend(T0)
        await uow.commit()
    assert await lookup.active_caller(session.id, now=T0 + timedelta(minutes=6)) is None


async def test_audit_records_newest_first(backend: Backend) -> None:
    jake = a_user()
    await store(backend.new_uow, jake)
    async with backend.new_uow() as uow:
        for n in range(3):
            uow.audit.add(
                AuditRecord.of(
                    actor="jake" if n else "cli:root",
                    actor_id=jake.id if n else None,
                    action=f"action {n}",
                    target="user:x",
                    reason=None if n else "why",
                    now=T0 + timedelta(minutes=n),
                )
            )
        await uow.commit()
    page = await backend.admin_queries.audit(Page(limit=2))
    assert page.count == 3
    assert [e.action for e in page.entries] == ["action 2", "action 1"]
    last = (await backend.admin_queries.audit(Page(limit=2, offset=2))).entries
    assert [(e.actor, e.reason, e.at) for e in last] == [("cli:root", "why", T0)]
    assert (await backend.admin_queries.audit(Page(offset=10))).count == 3


async def test_admin_user_search(backend: Backend) -> None:
    names_given = ("alice", "Alina", "bob", "100%_x", "Stra\u00dfe")
    users = [a_user(name, f"{name}@example.org") for name in names_given]
    for n, user in enumerate(users):
        user.created_at = T0 + timedelta(minutes=n)
    users[2].suspend(T0)
    await store(backend.new_uow, *users)

    async def names(search: str | None, page: Page | None = None) -> tuple[list[str], int]:
        found = await backend.admin_queries.users(search, page or Page())
        return [u.username for u in found.users], found.count

    assert await names("ALI") == (["Alina", "alice"], 2)
    assert await names("example.org", Page(limit=2)) == (["Stra\u00dfe", "100%_x"], 5)
    # Compared by the canonical key, as every identity is: the same in both stores.
    assert await names("STRASSE") == (["Stra\u00dfe"], 1)
    assert await names("%") == (["100%_x"], 1)
    assert await names("_") == (["100%_x"], 1)
    assert await names("nobody") == ([], 0)
    (bob,) = (await backend.admin_queries.users("bob", Page())).users
    assert (bob.email, bob.role, bob.suspended) == ("bob@example.org", Role.USER, True)
