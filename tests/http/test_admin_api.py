from entrypoints.container import Container
from tests.http.conftest import Client, auth, make, sign_up


async def admin_token(client: Client, console: Container) -> str:
    token: str = (await sign_up(client, "boss"))["token"]
    await make(console, "boss", "admin")
    return token


async def test_users_listing_and_search(client: Client, console: Container) -> None:
    token = await admin_token(client, console)
    for name in ("alice", "alina", "bob"):
        await sign_up(client, name)
    response = await client.get("/api/admin/users?search=ALI&limit=1", headers=auth(token))
    assert response.status_code == 200
    body = response.json()
    assert body["usersCount"] == 2
    (user,) = body["users"]
    assert set(user) == {"username", "email", "role", "suspended", "createdAt"}
    assert user["username"] == "alina"
    assert (user["role"], user["suspended"]) == ("user", False)
    bad = await client.get("/api/admin/users?limit=0", headers=auth(token))
    assert (bad.status_code, bad.json()) == (422, {"errors": {"limit": ["must be at least 1"]}})


async def test_roles_suspension_and_the_audit_trail(client: Client, console: Container) -> None:
    token = await admin_token(client, console)
    jake = await sign_up(client, "jake")

    promoted = await client.put(
        "/api/admin/users/jake/role",
        headers=auth(token),
        json={"role": "moderator", "reason": "helps"},
    )
    assert promoted.json()["user"]["role"] == "moderator"
    unknown = await client.put(
        "/api/admin/users/jake/role", headers=auth(token), json={"role": "god"}
    )
    assert (unknown.status_code, list(unknown.json()["errors"])) == (422, ["role"])
    missing = await client.put(
        "/api/admin/users/nobody/role", headers=auth(token), json={"role": "user"}
    )
    assert (missing.status_code, missing.json()) == (404, {"errors": {"profile": ["not found"]}})

    suspended = await client.post("/api/admin/users/jake/suspend", headers=auth(token))
    assert suspended.json()["user"]["suspended"] is True
    assert (await client.get("/api/user", headers=auth(jake["token"]))).status_code == 401
    login = await client.post(
        "/api/users/login", json={"user": {"email": "jake@example.com", "password": "password123"}}
    )
    assert (login.status_code, login.json()) == (401, {"errors": {"credentials": ["invalid"]}})
    refresh = await client.post("/api/users/refresh", json={"refreshToken": jake["refreshToken"]})
    assert refresh.status_code in (401, 403)

    back = await client.post(
        "/api/admin/users/jake/unsuspend", headers=auth(token), json={"reason": "appeal"}
    )
    assert back.json()["user"]["suspended"] is False
    login = await client.post(
        "/api/users/login", json={"user": {"email": "jake@example.com", "password": "password123"}}
    )
    assert login.status_code == 200

    self_suspend = await client.post("/api/admin/users/boss/suspend", headers=auth(token))
    assert (self_suspend.status_code, self_suspend.json()) == (
        403,
        {"errors": {"username": ["can't be your own account"]}},
    )

    audit = (await client.get("/api/admin/audit", headers=auth(token))).json()
    assert [(e["actor"], e["action"], e["target"], e["reason"]) for e in audit["entries"][:3]] == [
        ("boss", "user.unsuspend", "user:jake", "appeal"),
        ("boss", "user.suspend", "user:jake", None),
        ("boss", "user.role user -> moderator", "user:jake", "helps"),
    ]
    assert audit["entries"][3]["actor"] == "cli:test"  # who made boss an admin
    assert audit["entriesCount"] == 4


async def test_a_moderators_deletion_is_audited_with_its_reason(
    client: Client, console: Container
) -> None:
    author = await sign_up(client, "author")
    article = await client.post(
        "/api/articles",
        headers=auth(author["token"]),
        json={"article": {"title": "Spam", "description": "d", "body": "b"}},
    )
    slug = article.json()["article"]["slug"]
    moderator = (await sign_up(client, "mod"))["token"]
    await make(console, "mod", "moderator")
    deleted = await client.delete(f"/api/articles/{slug}?reason=spam", headers=auth(moderator))
    assert deleted.status_code == 204

    token = await admin_token(client, console)
    entry = (await client.get("/api/admin/audit?limit=1", headers=auth(token))).json()["entries"]
    assert [(e["actor"], e["action"], e["target"], e["reason"]) for e in entry] == [
        ("cli:test", "user.role user -> admin", "user:boss", None)
    ]
    second = (await client.get("/api/admin/audit?limit=1&offset=1", headers=auth(token))).json()
    assert (second["entries"][0]["action"], second["entries"][0]["reason"]) == (
        "article.delete",
        "spam",
    )
