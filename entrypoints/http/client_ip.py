"""The client's address: the peer's, or from X-Forwarded-For when the peer is a proxy we
trust (and only as far back as the proxies in the chain are trusted)."""

import ipaddress
from collections.abc import Iterable
from typing import Any

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def client_address(scope: Any, trusted: tuple[Network, ...]) -> str:
    client = scope.get("client")
    peer: str = client[0] if client else "unknown"
    if not trusted or not _within(peer, trusted):
        return peer
    hops = [hop.strip() for value in _forwarded_for(scope) for hop in value.split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if not _within(hop, trusted):
            return hop if _is_address(hop) else peer
    return peer


def _forwarded_for(scope: Any) -> Iterable[str]:
    for name, value in scope.get("headers", ()):
        if name == b"x-forwarded-for":
            yield value.decode("latin-1")


def _within(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
