from application.errors import NotFound
from application.ports.queries import ProfileQueries
from application.principal import Principal
from application.profiles.views import ProfileView


class GetProfile:
    def __init__(self, profiles: ProfileQueries) -> None:
        self._profiles = profiles

    async def __call__(self, username: str, viewer: Principal | None) -> ProfileView:
        viewer_id = viewer.user_id if viewer else None
        profile = await self._profiles.profile(username, viewer_id=viewer_id)
        if profile is None:
            raise NotFound("profile")
        return profile
