"""Roles: moderation and administration, enforced in the use cases and audited."""

from dataclasses import replace

import pytest

from adapters.memory.store import InMemoryStore
from application.errors import Forbidden, InvalidToken, NotFound
from application.ports.queries import Page
from application.principal import Operator, Principal
from application.users.login import Credentials
from domain.articles import ArticleChanges, ArticleContent
from domain.errors import ValidationFailed
from domain.roles import Permission, Role, allows
from entrypoints.container import Container
from tests.unit.conftest import sign_up

OPERATOR = Operator(name="cli:root")


async def with_role(app: Container, username: str, role: Role) -> Principal:
    principal = await sign_up(app, username)
    if role is not Role.USER:
        await app.change_role()(OPERATOR, username, role.value)
    return replace(principal, role=role)


def test_the_policy_denies_by_default() -> None:
    assert not any(allows(Role.USER, permission) for permission in Permission)
    assert {p for p in Permission if allows(Role.MODERATOR, p)} == {
        Permission.DELETE_ANY_ARTICLE,
        Permission.DELETE_ANY_COMMENT,
    }
    assert all(allows(Role.ADMIN, permission) for permission in Permission)


class TestModeration:
    async def test_moderators_delete_any_article_and_it_is_audited(
        self, app: Container, store: InMemoryStore
    ) -> None:
        author = await sign_up(app, "author")
        slug = (await app.create_article()(author, ArticleContent("Spam", "d", "b"))).slug
        moderator = await with_role(app, "mod", Role.MODERATOR)

        await app.delete_article()(moderator, slug, "spam")

        assert store.articles == {}
        record = max(store.audit.values(), key=lambda r: r.id or 0)
        assert (record.actor, record.actor_id, record.action, record.target, record.reason) == (
            "mod",
            moderator.user_id,
            "article.delete",
            f"article:{slug}",
            "spam",
        )

    async def test_moderators_delete_any_comment(
        self, app: Container, store: InMemoryStore
    ) -> None:
        author = await sign_up(app, "author")
        slug = (await app.create_article()(author, ArticleContent("T", "d", "b"))).slug
        comment = await app.add_comment()(author, slug, "rude")
        moderator = await with_role(app, "mod", Role.MODERATOR)

        await app.delete_comment()(moderator, slug, comment.id)

        assert store.comments == {}
        record = max(store.audit.values(), key=lambda r: r.id or 0)
        assert (record.action, record.target) == (
            "comment.delete",
            f"comment:{comment.id} on article:{slug}",
        )

    async def test_others_may_not_delete_what_they_did_not_write_and_nothing_is_audited(
        self, app: Container, store: InMemoryStore
    ) -> None:
        author = await sign_up(app, "author")
        slug = (await app.create_article()(author, ArticleContent("T", "d", "b"))).slug
        comment = await app.add_comment()(author, slug, "mine")
        stranger = await sign_up(app, "stranger")
        audited = len(store.audit)

        with pytest.raises(Forbidden) as article:
            await app.delete_article()(stranger, slug, "spam")
        with pytest.raises(Forbidden) as on_comment:
            await app.delete_comment()(stranger, slug, comment.id, "rude")

        assert (article.value.resource, on_comment.value.resource) == ("article", "comment")
        assert len(store.audit) == audited
        assert store.articles and store.comments

    async def test_an_author_deleting_their_own_work_is_not_a_privileged_action(
        self, app: Container, store: InMemoryStore
    ) -> None:
        moderator = await with_role(app, "mod", Role.MODERATOR)
        audited = len(store.audit)
        slug = (await app.create_article()(moderator, ArticleContent("T", "d", "b"))).slug
        await app.delete_article()(moderator, slug)
        assert len(store.audit) == audited

    async def test_moderators_still_cannot_edit_others_articles(self, app: Container) -> None:
        author = await sign_up(app, "author")
        slug = (await app.create_article()(author, ArticleContent("T", "d", "b"))).slug
        moderator = await with_role(app, "mod", Role.MODERATOR)
        with pytest.raises(Forbidden):
            await app.update_article()(moderator, slug, ArticleChanges(body="edited"))


class TestAdministration:
    async def test_admins_change_roles_with_an_audit_record(
        self, app: Container, store: InMemoryStore
    ) -> None:
        admin = await with_role(app, "boss", Role.ADMIN)
        await sign_up(app, "jake")

        view = await app.change_role()(admin, "JAKE", "moderator", "trusted")

        assert (view.username, view.role) == ("jake", Role.MODERATOR)
        record = max(store.audit.values(), key=lambda r: r.id or 0)
        assert (record.actor, record.action, record.target, record.reason) == (
            "boss",
            "user.role user -> moderator",
            "user:jake",
            "trusted",
        )

    async def test_an_unknown_role_or_user(self, app: Container) -> None:
        admin = await with_role(app, "boss", Role.ADMIN)
        await sign_up(app, "jake")
        with pytest.raises(ValidationFailed) as failed:
            await app.change_role()(admin, "jake", "god")
        assert failed.value.errors == {"role": ["must be one of user, moderator, admin"]}
        with pytest.raises(NotFound):
            await app.change_role()(admin, "nobody", "admin")

    async def test_admins_cannot_lock_themselves_out(self, app: Container) -> None:
        admin = await with_role(app, "boss", Role.ADMIN)
        with pytest.raises(Forbidden):
            await app.change_role()(admin, "boss", "user")
        with pytest.raises(Forbidden):
            await app.suspend_user()(admin, "boss")

    async def test_the_last_active_admin_stays_one(self, app: Container) -> None:
        await with_role(app, "boss", Role.ADMIN)
        with pytest.raises(ValidationFailed) as demoted:
            await app.change_role()(OPERATOR, "boss", "moderator")
        assert demoted.value.errors == {
            "role": ["can't be changed for the last active administrator"]
        }
        with pytest.raises(ValidationFailed) as suspended:
            await app.suspend_user()(OPERATOR, "boss")
        assert suspended.value.errors == {"username": ["is the last active administrator"]}

        await with_role(app, "deputy", Role.ADMIN)
        await app.suspend_user()(OPERATOR, "deputy")  # suspended admins do not count
        with pytest.raises(ValidationFailed):
            await app.change_role()(OPERATOR, "boss", "user")
        await app.unsuspend_user()(OPERATOR, "deputy")
        assert (await app.change_role()(OPERATOR, "boss", "user")).role is Role.USER

    async def test_an_admin_demoted_meanwhile_is_refused(self, app: Container) -> None:
        boss = await with_role(app, "boss", Role.ADMIN)  # signed in as an admin...
        await with_role(app, "deputy", Role.ADMIN)
        await sign_up(app, "jake")
        await app.change_role()(OPERATOR, "boss", "user")  # ...and demoted since
        for call in [
            app.change_role()(boss, "deputy", "user"),
            app.suspend_user()(boss, "jake"),
            app.unsuspend_user()(boss, "jake"),
        ]:
            with pytest.raises(Forbidden):
                await call

    async def test_suspension_ends_every_session_at_once(self, app: Container) -> None:
        admin = await with_role(app, "boss", Role.ADMIN)
        await sign_up(app, "jake")
        phone = await app.log_in()(Credentials("jake@x.io", "password123"))

        view = await app.suspend_user()(admin, "jake", "abuse")

        assert view.suspended is True
        with pytest.raises(InvalidToken):
            await app.authenticate()(phone.token)

        await app.unsuspend_user()(admin, "jake")
        with pytest.raises(InvalidToken):
            await app.authenticate()(phone.token)  # old sessions stay closed
        again = await app.log_in()(Credentials("jake@x.io", "password123"))
        assert (await app.authenticate()(again.token)).role is Role.USER

    async def test_lists_users_with_search_and_the_audit_trail(self, app: Container) -> None:
        admin = await with_role(app, "boss", Role.ADMIN)
        for name in ("alice", "alina", "bob"):
            await sign_up(app, name)
        page = await app.list_users()(admin, "ALI", Page())
        assert sorted(u.username for u in page.users) == ["alice", "alina"]
        assert page.count == 2
        assert (await app.list_users()(admin, None, Page(limit=1))).count == 4

        await app.suspend_user()(admin, "bob", "spam")
        audit = await app.list_audit()(admin, Page(limit=1))
        assert [(e.actor, e.action, e.target) for e in audit.entries] == [
            ("boss", "user.suspend", "user:bob")
        ]
        assert audit.count == 2  # the CLI made boss an admin first

    @pytest.mark.parametrize("role", [Role.USER, Role.MODERATOR])
    async def test_everyone_else_is_refused(self, app: Container, role: Role) -> None:
        someone = await with_role(app, "someone", role)
        await sign_up(app, "jake")
        calls = [
            app.list_users()(someone, None, Page()),
            app.list_audit()(someone, Page()),
            app.change_role()(someone, "jake", "admin"),
            app.suspend_user()(someone, "jake"),
            app.unsuspend_user()(someone, "jake"),
        ]
        for call in calls:
            with pytest.raises(Forbidden):
                await call

    async def test_the_operator_is_audited_by_name(
        self, app: Container, store: InMemoryStore
    ) -> None:
        await sign_up(app, "jake")
        await app.suspend_user()(OPERATOR, "jake", "from the console")
        record = max(store.audit.values(), key=lambda r: r.id or 0)
        assert (record.actor, record.actor_id) == ("cli:root", None)
