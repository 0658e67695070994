"""`conduit keys`: signing keys for access tokens."""

import argparse
import json
from typing import Any

from adapters.security.keys import generate_private_jwk


def register(commands: Any) -> None:
    keys = commands.add_parser("keys", help="signing keys", description="Signing keys.")
    actions = keys.add_subparsers(dest="action", required=True, metavar="ACTION")
    generate = actions.add_parser(
        "generate",
        help="print a new private Ed25519 JWK",
        description="Print a new private Ed25519 JWK. Put it first in the JWK set of "
        "CONDUIT_JWT_KEYS_FILE to sign with it; keys after it only verify.",
        epilog="example: (umask 077; conduit keys generate | jq '{keys: [.]}' > jwks.json)",
    )
    generate.set_defaults(run=_generate)


def _generate(_: argparse.Namespace) -> int:
    print(json.dumps(generate_private_jwk()))
    return 0
