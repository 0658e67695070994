"""API5:2023 Broken Function Level Authorization: administrative functions refuse everyone
but administrators, including routes added later."""

import pytest

from entrypoints.container import Container
from tests.http.conftest import Client, auth, make, sign_up


@pytest.mark.parametrize("role", ["user", "moderator"])
async def test_every_documented_admin_operation_refuses_non_admins(
    client: Client, console: Container, role: str
) -> None:
    token = (await sign_up(client, "someone"))["token"]
    if role != "user":
        await make(console, "someone", role)
    await sign_up(client, "target")
    document = (await client.get("/schema/openapi.json")).json()
    operations = [
        (method.upper(), path)
        for path, item in document["paths"].items()
        if path.startswith("/api/admin")
        for method in item
    ]
    assert len(operations) >= 5
    for method, path in operations:
        concrete = path.replace("{username}", "target")
        response = await client.request(
            method, concrete, headers=auth(token), json={"role": "admin"}
        )
        assert response.status_code == 403, (method, path)
        assert response.json() == {"errors": {"admin": ["forbidden"]}}
