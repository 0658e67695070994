"""API1:2023 Broken Object Level Authorization: a user reaches only their own objects."""

from tests.http.conftest import Client, auth, sign_up


async def test_another_users_article_comment_and_session_are_out_of_reach(client: Client) -> None:
    owner = await sign_up(client, "owner")
    intruder = (await sign_up(client, "intruder"))["token"]
    article = await client.post(
        "/api/articles",
        headers=auth(owner["token"]),
        json={"article": {"title": "Mine", "description": "d", "body": "b"}},
    )
    slug = article.json()["article"]["slug"]
    comment = await client.post(
        f"/api/articles/{slug}/comments",
        headers=auth(owner["token"]),
        json={"comment": {"body": "c"}},
    )
    sessions = await client.get("/api/user/sessions", headers=auth(owner["token"]))
    owner_session = sessions.json()["sessions"][0]["id"]

    attempts = [
        ("PUT", f"/api/articles/{slug}", {"article": {"body": "x"}}, 403),
        ("DELETE", f"/api/articles/{slug}", None, 403),
        ("DELETE", f"/api/articles/{slug}/comments/{comment.json()['comment']['id']}", None, 403),
        ("DELETE", f"/api/user/sessions/{owner_session}", None, 404),
    ]
    for method, path, body, status in attempts:
        response = await client.request(method, path, headers=auth(intruder), json=body)
        assert response.status_code == status, (method, path)

    still = await client.get(f"/api/articles/{slug}")
    assert still.json()["article"]["body"] == "b"
    assert (await client.get("/api/user", headers=auth(owner["token"]))).status_code == 200
    assert len((await client.get(f"/api/articles/{slug}/comments")).json()["comments"]) == 1


async def test_favoriting_and_following_change_only_the_callers_own_state(client: Client) -> None:
    owner = (await sign_up(client, "owner"))["token"]
    fan = (await sign_up(client, "fan"))["token"]
    article = await client.post(
        "/api/articles",
        headers=auth(owner),
        json={"article": {"title": "T", "description": "d", "body": "b"}},
    )
    slug = article.json()["article"]["slug"]
    await client.post(f"/api/articles/{slug}/favorite", headers=auth(fan))
    await client.post("/api/profiles/owner/follow", headers=auth(fan))
    as_owner = (await client.get(f"/api/articles/{slug}", headers=auth(owner))).json()["article"]
    assert (as_owner["favorited"], as_owner["favoritesCount"]) == (False, 1)
    assert as_owner["author"]["following"] is False
