"""API3:2023 Broken Object Property Level Authorization: clients set only what they may,
and see only what they may."""

from tests.http.conftest import Client, auth, sign_up


async def test_mass_assignment_of_protected_fields_is_ignored(client: Client) -> None:
    response = await client.post(
        "/api/users",
        json={
            "user": {
                "username": "mallory",
                "email": "m@example.com",
                "password": "password123",
                "role": "admin",
                "suspended": False,
                "id": "00000000-0000-0000-0000-000000000001",
            }
        },
    )
    token = response.json()["user"]["token"]
    await client.put("/api/user", headers=auth(token), json={"user": {"role": "admin"}})
    assert (await client.get("/api/admin/audit", headers=auth(token))).status_code == 403

    article = await client.post(
        "/api/articles",
        headers=auth(token),
        json={
            "article": {
                "title": "T",
                "description": "d",
                "body": "b",
                "favoritesCount": 1000,
                "author": {"username": "someone"},
                "slug": "chosen",
            }
        },
    )
    created = article.json()["article"]
    assert (created["favoritesCount"], created["author"]["username"]) == (0, "mallory")
    assert created["slug"] == "t"


async def test_responses_carry_no_secrets_or_internal_fields(client: Client) -> None:
    user = await sign_up(client, "jake")
    texts = [
        (await client.get("/api/profiles/jake")).text,
        (await client.get("/api/user", headers=auth(user["token"]))).text,
        (await client.get("/api/user/sessions", headers=auth(user["token"]))).text,
    ]
    for text in texts:
        for secret in ("password", "argon2", "passwordHash", "password_hash", "digest", "role"):
            assert secret not in text
    assert "email" not in texts[0]  # a profile is public: no e-mail
