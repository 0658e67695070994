"""Whatever the body, the answer is a 4xx in the RealWorld error shape, never a 500."""

import pytest

from tests.http.conftest import Client

DEEP = 100_000  # far past any decoder's recursion limit, and still under the body size limit


@pytest.mark.parametrize(
    ("body", "status", "errors"),
    [
        (b"{not json", 400, {"body": ["is not valid JSON"]}),
        (b'{"user": {"email": "a"', 400, {"body": ["is not valid JSON"]}),
        (b'{"user": {}} {}', 400, {"body": ["is not valid JSON"]}),
        (b'"\xff\xfe"', 400, {"body": ["is not valid JSON"]}),
        (
            b'{"user": {"email": "jake@x.io\xff", "password": "x"}}',
            400,
            {"body": ["is not valid JSON"]},
        ),
        (b'{"user": {"email": 1' + b"0" * 5000 + b"}}", 400, {"body": ["is not valid JSON"]}),
        (b"[" * DEEP + b"]" * DEEP, 400, {"body": ["is nested too deeply"]}),
        (
            b'{"user": {"bio": ' + b'{"a": ' * DEEP + b"1" + b"}" * DEEP + b"}}",
            400,
            {"body": ["is nested too deeply"]},
        ),
        (b"", 422, {"body": ["can't be blank"]}),
        (b"[]", 422, {"body": ["must be an object"]}),
        (b'"jake"', 422, {"body": ["must be an object"]}),
        (b"42", 422, {"body": ["must be an object"]}),
        (b"null", 422, {"body": ["must be an object"]}),
        (b"{}", 422, {"user": ["can't be blank"]}),
        (b'{"user": null}', 422, {"user": ["must be an object, not null"]}),
        (b'{"user": "jake"}', 422, {"user": ["must be an object"]}),
        (b'{"user": {"email": ["a"], "password": "x"}}', 422, {"email": ["must be a string"]}),
    ],
)
async def test_bad_bodies_get_a_clear_error(
    client: Client, body: bytes, status: int, errors: dict[str, list[str]]
) -> None:
    response = await client.post(
        "/api/users/login", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == status
    assert response.json() == {"errors": errors}


async def test_unknown_route_is_404_in_the_error_shape(client: Client) -> None:
    response = await client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json() == {"errors": {"route": ["not found"]}}


async def test_wrong_method_is_405_in_the_error_shape(client: Client) -> None:
    response = await client.delete("/api/users/login")
    assert response.status_code == 405
    assert list(response.json()["errors"]) == ["request"]


async def test_fields_a_client_may_not_set_are_ignored(client: Client) -> None:
    response = await client.post(
        "/api/users",
        json={
            "user": {
                "username": "jake",
                "email": "jake@x.io",
                "password": "password123",
                "id": "00000000-0000-0000-0000-000000000000",
                "token": "forged",
                "createdAt": "2000-01-01T00:00:00.000Z",
            }
        },
    )
    assert response.status_code == 201
    assert response.json()["user"]["token"] != "forged"
