"""API8:2023 Security Misconfiguration: safe headers everywhere, CORS and hosts by
allow-list, errors that reveal nothing."""

from dependency_injector import providers

from application.tags.list import ListTags
from entrypoints.container import Container
from entrypoints.settings import Settings
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


DISCOVERY = "/.well-known/openid-configuration"
REFUSED_HOST = (400, {"errors": {"host": ["is not allowed"]}})


async def test_a_forged_host_is_refused_and_never_published(client_with: ClientWith) -> None:
    defaults = Settings.from_env({})
    async with client_with(allowed_hosts=defaults.allowed_hosts) as client:
        for forged in (
            "evil.example",
            "evil.example:8000",
            "localhost.evil.example",
            "evil.example@127.0.0.1",
            "127.0.0.1:8000x",
            "[::1]evil",
            "",
        ):
            response = await client.get(DISCOVERY, headers={"Host": forged})
            assert (response.status_code, response.json()) == REFUSED_HOST, forged
            assert "evil" not in response.text
        api = await client.get("/api/tags", headers={"Host": "evil.example"})
        assert (api.status_code, api.json()) == REFUSED_HOST
        for local in ("localhost", "127.0.0.1:8000", "[::1]:8000"):
            published = (await client.get(DISCOVERY, headers={"Host": local})).json()
            assert published["jwks_uri"] == f"http://{local}/.well-known/jwks.json"


async def test_allowed_hosts_take_subdomain_wildcards_and_spare_health_checks(
    client_with: ClientWith,
) -> None:
    async with client_with(allowed_hosts=("*.example.com",)) as client:
        for host, status in (
            ("api.example.com", 200),
            ("API.Example.com:443", 200),
            ("example.com", 400),
            ("evilexample.com", 400),
            ("api.example.com.evil.io", 400),
        ):
            assert (await client.get("/api/tags", headers={"Host": host})).status_code == status
        # load balancers probe a worker by its address
        probe = await client.get("/health/live", headers={"Host": "10.0.0.7:8000"})
        assert probe.status_code == 200


async def test_published_urls_come_from_the_public_url_when_set(client_with: ClientWith) -> None:
    async with client_with(
        allowed_hosts=("api.example.com", "10.0.0.7"), public_url="https://api.example.com"
    ) as client:
        published = (await client.get(DISCOVERY, headers={"Host": "10.0.0.7"})).json()
        assert published["jwks_uri"] == "https://api.example.com/.well-known/jwks.json"


async def test_a_500_shows_only_a_request_id(client: Client, container: Container) -> None:
    class Broken(ListTags):
        async def __call__(self) -> list[str]:
            raise RuntimeError("SELECT secret FROM internals -- /srv/conduit/app.py line 7")

    container.list_tags.override(providers.Object(Broken(container.tag_queries())))
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
