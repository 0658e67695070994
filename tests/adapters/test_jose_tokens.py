"""Access tokens: what is accepted, and every forgery that must be refused."""

import base64
import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from uuid import uuid4

import pytest
from joserfc.jwk import KeySet

from adapters.memory.clock import FakeClock
from adapters.security.jose_tokens import JoseTokenService
from adapters.security.keys import generate_private_jwk, load_key_file
from application.errors import InvalidToken
from application.ports.security import AccessClaims
from tests.forgeries import claims_of, forgeries


def service(keys: KeySet, clock: FakeClock, **overrides: object) -> JoseTokenService:
    options: dict[str, object] = {
        "issuer": "conduit",
        "audience": "conduit",
        "lifetime": timedelta(minutes=15),
        "clock": clock,
    }
    options.update(overrides)
    return JoseTokenService(keys, **options)  # type: ignore[arg-type]


@pytest.fixture
def keys(key_file: Path) -> KeySet:
    return load_key_file(key_file)


@pytest.fixture
def claims(clock: FakeClock) -> AccessClaims:
    signed_in_at = clock.now() - timedelta(minutes=5)
    return AccessClaims(user_id=uuid4(), session_id=uuid4(), auth_time=signed_in_at)


def test_round_trip(keys: KeySet, clock: FakeClock, claims: AccessClaims) -> None:
    tokens = service(keys, clock)
    token = tokens.issue(claims)
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header == {"alg": "EdDSA", "kid": keys.keys[0].kid, "typ": "JWT"}
    assert tokens.verify(token) == claims


def test_auth_time_is_carried_in_whole_seconds(
    keys: KeySet, clock: FakeClock, claims: AccessClaims
) -> None:
    tokens = service(keys, clock)
    token = tokens.issue(claims)
    assert claims_of(token)["auth_time"] == int(claims.auth_time.timestamp())

    precise = replace(claims, auth_time=claims.auth_time + timedelta(milliseconds=999))
    assert tokens.verify(tokens.issue(precise)).auth_time == claims.auth_time


def test_valid_until_expiry_and_not_from_then_on(
    keys: KeySet, clock: FakeClock, claims: AccessClaims
) -> None:
    tokens = service(keys, clock)
    token = tokens.issue(claims)
    clock.advance(timedelta(minutes=15) - timedelta(seconds=1))
    assert tokens.verify(token) == claims
    clock.advance(timedelta(seconds=1))
    with pytest.raises(InvalidToken):
        tokens.verify(token)


def test_tokens_of_an_old_key_verify_while_it_stays_in_the_set(
    keys: KeySet, clock: FakeClock, claims: AccessClaims
) -> None:
    old_token = service(keys, clock).issue(claims)
    old_keys = keys.as_dict(private=True)["keys"]
    rotated = KeySet.import_key_set({"keys": [generate_private_jwk(), *old_keys]})
    assert service(rotated, clock).verify(old_token) == claims

    without_old = KeySet.import_key_set({"keys": [generate_private_jwk()]})
    with pytest.raises(InvalidToken):
        service(without_old, clock).verify(old_token)


@pytest.mark.parametrize(
    "forgery",
    [
        "alg none",
        "HS256 signed with the public key",
        "tampered payload",
        "unknown kid",
        "no kid",
        "signed by a key not in the set",
        "expired",
        "wrong iss",
        "wrong aud",
        "no sid",
        "no auth_time",
        "garbage",
        "truncated",
        "bad base64",
        "huge",
    ],
)
def test_refuses(keys: KeySet, clock: FakeClock, claims: AccessClaims, forgery: str) -> None:
    tokens = service(keys, clock)
    valid = tokens.issue(claims)
    forged = forgeries(valid, keys, clock.now())[forgery]
    with pytest.raises(InvalidToken):
        tokens.verify(forged)


def test_a_token_without_expiry_is_refused(keys: KeySet, clock: FakeClock) -> None:
    from joserfc import jwt

    now = int(clock.now().timestamp())
    token = jwt.encode(
        {"alg": "EdDSA", "kid": keys.keys[0].kid},
        {"iss": "conduit", "aud": "conduit", "sub": str(uuid4()), "sid": str(uuid4()), "iat": now},
        keys.keys[0],
        algorithms=["EdDSA"],
    )
    with pytest.raises(InvalidToken):
        service(keys, clock).verify(token)
