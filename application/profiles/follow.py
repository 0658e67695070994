"""Following and unfollowing: both idempotent, both answer with the profile."""

from application.errors import Forbidden, NotFound
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from application.profiles.views import ProfileView


class _FollowToggle:
    follow: bool

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, principal: Principal, username: str) -> ProfileView:
        async with self._uow:
            followee = await self._uow.users.get_by_username(username)
            if followee is None:
                raise NotFound("profile")
            if self.follow:
                if followee.id == principal.user_id:
                    raise Forbidden("username", "can't be followed by its own account")
                await self._uow.follows.add(follower_id=principal.user_id, followee_id=followee.id)
            else:
                await self._uow.follows.remove(
                    follower_id=principal.user_id, followee_id=followee.id
                )
            await self._uow.commit()
            return ProfileView.of(followee, following=self.follow)


class FollowUser(_FollowToggle):
    """Following twice is the same as once; nobody follows themselves."""

    follow = True


class UnfollowUser(_FollowToggle):
    """Unfollowing someone not followed is no error."""

    follow = False
