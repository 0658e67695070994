"""Articles, favorites, comments, profiles and tags through HTTP, against PostgreSQL."""

import re
from typing import Any

import pytest

from tests.http.conftest import Client, auth, register
from tests.races import delete_after_next_load

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
ARTICLE: dict[str, Any] = {
    "article": {
        "title": "How to train your dragon",
        "description": "Ever wonder how?",
        "body": "You have to believe",
        "tagList": ["training", "dragons"],
    }
}


async def create(client: Client, token: str, body: dict[str, Any] = ARTICLE) -> str:
    response = await client.post("/api/articles", headers=auth(token), json=body)
    assert response.status_code == 201, response.text
    slug: str = response.json()["article"]["slug"]
    return slug


async def test_article_lifecycle(client: Client) -> None:
    jake = await register(client, "jake")
    response = await client.post("/api/articles", headers=auth(jake), json=ARTICLE)
    assert response.status_code == 201
    article = response.json()["article"]
    assert article["slug"] == "how-to-train-your-dragon"
    assert article["tagList"] == ["dragons", "training"]
    assert TIMESTAMP.match(article["createdAt"]) and article["createdAt"] == article["updatedAt"]
    assert article["author"] == {"username": "jake", "bio": None, "image": None, "following": False}
    assert (article["favorited"], article["favoritesCount"]) == (False, 0)

    listed = (await client.get("/api/articles")).json()
    assert listed["articlesCount"] == 1
    assert "body" not in listed["articles"][0]
    assert listed["articles"][0]["slug"] == article["slug"]

    updated = await client.put(
        f"/api/articles/{article['slug']}", headers=auth(jake), json={"article": {"body": "New"}}
    )
    assert updated.status_code == 200
    assert updated.json()["article"]["body"] == "New"
    assert updated.json()["article"]["createdAt"] == article["createdAt"]
    assert updated.json()["article"]["updatedAt"] > article["updatedAt"]

    deleted = await client.delete(f"/api/articles/{article['slug']}", headers=auth(jake))
    assert (deleted.status_code, deleted.content) == (204, b"")
    missing = await client.get(f"/api/articles/{article['slug']}")
    assert missing.status_code == 404
    assert missing.json() == {"errors": {"article": ["not found"]}}


async def test_update_tag_list_rules(client: Client) -> None:
    jake = await register(client, "jake")
    slug = await create(client, jake)
    path = f"/api/articles/{slug}"
    kept = await client.put(path, headers=auth(jake), json={"article": {"title": "T2"}})
    assert kept.json()["article"]["tagList"] == ["dragons", "training"]
    null = await client.put(path, headers=auth(jake), json={"article": {"tagList": None}})
    assert null.status_code == 422
    assert null.json() == {"errors": {"tagList": ["must be a list, not null"]}}
    cleared = await client.put(path, headers=auth(jake), json={"article": {"tagList": []}})
    assert cleared.json()["article"]["tagList"] == []
    assert (await client.get("/api/tags")).json() == {"tags": []}


async def test_fields_a_client_may_not_set_are_ignored(client: Client) -> None:
    jake = await register(client, "jake")
    body = {
        "article": {
            **ARTICLE["article"],
            "slug": "chosen",
            "favoritesCount": 99,
            "favorited": True,
            "author": {"username": "celeb"},
            "createdAt": "2000-01-01T00:00:00.000Z",
        }
    }
    article = (await client.post("/api/articles", headers=auth(jake), json=body)).json()["article"]
    assert article["slug"] == "how-to-train-your-dragon"
    assert (article["favoritesCount"], article["favorited"]) == (0, False)
    assert article["author"]["username"] == "jake"
    assert not article["createdAt"].startswith("2000")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", "/api/articles/unknown"),
        ("DELETE", "/api/articles/unknown"),
        ("POST", "/api/articles/unknown/favorite"),
        ("DELETE", "/api/articles/unknown/favorite"),
        ("POST", "/api/articles/unknown/comments"),
        ("DELETE", "/api/articles/unknown/comments/1"),
        ("GET", "/api/articles/feed"),
        ("POST", "/api/profiles/unknown/follow"),
        ("DELETE", "/api/profiles/unknown/follow"),
    ],
)
async def test_authentication_is_checked_before_existence(
    client: Client, method: str, path: str
) -> None:
    response = await client.request(method, path, json={"article": {"body": "x"}})
    assert response.status_code == 401
    assert response.json() == {"errors": {"token": ["is missing"]}}


@pytest.mark.parametrize(
    "path", ["/api/articles", "/api/articles/x", "/api/profiles/x", "/api/tags"]
)
async def test_a_bad_token_on_a_public_route_is_still_refused(client: Client, path: str) -> None:
    response = await client.get(path, headers={"Authorization": "Token forged"})
    if path == "/api/tags":
        assert response.status_code == 200  # no identity needed, none checked
    else:
        assert response.status_code == 401
        assert response.json() == {"errors": {"token": ["invalid"]}}


async def test_only_authors_change_their_work(client: Client) -> None:
    jake = await register(client, "jake")
    celeb = await register(client, "celeb")
    slug = await create(client, jake)
    comment = await client.post(
        f"/api/articles/{slug}/comments", headers=auth(jake), json={"comment": {"body": "Mine"}}
    )
    comment_id = comment.json()["comment"]["id"]

    put = await client.put(
        f"/api/articles/{slug}", headers=auth(celeb), json={"article": {"body": "x"}}
    )
    assert (put.status_code, put.json()) == (403, {"errors": {"article": ["forbidden"]}})
    delete = await client.delete(f"/api/articles/{slug}", headers=auth(celeb))
    assert (delete.status_code, delete.json()) == (403, {"errors": {"article": ["forbidden"]}})
    delete_comment = await client.delete(
        f"/api/articles/{slug}/comments/{comment_id}", headers=auth(celeb)
    )
    assert delete_comment.status_code == 403
    assert delete_comment.json() == {"errors": {"comment": ["forbidden"]}}
    comments = (await client.get(f"/api/articles/{slug}/comments")).json()["comments"]
    assert [c["body"] for c in comments] == ["Mine"]


async def test_favorites_follows_and_feed(client: Client) -> None:
    jake = await register(client, "jake")
    celeb = await register(client, "celeb")
    slug = await create(client, celeb)

    favorite = await client.post(
        f"/api/articles/{slug}/favorite", headers=auth(jake), json={"x": 1}
    )
    assert favorite.status_code == 200
    assert (
        favorite.json()["article"]["favorited"],
        favorite.json()["article"]["favoritesCount"],
    ) == (True, 1)
    favorited = (await client.get("/api/articles?favorited=jake")).json()
    assert [a["slug"] for a in favorited["articles"]] == [slug]

    empty_feed = (await client.get("/api/articles/feed", headers=auth(jake))).json()
    assert empty_feed == {"articles": [], "articlesCount": 0}
    follow = await client.post(
        "/api/profiles/celeb/follow", headers=auth(jake), json={"user": {"email": "ignored"}}
    )
    assert follow.status_code == 200
    assert follow.json() == {
        "profile": {"username": "celeb", "bio": None, "image": None, "following": True}
    }
    feed = (await client.get("/api/articles/feed?limit=1", headers=auth(jake))).json()
    assert feed["articlesCount"] == 1
    assert feed["articles"][0]["author"]["following"] is True
    assert feed["articles"][0]["favorited"] is True

    unfollow = await client.delete("/api/profiles/celeb/follow", headers=auth(jake))
    assert (unfollow.status_code, unfollow.json()["profile"]["following"]) == (200, False)
    unfavorite = await client.delete(f"/api/articles/{slug}/favorite", headers=auth(jake))
    assert unfavorite.json()["article"]["favoritesCount"] == 0


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("POST", "/favorite", None),
        ("POST", "/comments", {"comment": {"body": "First!"}}),
        ("PUT", "", {"article": {"body": "Too late"}}),
    ],
)
async def test_writing_to_an_article_deleted_meanwhile_is_404(
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
    method: str,
    suffix: str,
    body: dict[str, Any] | None,
) -> None:
    jake = await register(client, "jake")
    slug = await create(client, jake)
    delete_after_next_load(monkeypatch)  # as the author deletes it in another request

    response = await client.request(
        method, f"/api/articles/{slug}{suffix}", headers=auth(jake), json=body
    )
    assert response.status_code == 404, response.text
    assert response.json() == {"errors": {"article": ["not found"]}}


async def test_comments(client: Client) -> None:
    jake = await register(client, "jake")
    slug = await create(client, jake)
    posted = await client.post(
        f"/api/articles/{slug}/comments",
        headers=auth(jake),
        json={"comment": {"body": "Thank you!"}},
    )
    assert posted.status_code == 201
    comment = posted.json()["comment"]
    assert isinstance(comment["id"], int)
    assert TIMESTAMP.match(comment["createdAt"]) and TIMESTAMP.match(comment["updatedAt"])
    assert comment["author"]["username"] == "jake"

    blank = await client.post(
        f"/api/articles/{slug}/comments", headers=auth(jake), json={"comment": {"body": ""}}
    )
    assert (blank.status_code, blank.json()) == (422, {"errors": {"body": ["can't be blank"]}})
    missing = await client.delete(f"/api/articles/{slug}/comments/99999", headers=auth(jake))
    assert (missing.status_code, missing.json()) == (404, {"errors": {"comment": ["not found"]}})
    deleted = await client.delete(
        f"/api/articles/{slug}/comments/{comment['id']}", headers=auth(jake)
    )
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert (await client.get(f"/api/articles/{slug}/comments")).json() == {"comments": []}


async def test_profiles(client: Client) -> None:
    await register(client, "jake")
    profile = await client.get("/api/profiles/jake")
    assert profile.json() == {
        "profile": {"username": "jake", "bio": None, "image": None, "following": False}
    }
    missing = await client.get("/api/profiles/nobody")
    assert (missing.status_code, missing.json()) == (404, {"errors": {"profile": ["not found"]}})


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("limit=abc", {"limit": ["must be an integer"]}),
        ("limit=0", {"limit": ["must be at least 1"]}),
        ("limit=101", {"limit": ["must be at most 100"]}),
        ("offset=-1", {"offset": ["must be at least 0"]}),
        ("offset=1.5", {"offset": ["must be an integer"]}),
        ("offset=99999999999999999999", {"offset": ["must be at most 2147483647"]}),
    ],
)
async def test_bad_paging_is_422_naming_the_field(
    client: Client, query: str, errors: dict[str, list[str]]
) -> None:
    response = await client.get(f"/api/articles?{query}")
    assert (response.status_code, response.json()) == (422, {"errors": errors})


@pytest.mark.parametrize(
    ("article", "errors"),
    [
        ({"title": "", "description": "d", "body": "b"}, {"title": ["can't be blank"]}),
        ({"title": "t", "description": "d"}, {"body": ["can't be blank"]}),
        ({"title": "t", "description": "d", "body": 5}, {"body": ["must be a string"]}),
        (
            {"title": "t", "description": "d", "body": "b", "tagList": "x"},
            {"tagList": ["must be a list"]},
        ),
        (
            {"title": "t", "description": "d", "body": "b", "tagList": [1]},
            {"tagList": ["must be a string"]},
        ),
        (
            {"title": "t" * 201, "description": "d", "body": "b"},
            {"title": ["is too long (maximum is 200 characters)"]},
        ),
    ],
)
async def test_invalid_articles_are_422(
    client: Client, article: dict[str, object], errors: dict[str, list[str]]
) -> None:
    jake = await register(client, "jake")
    response = await client.post("/api/articles", headers=auth(jake), json={"article": article})
    assert (response.status_code, response.json()) == (422, {"errors": errors})
    assert (await client.get("/api/articles")).json()["articlesCount"] == 0


async def test_empty_filters_filter_nothing(client: Client) -> None:
    jake = await register(client, "jake")
    await create(client, jake)
    listed = (await client.get("/api/articles?tag=&author=&favorited=")).json()
    assert listed["articlesCount"] == 1


@pytest.mark.parametrize("comment_id", ["0", "-5", "99999999999999999999"])
async def test_out_of_range_comment_ids_are_422(client: Client, comment_id: str) -> None:
    jake = await register(client, "jake")
    slug = await create(client, jake)
    response = await client.delete(
        f"/api/articles/{slug}/comments/{comment_id}", headers=auth(jake)
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["comment_id"]
