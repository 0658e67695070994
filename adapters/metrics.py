"""Prometheus metrics the adapters and entrypoints record."""

from prometheus_client import Counter

RATE_LIMIT_REJECTIONS = Counter(
    "conduit_rate_limit_rejections",
    "Requests refused because a rate limit was spent",
    ["scope"],
)
RATE_LIMIT_FALLBACKS = Counter(
    "conduit_rate_limit_fallbacks",
    "Rate-limit decisions taken in process memory because Redis did not answer",
)
