import re

from entrypoints.http.app import cors_config


def test_wildcards_stand_for_a_port_or_one_label() -> None:
    config = cors_config(("http://localhost:*", "https://*.example.org", "https://app.io"))
    assert config is not None
    assert config.allow_origins == ["https://app.io"]
    assert config.allow_credentials is False
    pattern = re.compile(config.allow_origin_regex or "")
    allowed = ["http://localhost:3000", "https://a.example.org"]
    refused = ["http://localhost:evil.io", "https://a.b.example.org", "http://localhost"]
    assert all(pattern.fullmatch(origin) for origin in allowed)
    assert not any(pattern.fullmatch(origin) for origin in refused)


def test_no_origins_no_cors() -> None:
    assert cors_config(()) is None
