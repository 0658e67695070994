"""Every route that needs a caller, for every kind of caller: the status they get."""

from dataclasses import dataclass
from itertools import count
from typing import Any

import pytest

from entrypoints.container import Container
from tests.http.conftest import OPERATOR, Client, auth, make, sign_up

ROLES = ["anonymous", "user", "moderator", "admin", "suspended"]
_names = count()


@dataclass
class World:
    """Someone else's article and comment, a user to administer, and the caller."""

    slug: str
    comment_id: int
    target: str
    token: str | None
    session_id: str


async def build(client: Client, console: Container, role: str) -> World:
    n = next(_names)
    author = await sign_up(client, f"author{n}")
    article = await client.post(
        "/api/articles",
        headers=auth(author["token"]),
        json={"article": {"title": f"Article {n}", "description": "d", "body": "b"}},
    )
    slug = article.json()["article"]["slug"]
    comment = await client.post(
        f"/api/articles/{slug}/comments",
        headers=auth(author["token"]),
        json={"comment": {"body": "c"}},
    )
    target = f"target{n}"
    await sign_up(client, target)

    caller = await sign_up(client, f"caller{n}")
    listed = await client.get("/api/user/sessions", headers=auth(caller["token"]))
    session_id = listed.json()["sessions"][0]["id"]
    if role in ("moderator", "admin"):
        await make(console, f"caller{n}", role)
    if role == "suspended":
        await console.suspend_user()(OPERATOR, f"caller{n}")
    return World(
        slug=slug,
        comment_id=comment.json()["comment"]["id"],
        target=target,
        token=None if role == "anonymous" else caller["token"],
        session_id=session_id,
    )


# route: (method, path template, JSON body, expected status per role)
OK, NO_CONTENT, FORBIDDEN, UNAUTHENTICATED = 200, 204, 403, 401
MEMBER = {"user": OK, "moderator": OK, "admin": OK}
ROUTES: dict[str, tuple[str, str, dict[str, Any] | None, dict[str, int]]] = {
    "current user": ("GET", "/api/user", None, MEMBER),
    "update user": ("PUT", "/api/user", {"user": {"bio": "hi"}}, MEMBER),
    "list sessions": ("GET", "/api/user/sessions", None, MEMBER),
    "revoke a session": (
        "DELETE",
        "/api/user/sessions/{session_id}",
        None,
        {"user": NO_CONTENT, "moderator": NO_CONTENT, "admin": NO_CONTENT},
    ),
    "log out": (
        "POST",
        "/api/users/logout",
        None,
        {"user": NO_CONTENT, "moderator": NO_CONTENT, "admin": NO_CONTENT},
    ),
    "follow": ("POST", "/api/profiles/{target}/follow", None, MEMBER),
    "unfollow": ("DELETE", "/api/profiles/{target}/follow", None, MEMBER),
    "feed": ("GET", "/api/articles/feed", None, MEMBER),
    "create article": (
        "POST",
        "/api/articles",
        {"article": {"title": "Mine", "description": "d", "body": "b"}},
        {"user": 201, "moderator": 201, "admin": 201},
    ),
    "edit someone else's article": (
        "PUT",
        "/api/articles/{slug}",
        {"article": {"body": "edited"}},
        {"user": FORBIDDEN, "moderator": FORBIDDEN, "admin": FORBIDDEN},
    ),
    "delete someone else's article": (
        "DELETE",
        "/api/articles/{slug}",
        None,
        {"user": FORBIDDEN, "moderator": NO_CONTENT, "admin": NO_CONTENT},
    ),
    "favorite": ("POST", "/api/articles/{slug}/favorite", None, MEMBER),
    "unfavorite": ("DELETE", "/api/articles/{slug}/favorite", None, MEMBER),
    "comment": (
        "POST",
        "/api/articles/{slug}/comments",
        {"comment": {"body": "hi"}},
        {"user": 201, "moderator": 201, "admin": 201},
    ),
    "delete someone else's comment": (
        "DELETE",
        "/api/articles/{slug}/comments/{comment_id}",
        None,
        {"user": FORBIDDEN, "moderator": NO_CONTENT, "admin": NO_CONTENT},
    ),
    "admin: list users": (
        "GET",
        "/api/admin/users",
        None,
        {"user": FORBIDDEN, "moderator": FORBIDDEN, "admin": OK},
    ),
    "admin: change a role": (
        "PUT",
        "/api/admin/users/{target}/role",
        {"role": "moderator"},
        {"user": FORBIDDEN, "moderator": FORBIDDEN, "admin": OK},
    ),
    "admin: suspend": (
        "POST",
        "/api/admin/users/{target}/suspend",
        {"reason": "test"},
        {"user": FORBIDDEN, "moderator": FORBIDDEN, "admin": OK},
    ),
    "admin: unsuspend": (
        "POST",
        "/api/admin/users/{target}/unsuspend",
        None,
        {"user": FORBIDDEN, "moderator": FORBIDDEN, "admin": OK},
    ),
    "admin: audit": (
        "GET",
        "/api/admin/audit",
        None,
        {"user": FORBIDDEN, "moderator": FORBIDDEN, "admin": OK},
    ),
}


@pytest.mark.parametrize("route", ROUTES)
async def test_route_by_role(client: Client, console: Container, route: str) -> None:
    method, template, body, expected = ROUTES[route]
    outcomes = {}
    for role in ROLES:
        world = await build(client, console, role)
        path = template.format(**vars(world))
        headers = auth(world.token) if world.token else {}
        response = await client.request(method, path, headers=headers, json=body)
        outcomes[role] = response.status_code
        if response.status_code == FORBIDDEN:
            assert list(response.json()["errors"].values()) == [["forbidden"]]
    assert outcomes == {
        "anonymous": UNAUTHENTICATED,
        "suspended": UNAUTHENTICATED,
        **expected,
    }
