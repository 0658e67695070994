"""What the OpenAPI document admits, the API accepts: each constraint is declared from the
definition the code checks, and what no schema can say is not a 422."""

from typing import Any

from domain import articles, values
from tests.http.conftest import Client, auth, register


async def schema_of(client: Client) -> dict[str, Any]:
    document: dict[str, Any] = (await client.get("/schema/openapi.json")).json()
    return document


async def test_body_fields_carry_the_domain_rules(client: Client) -> None:
    schemas = (await schema_of(client))["components"]["schemas"]
    new_user = schemas["NewUser"]["properties"]
    assert new_user["username"]["pattern"] == values.Username.PATTERN
    assert new_user["email"]["pattern"] == values.Email.PATTERN
    assert new_user["password"]["minLength"] == values.Password.MIN_LENGTH
    assert schemas["UpdateUser"]["properties"]["image"]["pattern"] == values.IMAGE_PATTERN
    new_article = schemas["NewArticle"]["properties"]
    assert new_article["title"]["pattern"] == values.VISIBLE_TEXT_PATTERN
    assert new_article["tagList"]["items"] == {
        "type": "string",
        "minLength": 1,
        "maxLength": articles.TAG_MAX_LENGTH,
        "pattern": articles.TAG_PATTERN,
    }
    assert schemas["RoleChange"]["properties"]["role"]["enum"] == ["user", "moderator", "admin"]


async def test_the_largest_comment_id_the_document_admits_is_looked_up(client: Client) -> None:
    document = await schema_of(client)
    operation = document["paths"]["/api/articles/{slug}/comments/{comment_id}"]["delete"]
    (comment_id,) = [p for p in operation["parameters"] if p["name"] == "comment_id"]
    largest = comment_id["schema"]["maximum"]
    token = await register(client)
    response = await client.delete(f"/api/articles/none/comments/{largest}", headers=auth(token))
    assert (response.status_code, response.json()) == (404, {"errors": {"article": ["not found"]}})


async def test_an_optional_body_is_documented_as_an_object_not_null(client: Client) -> None:
    document = await schema_of(client)
    body = document["paths"]["/api/admin/users/{username}/suspend"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Reason"}


async def test_following_yourself_is_forbidden_not_invalid(client: Client) -> None:
    token = await register(client, "jake")
    response = await client.post("/api/profiles/jake/follow", headers=auth(token))
    assert (response.status_code, response.json()) == (
        403,
        {"errors": {"username": ["can't be followed by its own account"]}},
    )


async def test_text_in_paths_and_queries_is_checked_as_documented(client: Client) -> None:
    document = await schema_of(client)
    (tag,) = [
        p for p in document["paths"]["/api/articles"]["get"]["parameters"] if p["name"] == "tag"
    ]
    assert tag["schema"]["pattern"] == values.STORABLE_TEXT_PATTERN
    response = await client.get("/api/articles", params={"tag": "a\x00b"})
    assert (response.status_code, response.json()) == (422, {"errors": {"tag": ["is invalid"]}})
