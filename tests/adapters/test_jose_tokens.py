"""Access tokens: what is accepted, and every forgery that must be refused."""

import base64
import hashlib
import hmac
import json
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


def b64(data: bytes | dict[str, object]) -> str:
    raw = json.dumps(data).encode() if isinstance(data, dict) else data
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


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
def claims() -> AccessClaims:
    return AccessClaims(user_id=uuid4())


def test_round_trip(keys: KeySet, clock: FakeClock, claims: AccessClaims) -> None:
    tokens = service(keys, clock)
    token = tokens.issue(claims)
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header == {"alg": "Ed25519", "kid": keys.keys[0].kid, "typ": "JWT"}
    assert tokens.verify(token) == claims


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


def forgeries(keys: KeySet, clock: FakeClock, claims: AccessClaims) -> dict[str, str]:
    good = service(keys, clock).issue(claims)
    header, payload, signature = good.split(".")
    claims_dict = json.loads(base64.urlsafe_b64decode(payload + "=="))
    kid = keys.keys[0].kid
    public = json.dumps(keys.keys[0].as_dict(private=False)).encode()
    hs256_header = b64({"alg": "HS256", "kid": kid, "typ": "JWT"})
    hs256_signing_input = f"{hs256_header}.{payload}".encode()
    other_user = b64({**claims_dict, "sub": str(uuid4())})
    return {
        "alg none": f"{b64({'alg': 'none', 'typ': 'JWT'})}.{payload}.",
        "HS256 signed with the public key": (
            f"{hs256_header}.{payload}."
            + b64(hmac.new(public, hs256_signing_input, hashlib.sha256).digest())
        ),
        "tampered payload": f"{header}.{other_user}.{signature}",
        "unknown kid": f"{b64({'alg': 'Ed25519', 'kid': 'no'})}.{payload}.{signature}",
        "no kid": f"{b64({'alg': 'Ed25519', 'typ': 'JWT'})}.{payload}.{signature}",
        "wrong issuer": service(keys, clock, issuer="someone-else").issue(claims),
        "wrong audience": service(keys, clock, audience="another-api").issue(claims),
        "signed by an unknown key": service(
            KeySet.import_key_set({"keys": [generate_private_jwk()]}), clock
        ).issue(claims),
        "garbage": "garbage",
        "two parts": f"{header}.{payload}",
        "bad base64": f"{header}.!!!.{signature}",
        "non-uuid subject": (f"{header}.{b64({**claims_dict, 'sub': 'admin'})}.{signature}"),
        "oversized": "a" * 10_000,
    }


@pytest.mark.parametrize(
    "forgery",
    [
        "alg none",
        "HS256 signed with the public key",
        "tampered payload",
        "unknown kid",
        "no kid",
        "wrong issuer",
        "wrong audience",
        "signed by an unknown key",
        "garbage",
        "two parts",
        "bad base64",
        "non-uuid subject",
        "oversized",
    ],
)
def test_refuses(keys: KeySet, clock: FakeClock, claims: AccessClaims, forgery: str) -> None:
    token = forgeries(keys, clock, claims)[forgery]
    with pytest.raises(InvalidToken):
        service(keys, clock).verify(token)


def test_a_token_without_expiry_is_refused(keys: KeySet, clock: FakeClock) -> None:
    from joserfc import jwt

    now = int(clock.now().timestamp())
    token = jwt.encode(
        {"alg": "Ed25519", "kid": keys.keys[0].kid},
        {"iss": "conduit", "aud": "conduit", "sub": str(uuid4()), "iat": now},
        keys.keys[0],
        algorithms=["Ed25519"],
    )
    with pytest.raises(InvalidToken):
        service(keys, clock).verify(token)
