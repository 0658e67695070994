"""API7:2023 Server Side Request Forgery: the server never fetches a URL a client gives."""

import asyncio

import pytest

from tests.http.conftest import Client, auth, sign_up


@pytest.mark.parametrize(
    "image", ["file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "javascript:alert(1)"]
)
async def test_only_http_image_urls_are_accepted(client: Client, image: str) -> None:
    token = (await sign_up(client, "jake"))["token"]
    response = await client.put("/api/user", headers=auth(token), json={"user": {"image": image}})
    assert (response.status_code, list(response.json()["errors"])) == (422, ["image"])


async def test_an_image_url_is_stored_never_fetched(client: Client) -> None:
    connections = 0

    async def count(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        writer.close()

    server = await asyncio.start_server(count, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        token = (await sign_up(client, "jake"))["token"]
        image = f"http://127.0.0.1:{port}/internal"
        await client.put("/api/user", headers=auth(token), json={"user": {"image": image}})
        await client.get("/api/profiles/jake")
        await asyncio.sleep(0.2)
    finally:
        server.close()
        await server.wait_closed()
    assert connections == 0
