"""API9:2023 Improper Inventory Management: what is served is what is documented."""

from litestar import Litestar

from tests.http.conftest import Client


async def test_every_served_route_is_documented_and_nothing_else_is_served(
    client: Client,
) -> None:
    app = client.app
    assert isinstance(app, Litestar)
    assert app.debug is False
    served = {
        (method, route.path_format)
        for route in app.routes
        for method in getattr(route, "methods", ())
        if method not in ("HEAD", "OPTIONS") and not route.path.startswith("/schema")
    }
    document = (await client.get("/schema/openapi.json")).json()
    documented = {
        (method.upper(), path) for path, item in document["paths"].items() for method in item
    }
    assert served == documented
    assert document["info"]["version"]
