"""What every request goes through: a request id, rate limits, and security headers."""

import re
import secrets
from typing import Any

from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from application.errors import TooManyRequests
from application.ports.rate_limits import Quota, RateDecision
from entrypoints.http.client_ip import client_address

REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
AUTH_ROUTES = {("POST", "/api/users"), ("POST", "/api/users/login"), ("POST", "/api/users/refresh")}
# Probes and scrapers (load balancers, Prometheus) poll these and address a worker by its IP:
# not rate-limited, not held to the allowed hosts, logged at debug level only.
OPERATIONS_PREFIXES = ("/health/", "/metrics")
CARRIES_TOKENS = "carries_tokens"
"""A route handler's `opt` flag: its responses hand out tokens, so no cache may keep them."""


def request_id_of(scope: Scope) -> str:
    """The request's id: the client's `X-Request-ID` when well-formed, else a new one."""
    state = scope.setdefault("state", {})
    request_id: str | None = state.get("request_id")
    if request_id is None:
        given = next((v for k, v in scope.get("headers", ()) if k == b"x-request-id"), b"")
        text = given.decode("latin-1")
        request_id = text if REQUEST_ID.fullmatch(text) else secrets.token_hex(16)
        state["request_id"] = request_id
    return request_id


class RateLimitMiddleware(ASGIMiddleware):
    """A general limit per client, and a stricter one per client on login, register and
    refresh. Health and metrics routes are exempt."""

    scopes = (ScopeType.HTTP,)

    def __init__(
        self, *, per_minute: int, auth_per_minute: int, trusted_proxies: tuple[Any, ...]
    ) -> None:
        self.should_bypass_for_scope = _unlimited
        self._general = Quota("requests", per_minute, 60)
        self._auth = Quota("auth-requests", auth_per_minute, 60)
        self._trusted = trusted_proxies

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        limiter = scope["app"].state.container.rate_limiter()
        client = client_address(scope, self._trusted)
        decision = await limiter.hit(self._general, client)
        route = (scope.get("method"), scope["path"].rstrip("/"))
        if decision.allowed and route in AUTH_ROUTES:
            decision = _tighter(decision, await limiter.hit(self._auth, client))
        scope["state"]["rate_limit"] = decision
        if not decision.allowed:
            raise TooManyRequests("request", limit=decision.limit, retry_after=decision.reset_after)
        await next_app(scope, receive, send)


def _unlimited(scope: Scope) -> bool:
    path: str = scope["path"]
    return path.startswith(OPERATIONS_PREFIXES)


def _tighter(first: RateDecision, second: RateDecision) -> RateDecision:
    if not second.allowed or second.remaining < first.remaining:
        return second
    return first


def rate_limit_headers(decision: RateDecision) -> dict[str, str]:
    headers = {
        "RateLimit-Limit": str(decision.limit),
        "RateLimit-Remaining": str(decision.remaining),
        "RateLimit-Reset": str(decision.reset_after),
    }
    if not decision.allowed:
        headers["Retry-After"] = str(decision.reset_after)
    return headers


def security_headers(*, hsts: bool) -> Any:
    """A `before_send` hook: runs on every response, unknown routes and errors included."""

    async def before_send(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start":
            return
        headers = MutableScopeHeaders.from_message(message)
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "no-referrer"
        headers["X-Request-ID"] = request_id_of(scope)
        if hsts:
            headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
        if _presents_credentials(scope) or _carries_tokens(scope):
            headers["Cache-Control"] = "no-store"
        decision = scope.get("state", {}).get("rate_limit")
        if decision is not None:
            for name, value in rate_limit_headers(decision).items():
                headers[name] = value

    return before_send


def _presents_credentials(scope: Scope) -> bool:
    """An Authorization header, whether or not its token turns out valid."""
    return any(name == b"authorization" for name, _ in scope.get("headers", ()))


def _carries_tokens(scope: Scope) -> bool:
    handler = scope.get("route_handler")
    return handler is not None and bool(handler.opt.get(CARRIES_TOKENS))
