"""Forged and broken variants of a valid access token.

Each keeps the valid token's subject and session, so a server that refuses it refuses it
for the forgery alone, not because the session is unknown."""

import base64
import hashlib
import hmac
import json
from datetime import datetime, timedelta
from typing import Any

from joserfc import jwt
from joserfc.jwk import KeySet

from adapters.security.keys import ALGORITHM, generate_private_jwk


def b64(data: bytes | dict[str, Any]) -> str:
    raw = json.dumps(data).encode() if isinstance(data, dict) else data
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def claims_of(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    claims: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return claims


def sign(claims: dict[str, Any], keys: KeySet, *, kid: str | None = None) -> str:
    key = keys.keys[0]
    header = {"alg": ALGORITHM, "kid": kid or key.kid, "typ": "JWT"}
    return jwt.encode(header, claims, key, algorithms=[ALGORITHM])


def forgeries(token: str, keys: KeySet, now: datetime) -> dict[str, str]:
    header, payload, signature = token.split(".")
    claims = claims_of(token)
    kid = keys.keys[0].kid
    public_key = json.dumps(keys.keys[0].as_dict(private=False)).encode()
    hs256_header = b64({"alg": "HS256", "kid": kid, "typ": "JWT"})
    hs256_mac = hmac.new(public_key, f"{hs256_header}.{payload}".encode(), hashlib.sha256)
    stranger = KeySet.import_key_set({"keys": [generate_private_jwk()]})
    later = int((now + timedelta(days=365)).timestamp())
    past = int((now - timedelta(hours=1)).timestamp())
    return {
        "alg none": f"{b64({'alg': 'none', 'typ': 'JWT'})}.{payload}.",
        "HS256 signed with the public key": f"{hs256_header}.{payload}.{b64(hs256_mac.digest())}",
        "tampered payload": f"{header}.{b64({**claims, 'exp': later})}.{signature}",
        "unknown kid": f"{b64({'alg': ALGORITHM, 'kid': 'unknown'})}.{payload}.{signature}",
        "no kid": jwt.encode(
            {"alg": ALGORITHM, "typ": "JWT"}, claims, keys.keys[0], algorithms=[ALGORITHM]
        ),
        "signed by a key not in the set": sign(claims, stranger),
        "expired": sign({**claims, "iat": past - 900, "exp": past}, keys),
        "wrong iss": sign({**claims, "iss": "https://evil.example"}, keys),
        "wrong aud": sign({**claims, "aud": "another-api"}, keys),
        "no sid": sign({k: v for k, v in claims.items() if k != "sid"}, keys),
        "no auth_time": sign({k: v for k, v in claims.items() if k != "auth_time"}, keys),
        "garbage": "garbage",
        "truncated": token[: len(token) // 2],
        "bad base64": f"{header}.!!!.{signature}",
        "huge": "x" * 10_000,
    }
