"""Configuration from `CONDUIT_*` environment variables, read once into one typed object."""

import ipaddress
import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PREFIX = "CONDUIT_"


class ConfigError(ValueError):
    """One line naming the variable and what is wrong with it."""


def _integer(minimum: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise ValueError(f"must be an integer, got {raw!r}") from None
        if value < minimum:
            raise ValueError(f"must be at least {minimum}, got {value}")
        return value

    return parse


def _database_url(raw: str) -> str:
    """postgres://, postgresql:// or postgresql+<driver>://: the adapter picks the driver."""
    try:
        parts = urlsplit(raw)
        scheme, _ = parts.scheme, parts.port  # the port raises unless it is a number
    except ValueError:
        scheme = ""
    if scheme.partition("+")[0] not in ("postgres", "postgresql"):
        raise ValueError("must be a postgresql:// URL")
    return raw


def _log_level(raw: str) -> str:
    level = raw.upper()
    if level not in logging.getLevelNamesMapping():
        raise ValueError(f"must be one of DEBUG, INFO, WARNING, ERROR, got {raw!r}")
    return level


def _http_url(raw: str) -> str:
    if not raw.startswith(("http://", "https://")):
        raise ValueError(f"must be an http(s) URL, got {raw!r}")
    return raw.rstrip("/")


def _flag(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"must be true or false, got {raw!r}")


def _redis_url(raw: str) -> str:
    if not raw.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError("must be a redis://, rediss:// or unix:// URL")
    return raw


def _networks(raw: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    try:
        return tuple(ipaddress.ip_network(part.strip()) for part in raw.split(",") if part.strip())
    except ValueError as error:
        raise ValueError(f"must be IP addresses or networks, comma-separated: {error}") from None


def _origins(raw: str) -> tuple[str, ...]:
    origins = tuple(part.strip().rstrip("/") for part in raw.split(",") if part.strip())
    for origin in origins:
        if origin != "*" and not origin.startswith(("http://", "https://")):
            raise ValueError(f"an origin is * or starts with http:// or https://, got {origin!r}")
    return origins


_HOST_NAME = re.compile(r"(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*")


def _hosts(raw: str) -> tuple[str, ...]:
    hosts = tuple(part.strip().lower() for part in raw.split(",") if part.strip())
    for host in hosts:
        if host.startswith("[") and host.endswith("]"):
            try:
                ipaddress.IPv6Address(host[1:-1])
            except ValueError:
                raise ValueError(f"{host!r} is not an IPv6 address") from None
        elif not _HOST_NAME.fullmatch(host):
            raise ValueError(
                f"a host is a name, an address ([::1] for IPv6) or *.a.domain, got {host!r}"
            )
    return hosts


def _log_format(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("json", "console"):
        raise ValueError(f"must be json or console, got {raw!r}")
    return value


def _text(raw: str) -> str:
    if not raw.strip():
        raise ValueError("must not be empty")
    return raw.strip()


def _setting(default: Any, parse: Callable[[str], Any], doc: str, *, secret: bool = False) -> Any:
    return field(default=default, metadata={"parse": parse, "doc": doc, "secret": secret})


def _default_hash_concurrency() -> int:
    return max(1, (os.cpu_count() or 2) - 1)


@dataclass(frozen=True)
class Settings:
    database_url: str | None = _setting(None, _database_url, "PostgreSQL URL")
    jwt_keys_file: Path | None = _setting(None, Path, "JWK set file; its first key signs")
    jwt_issuer: str = _setting("conduit", _text, "`iss` of issued tokens")
    jwt_audience: str = _setting("conduit", _text, "`aud` of issued tokens")
    access_token_ttl: int = _setting(900, _integer(60), "access token lifetime, seconds")
    refresh_token_ttl: int = _setting(
        2_592_000, _integer(60), "refresh token (and idle session) lifetime, seconds"
    )
    reauth_window: int = _setting(
        600,
        _integer(0),
        "seconds after a password login in which e-mail and password change without "
        "`currentPassword` (refresh does not extend it)",
    )
    public_url: str | None = _setting(
        None, _http_url, "the API's public base URL, for jwks_uri (default: from the checked Host)"
    )
    allowed_hosts: tuple[str, ...] = _setting(
        ("localhost", "127.0.0.1", "[::1]"),
        _hosts,
        "host names requests may address, comma-separated; *.example.com for subdomains",
    )
    log_level: str = _setting("INFO", _log_level, "DEBUG, INFO, WARNING or ERROR")
    log_format: str = _setting("json", _log_format, "json (one object a line) or console")
    metrics_token: str | None = _setting(
        None, _text, "/metrics wants `Authorization: Bearer <token>`; unset, it is off", secret=True
    )
    metrics_open: bool = _setting(
        False, _flag, "without a token, serve /metrics to anyone (conduit dev on loopback)"
    )
    shutdown_grace: int = _setting(
        30, _integer(1), "seconds in-flight requests get to finish on SIGTERM"
    )
    db_pool_size: int = _setting(10, _integer(1), "database connections per worker")
    db_pool_timeout: int = _setting(
        5, _integer(1), "seconds a request waits for a free connection before a 503"
    )
    db_statement_timeout_ms: int = _setting(
        5000, _integer(100), "longest a database statement may run, ms"
    )
    redis_url: str | None = _setting(
        None, _redis_url, "Redis for state shared by workers and hosts (rate limits)"
    )
    redis_key_prefix: str = _setting("conduit", _text, "prefix of every Redis key")
    rate_limit_per_minute: int = _setting(600, _integer(1), "requests per client per minute")
    auth_rate_limit_per_minute: int = _setting(
        10, _integer(1), "login, register and refresh per client, sign-ups per account, a minute"
    )
    trusted_proxies: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = _setting(
        (), _networks, "proxies whose X-Forwarded-For is believed, comma-separated"
    )
    cors_origins: tuple[str, ...] = _setting(
        (), _origins, "origins browsers may call from, comma-separated; * in a port allowed"
    )
    hsts: bool = _setting(False, _flag, "send Strict-Transport-Security (behind HTTPS only)")
    max_body_bytes: int = _setting(1_048_576, _integer(1024), "largest request body, bytes")
    argon2_time_cost: int = _setting(3, _integer(1), "argon2id iterations")
    argon2_memory_kib: int = _setting(65536, _integer(8), "argon2id memory, KiB")
    argon2_parallelism: int = _setting(4, _integer(1), "argon2id lanes")
    password_hash_concurrency: int = _setting(
        _default_hash_concurrency(), _integer(1), "password hashes computed at once per worker"
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        """The settings, or a ConfigError naming every invalid variable, on one line."""
        settings, problems = cls.read(environ)
        if problems:
            raise ConfigError("; ".join(problems))
        return settings

    @classmethod
    def read(cls, environ: Mapping[str, str] | None = None) -> tuple["Settings", list[str]]:
        """The settings with defaults for whatever is invalid, and a line per problem."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        problems: list[str] = []
        for setting in fields(cls):
            name = env_name(setting.name)
            raw = environ.get(name)
            if raw is None or raw == "":
                continue
            try:
                values[setting.name] = setting.metadata["parse"](raw)
            except ValueError as error:
                problems.append(f"{name}: {error}")
        return cls(**values), problems

    def shown(self) -> dict[str, str]:
        """Every setting as `CONDUIT_*` name and value, secrets redacted."""
        shown: dict[str, str] = {}
        for setting in fields(self):
            value = getattr(self, setting.name)
            if value is None:
                text = ""
            elif setting.metadata["secret"]:
                text = "***"
            elif isinstance(value, tuple):
                text = ",".join(str(item) for item in value)
            else:
                text = _without_password(str(value))
            shown[env_name(setting.name)] = text
        return shown

    def require_database_url(self) -> str:
        if self.database_url is None:
            raise ConfigError(f"{env_name('database_url')}: is required (a postgresql:// URL)")
        return self.database_url

    def require_jwt_keys_file(self) -> Path:
        if self.jwt_keys_file is None:
            hint = "make one with `conduit keys generate`"
            raise ConfigError(f"{env_name('jwt_keys_file')}: is required ({hint})")
        return self.jwt_keys_file


def _without_password(text: str) -> str:
    """Hides the password of a URL (scheme://user:password@host)."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", text)


def env_name(setting: str) -> str:
    return PREFIX + setting.upper()
