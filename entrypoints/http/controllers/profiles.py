from litestar import Controller, delete, get, post
from litestar.di import NamedDependency

from application.principal import Principal
from application.profiles.follow import FollowUser, UnfollowUser
from application.profiles.get import GetProfile
from entrypoints.http.openapi import AUTHENTICATED, OPTIONALLY_AUTHENTICATED, errors
from entrypoints.http.params import PathText
from entrypoints.http.structs.profiles import ProfileResponse


class ProfilesController(Controller):
    path = "/profiles/{username:str}"
    tags = ["Profile"]

    @get(
        "/", summary="Get a profile", security=OPTIONALLY_AUTHENTICATED, responses=errors(401, 404)
    )
    async def get_profile(
        self,
        username: PathText,
        viewer: NamedDependency[Principal | None],
        get_profile: NamedDependency[GetProfile],
    ) -> ProfileResponse:
        return ProfileResponse.of(await get_profile(username, viewer))

    @post(
        "/follow",
        status_code=200,
        summary="Follow a user",
        security=AUTHENTICATED,
        responses=errors(401, 403, 404),
    )
    async def follow(
        self,
        username: PathText,
        principal: NamedDependency[Principal],
        follow_user: NamedDependency[FollowUser],
    ) -> ProfileResponse:
        return ProfileResponse.of(await follow_user(principal, username))

    @delete(
        "/follow",
        status_code=200,
        summary="Unfollow a user",
        security=AUTHENTICATED,
        responses=errors(401, 404),
    )
    async def unfollow(
        self,
        username: PathText,
        principal: NamedDependency[Principal],
        unfollow_user: NamedDependency[UnfollowUser],
    ) -> ProfileResponse:
        return ProfileResponse.of(await unfollow_user(principal, username))
