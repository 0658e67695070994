"""Usernames, e-mails and tags have one canonical form: whatever a client sends, the same
account or tag is found, and what merely looks like another name is refused."""

from urllib.parse import quote

import pytest

from tests.http.conftest import Client, auth, register


def fullwidth(ascii_text: str) -> str:
    """ASCII letters as their fullwidth forms, which NFKC folds back to ASCII."""
    return "".join(chr(ord(ch) + 0xFEE0) for ch in ascii_text)


def new_user(username: str, email: str | None = None) -> dict[str, object]:
    email = email or "someone@example.com"
    return {"user": {"username": username, "email": email, "password": "password123"}}


async def test_a_name_whose_lower_case_differs_between_python_and_postgresql_has_a_profile(
    client: Client,
) -> None:
    response = await client.post("/api/users", json=new_user("İvan"))
    assert response.status_code == 201, response.text

    for spelling in ("İvan", "İVAN"):
        profile = await client.get(f"/api/profiles/{quote(spelling)}")
        assert profile.status_code == 200, spelling
        assert profile.json()["profile"]["username"] == "İvan"
    articles = await client.get("/api/articles", params={"author": "İvan"})
    assert articles.status_code == 200


@pytest.mark.parametrize(
    ("username", "message"),
    [
        (".", "can't be made of dots only"),
        ("..", "can't be made of dots only"),
        ("...", "can't be made of dots only"),
        ("\u0430lice", "can't mix scripts"),  # Cyrillic a, then Latin
        ("ali\u200bce", "can't contain invisible or bidirectional control characters"),
        ("alice\u202e", "can't contain invisible or bidirectional control characters"),
        ("\u3164", "can't contain invisible or bidirectional control characters"),
    ],
)
async def test_names_that_break_urls_or_imitate_others_are_refused(
    client: Client, username: str, message: str
) -> None:
    response = await client.post("/api/users", json=new_user(username))
    assert response.status_code == 422
    assert response.json() == {"errors": {"username": [message]}}


@pytest.mark.parametrize("email", ["ali\u200bce@example.com", "alice@exa\u2066mple.com"])
async def test_emails_with_invisible_characters_are_refused(client: Client, email: str) -> None:
    response = await client.post("/api/users", json=new_user("alice", email))
    assert response.status_code == 422
    assert response.json() == {
        "errors": {"email": ["can't contain invisible or bidirectional control characters"]}
    }


@pytest.mark.parametrize(
    ("username", "email"),
    [
        ("alice", "someone-else@example.com"),
        (fullwidth("ALICE"), "someone-else@example.com"),
        ("bob", "ALICE@EXAMPLE.COM"),
        ("bob", fullwidth("alice") + "@example.com"),
    ],
)
async def test_names_and_emails_equal_but_for_case_or_width_are_taken(
    client: Client, username: str, email: str
) -> None:
    first = await client.post("/api/users", json=new_user("Alice", "alice@example.com"))
    assert first.status_code == 201
    response = await client.post("/api/users", json=new_user(username, email))
    assert response.status_code == 409
    field = "username" if username != "bob" else "email"
    assert response.json() == {"errors": {field: ["has already been taken"]}}


async def test_a_fullwidth_email_signs_in_to_the_account(client: Client) -> None:
    await client.post("/api/users", json=new_user("alice", "alice@example.com"))
    response = await client.post(
        "/api/users/login",
        json={"user": {"email": fullwidth("ALICE") + "@example.com", "password": "password123"}},
    )
    assert response.status_code == 200


async def test_tags_with_invisible_characters_are_refused_and_width_variants_are_one_tag(
    client: Client,
) -> None:
    token = await register(client)
    article = {"title": "t", "description": "d", "body": "b"}
    refused = await client.post(
        "/api/articles",
        headers=auth(token),
        json={"article": {**article, "tagList": ["drag\u200bons"]}},
    )
    assert refused.status_code == 422
    assert refused.json() == {
        "errors": {
            "tagList": ["can't contain a tag with invisible or bidirectional control characters"]
        }
    }

    created = await client.post(
        "/api/articles",
        headers=auth(token),
        json={"article": {**article, "tagList": [fullwidth("dragons"), "dragons"]}},
    )
    assert created.status_code == 201
    assert created.json()["article"]["tagList"] == ["dragons"]
    found = await client.get("/api/articles", params={"tag": fullwidth("dragons")})
    assert found.json()["articlesCount"] == 1
