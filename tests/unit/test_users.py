"""The user aggregate's own rules (`domain.users`), with no I/O."""

from datetime import UTC, datetime, timedelta

from domain.roles import Role
from domain.users import User
from domain.values import Bio, Email, ImageUrl, Username

T0 = datetime(2026, 3, 4, 5, 6, 7, 891000, tzinfo=UTC)


def jake() -> User:
    user = User.register(username="jake", email="jake@x.io", password_hash="$argon2id$x", now=T0)
    user.bio, user.image = "Dragons", "https://x.io/j.png"
    return user


class TestUpdateProfile:
    def test_replaces_each_field_given_and_keeps_the_keys_in_step(self) -> None:
        user = jake()
        user.update_profile(
            now=T0 + timedelta(seconds=1),
            username=Username("Jacob"),
            email=Email("JACOB@x.io"),
            password_hash="$argon2id$y",
            bio=Bio("Knights"),
            image=ImageUrl("https://x.io/k.png"),
        )
        assert (user.username, user.username_key) == ("Jacob", "jacob")
        assert (user.email, user.email_key) == ("JACOB@x.io", "jacob@x.io")
        assert user.password_hash == "$argon2id$y"
        assert (user.bio, user.image) == ("Knights", "https://x.io/k.png")

    def test_leaves_a_field_not_given_as_it_is(self) -> None:
        user = jake()
        user.update_profile(now=T0, bio=Bio("Knights"))
        assert (user.username, user.email, user.password_hash, user.image) == (
            "jake",
            "jake@x.io",
            "$argon2id$x",
            "https://x.io/j.png",
        )

    def test_an_empty_bio_or_image_clears_it(self) -> None:
        user = jake()
        user.update_profile(now=T0, bio=Bio(""), image=ImageUrl(None))
        assert (user.bio, user.image) == (None, None)

    def test_the_account_is_modified_even_when_nothing_differs(self) -> None:
        user = jake()
        user.update_profile(now=T0 + timedelta(seconds=5))
        assert user.updated_at == T0 + timedelta(seconds=5)
        # Within the same millisecond, the next modification is still later.
        user.update_profile(now=T0 + timedelta(seconds=5))
        assert user.updated_at == T0 + timedelta(seconds=5, milliseconds=1)
        assert user.created_at == T0


class TestChangeRole:
    def test_a_new_role_is_a_change(self) -> None:
        user = jake()
        assert user.change_role(Role.MODERATOR) is True
        assert user.role is Role.MODERATOR

    def test_the_role_the_account_has_is_no_change(self) -> None:
        user = jake()
        user.change_role(Role.ADMIN)
        assert user.change_role(Role.ADMIN) is False
        assert user.role is Role.ADMIN


class TestSuspension:
    def test_suspending_again_keeps_the_first_moment(self) -> None:
        user = jake()
        user.suspend(T0 + timedelta(seconds=1))
        user.suspend(T0 + timedelta(seconds=2))
        assert user.suspended and user.suspended_at == T0 + timedelta(seconds=1)

    def test_unsuspending_an_account_not_suspended_changes_nothing(self) -> None:
        user = jake()
        user.unsuspend()
        assert not user.suspended
        user.suspend(T0)
        user.unsuspend()
        assert not user.suspended and user.suspended_at is None
