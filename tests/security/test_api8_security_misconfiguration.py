"""API8:2023 Security Misconfiguration: safe headers everywhere, CORS by allow-list,
errors that reveal nothing."""

from dependency_injector import providers

from application.tags.list import ListTags
from entrypoints.container import Container
from tests.http.conftest import Client, auth, sign_up
from tests.security.conftest import ClientWith

SAFE = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


async def test_every_response_carries_the_safe_headers(client: Client) -> None:
    token = (await sign_up(client, "jake"))["token"]
    responses = [
        await client.get("/api/tags"),
        await client.get("/api/no-such-route"),
        await client.post(
            "/api/users", content=b"{oops", headers={"Content-Type": "application/json"}
        ),
        await client.get("/health/live"),
        await client.get("/api/user", headers=auth(token)),
    ]
    for response in responses:
        assert {k: response.headers.get(k) for k in SAFE} == SAFE, response.url
        assert "strict-transport-security" not in response.headers
    assert responses[-1].headers["cache-control"] == "no-store"
    assert "no-store" not in responses[0].headers.get("cache-control", "")


async def test_responses_that_carry_tokens_are_not_stored(client: Client) -> None:
    """Sign-up, sign-in and refresh answer with tokens to an unauthenticated request: no
    cache along the way may keep them."""
    user = await sign_up(client, "jake")
    login = {"user": {"email": "jake@example.com", "password": "password123"}}
    responses = {
        "register": await client.post(
            "/api/users",
            json={"user": {"username": "rose", "email": "rose@x.io", "password": "password123"}},
        ),
        "login": await client.post("/api/users/login", json=login),
        "refresh": await client.post(
            "/api/users/refresh", json={"refreshToken": user["refreshToken"]}
        ),
    }
    for name, response in responses.items():
        assert response.status_code in (200, 201), name
        assert "token" in response.json()["user"], name
        assert response.headers.get("cache-control") == "no-store", name


async def test_hsts_when_switched_on(client_with: ClientWith) -> None:
    async with client_with(hsts=True) as client:
        response = await client.get("/api/tags")
        assert response.headers["strict-transport-security"].startswith("max-age=")


async def test_cors_admits_listed_origins_only_and_never_credentials(
    client_with: ClientWith,
) -> None:
    async with client_with(
        cors_origins=("http://localhost:*", "https://app.example.com")
    ) as client:
        for origin in ("http://localhost:4100", "https://app.example.com"):
            preflight = await client.options(
                "/api/articles",
                headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
            )
            assert preflight.headers["access-control-allow-origin"] == origin
            assert "access-control-allow-credentials" not in preflight.headers
        evil = await client.get("/api/tags", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in evil.headers


async def test_a_500_shows_only_a_request_id(client: Client, container: Container) -> None:
    class Broken(ListTags):
        async def __call__(self) -> list[str]:
            raise RuntimeError("SELECT secret FROM internals -- /srv/conduit/app.py line 7")

    container.list_tags.override(providers.Object(Broken(container.queries())))
    response = await client.get("/api/tags", headers={"X-Request-ID": "trace-me-42"})
    assert response.status_code == 500
    assert response.json() == {"errors": {"server": ["internal error, request id trace-me-42"]}}
    assert response.headers["x-request-id"] == "trace-me-42"
    for leak in ("RuntimeError", "SELECT", "Traceback", "app.py"):
        assert leak not in response.text


async def test_request_ids_are_echoed_when_well_formed_and_replaced_otherwise(
    client: Client,
) -> None:
    kept = await client.get("/api/tags", headers={"X-Request-ID": "abc-123"})
    assert kept.headers["x-request-id"] == "abc-123"
    replaced = await client.get("/api/tags", headers={"X-Request-ID": "bad id <script>"})
    assert replaced.headers["x-request-id"] not in ("", "bad id <script>")
    fresh = await client.get("/api/tags")
    assert len(fresh.headers["x-request-id"]) == 32


async def test_characters_the_database_cannot_store_are_4xx_never_500(client: Client) -> None:
    """Found by Schemathesis: a NUL in a filter or a field used to reach PostgreSQL."""
    token = (await sign_up(client, "jake"))["token"]
    responses = {
        "filter": await client.get("/api/articles?favorited=%00x&tag=a%00"),
        "path": await client.get("/api/profiles/ja%00ke"),
        "login": await client.post(
            "/api/users/login", json={"user": {"email": "j\u0000@x.io", "password": "x"}}
        ),
        "title": await client.post(
            "/api/articles",
            headers=auth(token),
            json={"article": {"title": "a\u0000b", "description": "d", "body": "b"}},
        ),
        "bio": await client.put("/api/user", headers=auth(token), json={"user": {"bio": "\u0000"}}),
    }
    assert {name: r.status_code for name, r in responses.items()} == {
        "filter": 422,
        "path": 422,
        "login": 422,
        "title": 422,
        "bio": 422,
    }
    assert responses["title"].json() == {"errors": {"title": ["can't contain NUL characters"]}}
    assert responses["bio"].json() == {"errors": {"bio": ["can't contain NUL characters"]}}
