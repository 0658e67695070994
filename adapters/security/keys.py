"""Signing keys: a JWK set whose first key signs and every key verifies."""

import json
import os
import warnings
from pathlib import Path
from typing import Any

from joserfc.errors import JoseError, SecurityWarning
from joserfc.jwk import KeySet, OKPKey

# Ed25519 keys, "EdDSA" signatures: RFC 9864 names them "Ed25519", but stock verifiers
# (PyJWT 2.15, for one) know only "EdDSA" so far. joserfc warns about that at every use.
ALGORITHM = "EdDSA"
warnings.filterwarnings("ignore", message="EdDSA is deprecated", category=SecurityWarning)


class KeyFileError(ValueError):
    """The key file is missing, unreadable or holds no usable signing key."""


def generate_private_jwk() -> dict[str, Any]:
    key = OKPKey.generate_key("Ed25519", private=True, auto_kid=True)
    return {**key.as_dict(private=True), "alg": ALGORITHM, "use": "sig"}


def write_new_key_file(path: Path) -> None:
    """Creates a key set with one new key, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as file:
        json.dump({"keys": [generate_private_jwk()]}, file, indent=2)


def load_key_file(path: Path) -> KeySet:
    try:
        document = json.loads(path.read_text())
    except OSError as error:
        raise KeyFileError(f"cannot read {path}: {error.strerror}") from error
    except ValueError as error:
        raise KeyFileError(f"{path} is not JSON") from error
    keys = document.get("keys") if isinstance(document, dict) else None
    if not isinstance(keys, list) or not keys or not all(isinstance(k, dict) for k in keys):
        raise KeyFileError(f'{path} must hold a JWK set: {{"keys": [...]}} with at least one key')
    try:
        # The algorithm is pinned in code, whatever "alg" a key file names.
        key_set = KeySet.import_key_set({"keys": [_without("alg", key) for key in keys]})
    except (JoseError, ValueError, TypeError, KeyError) as error:
        raise KeyFileError(f"{path} holds an invalid key: {error}") from error
    for key in key_set.keys:
        if not isinstance(key, OKPKey) or key.curve_name != "Ed25519" or not key.kid:
            raise KeyFileError(f"{path}: every key must be an Ed25519 OKP key with a 'kid'")
    if not key_set.keys[0].is_private:
        raise KeyFileError(f"{path}: the first key signs, so it must include its private part")
    return key_set


def public_key_set(keys: KeySet) -> dict[str, list[dict[str, Any]]]:
    """The JWK set to publish: public parts only, each marked for EdDSA signatures."""
    return {
        "keys": [
            {**key.as_dict(private=False), "alg": ALGORITHM, "use": "sig"} for key in keys.keys
        ]
    }


def _without(name: str, key: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in key.items() if k != name}
