from pathlib import Path

import pytest

from entrypoints.settings import ConfigError, Settings


def test_defaults_without_variables() -> None:
    settings = Settings.from_env({})
    assert settings.database_url is None
    assert settings.access_token_ttl == 900
    assert settings.refresh_token_ttl == 30 * 24 * 3600
    assert settings.log_level == "INFO"


def test_reads_and_types_conduit_variables() -> None:
    settings = Settings.from_env(
        {
            "CONDUIT_DATABASE_URL": "postgresql://u@h/db",
            "CONDUIT_JWT_KEYS_FILE": "/etc/conduit/jwks.json",
            "CONDUIT_ACCESS_TOKEN_TTL": "900",
            "CONDUIT_LOG_LEVEL": "debug",
            "UNRELATED": "x",
        }
    )
    assert settings.database_url == "postgresql://u@h/db"
    assert settings.jwt_keys_file == Path("/etc/conduit/jwks.json")
    assert settings.access_token_ttl == 900
    assert settings.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        (
            "CONDUIT_ACCESS_TOKEN_TTL",
            "soon",
            "CONDUIT_ACCESS_TOKEN_TTL: must be an integer, got 'soon'",
        ),
        ("CONDUIT_ACCESS_TOKEN_TTL", "5", "CONDUIT_ACCESS_TOKEN_TTL: must be at least 60, got 5"),
        (
            "CONDUIT_DATABASE_URL",
            "mysql://x/y",
            "CONDUIT_DATABASE_URL: must be a postgresql:// URL",
        ),
        (
            "CONDUIT_DATABASE_URL",
            "postgresql://u@h:port/db",
            "CONDUIT_DATABASE_URL: must be a postgresql:// URL",
        ),
        ("CONDUIT_LOG_LEVEL", "loud", "CONDUIT_LOG_LEVEL: must be one of"),
        ("CONDUIT_JWT_ISSUER", "  ", "CONDUIT_JWT_ISSUER: must not be empty"),
        ("CONDUIT_ALLOWED_HOSTS", "*", "CONDUIT_ALLOWED_HOSTS: a host is a name, an address"),
        ("CONDUIT_ALLOWED_HOSTS", "api.*.com", "CONDUIT_ALLOWED_HOSTS: a host is a name"),
        ("CONDUIT_ALLOWED_HOSTS", "::1", "CONDUIT_ALLOWED_HOSTS: a host is a name"),
        ("CONDUIT_ALLOWED_HOSTS", "[nope]", "CONDUIT_ALLOWED_HOSTS: '[nope]' is not an IPv6"),
    ],
)
def test_an_invalid_value_names_the_variable(variable: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        Settings.from_env({variable: value})
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)


def test_allowed_hosts_default_to_loopback_and_read_as_a_list() -> None:
    assert Settings.from_env({}).allowed_hosts == ("localhost", "127.0.0.1", "[::1]")
    listed = Settings.from_env({"CONDUIT_ALLOWED_HOSTS": "API.example.com, *.example.org,[::1]"})
    assert listed.allowed_hosts == ("api.example.com", "*.example.org", "[::1]")


def test_required_values_say_so() -> None:
    settings = Settings.from_env({})
    with pytest.raises(ConfigError, match="CONDUIT_DATABASE_URL: is required"):
        settings.require_database_url()
    with pytest.raises(ConfigError, match="CONDUIT_JWT_KEYS_FILE: is required"):
        settings.require_jwt_keys_file()
