"""Prometheus metrics the adapters record. Gauges add up across worker processes."""

from prometheus_client import Counter, Gauge

from application.ports.monitoring import SignInAttempts

RATE_LIMIT_REJECTIONS = Counter(
    "conduit_rate_limit_rejections",
    "Requests refused because a rate limit was spent",
    ["scope"],
)
RATE_LIMIT_FALLBACKS = Counter(
    "conduit_rate_limit_fallbacks",
    "Rate-limit decisions taken in process memory because Redis did not answer",
)
DB_CONNECTIONS = Gauge(
    "conduit_db_pool_connections",
    "Database connections: in use by a request, or being waited for",
    ["state"],
    multiprocess_mode="livesum",
)
FAILED_LOGINS = Counter("conduit_failed_logins", "Logins refused for wrong credentials")
PASSWORD_HASHES = Gauge(
    "conduit_password_hashes",
    "Password hashes (argon2id) waiting for a thread, or running",
    ["state"],
    multiprocess_mode="livesum",
)


class PrometheusSignInAttempts(SignInAttempts):
    def failed(self) -> None:
        FAILED_LOGINS.inc()
