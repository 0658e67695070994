"""API6:2023 Unrestricted Access to Sensitive Business Flows: sign-ups cannot be automated
in bulk from one client or for one identity."""

from tests.security.conftest import LOOPBACK_PROXY, ClientWith


async def test_one_client_cannot_register_accounts_in_bulk(client_with: ClientWith) -> None:
    async with client_with(auth_rate_limit_per_minute=3) as client:
        statuses = []
        for n in range(5):
            user = {
                "username": f"bot{n}",
                "email": f"bot{n}@example.com",
                "password": "password123",
            }
            statuses.append((await client.post("/api/users", json={"user": user})).status_code)
        assert statuses == [201, 201, 201, 429, 429]


async def test_one_identity_cannot_be_claimed_from_many_addresses(client_with: ClientWith) -> None:
    async with client_with(auth_rate_limit_per_minute=2, trusted_proxies=LOOPBACK_PROXY) as client:
        statuses = []
        for n in range(4):
            user = {"username": "wanted", "email": f"w{n}@example.com", "password": "password123"}
            response = await client.post(
                "/api/users", json={"user": user}, headers={"X-Forwarded-For": f"198.51.100.{n}"}
            )
            statuses.append(response.status_code)
        assert statuses == [201, 409, 429, 429]
