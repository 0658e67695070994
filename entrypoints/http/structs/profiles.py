from application.profiles.views import ProfileView
from entrypoints.http.structs import Wire


class Profile(Wire):
    username: str
    bio: str | None
    image: str | None
    following: bool

    @classmethod
    def of(cls, view: ProfileView) -> "Profile":
        return cls(username=view.username, bio=view.bio, image=view.image, following=view.following)


class ProfileResponse(Wire):
    profile: Profile

    @classmethod
    def of(cls, view: ProfileView) -> "ProfileResponse":
        return cls(profile=Profile.of(view))
