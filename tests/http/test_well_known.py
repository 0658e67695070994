"""Other services verify Conduit's tokens with stock libraries, from the published keys."""

import jwt

from tests.http.conftest import Client, sign_up


async def test_jwks_publishes_public_keys_only(client: Client) -> None:
    jwks = (await client.get("/.well-known/jwks.json")).json()
    (key,) = jwks["keys"]
    assert (key["kty"], key["crv"], key["alg"], key["use"]) == ("OKP", "Ed25519", "EdDSA", "sig")
    assert "d" not in key


async def test_discovery_and_a_stock_library_verifies_a_token(client: Client) -> None:
    configuration = (await client.get("/.well-known/openid-configuration")).json()
    assert configuration["issuer"] == "conduit"
    assert configuration["jwks_uri"].endswith("/.well-known/jwks.json")
    assert configuration["id_token_signing_alg_values_supported"] == ["EdDSA"]

    token = (await sign_up(client, "jake"))["token"]
    jwks = (await client.get("/.well-known/jwks.json")).json()
    kid = jwt.get_unverified_header(token)["kid"]
    key = next(jwt.PyJWK(k) for k in jwks["keys"] if k["kid"] == kid)
    claims = jwt.decode(
        token,
        key.key,
        algorithms=configuration["id_token_signing_alg_values_supported"],
        audience="conduit",
        issuer=configuration["issuer"],
    )
    assert {"sub", "sid", "exp", "iat", "auth_time"} <= set(claims)
    assert set(configuration["claims_supported"]) == set(claims)
