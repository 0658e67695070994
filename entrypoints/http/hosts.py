"""Requests must name one of CONDUIT_ALLOWED_HOSTS in their `Host` header, so nothing built
from that header (the discovery document's `jwks_uri`) can point anywhere else.

Litestar's own allowed-hosts middleware is not used: since 2.22 it compares the header with
its port (`Host: 127.0.0.1:8000` never matches `127.0.0.1`, litestar-org/litestar#4869),
and it answers in its own words."""

import re
from collections.abc import Iterable

from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from entrypoints.http.middleware import OPERATIONS_PREFIXES

# A name (or a bracketed IPv6 address), then an optional port; anything else is refused.
HOST_HEADER = re.compile(r"(?P<name>[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?")


class HostNotAllowed(Exception):
    """The request's `Host` is missing, malformed, or not one of the allowed hosts."""


class AllowedHosts:
    """Exact names and addresses, and `*.example.com` for any name under example.com."""

    def __init__(self, hosts: Iterable[str]) -> None:
        hosts = [host.lower() for host in hosts]
        self._exact = frozenset(host for host in hosts if not host.startswith("*."))
        self._suffixes = tuple(host[1:] for host in hosts if host.startswith("*."))

    def admit(self, header: str) -> bool:
        match = HOST_HEADER.fullmatch(header.lower())
        if match is None:
            return False
        name = match["name"]
        return name in self._exact or name.endswith(self._suffixes)


class AllowedHostsMiddleware(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    def __init__(self, hosts: Iterable[str]) -> None:
        self.should_bypass_for_scope = _unchecked
        self._allowed = AllowedHosts(hosts)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        given = [value for name, value in scope["headers"] if name == b"host"]
        if len(given) != 1 or not self._allowed.admit(given[0].decode("latin-1")):
            raise HostNotAllowed()
        await next_app(scope, receive, send)


def _unchecked(scope: Scope) -> bool:
    # No list can foresee the IP a probe uses; these routes publish no URL, and /metrics
    # has a token of its own.
    path: str = scope["path"]
    return path.startswith(OPERATIONS_PREFIXES)
