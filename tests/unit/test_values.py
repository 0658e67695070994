import re
import sys
from datetime import UTC, datetime, timedelta

import pytest

from domain.errors import FieldErrors, InvalidValue, ValidationFailed
from domain.values import (
    WHITESPACE,
    Bio,
    Email,
    ImageUrl,
    Password,
    Username,
    next_timestamp,
    to_milliseconds,
)


class TestUsername:
    def test_keeps_a_valid_name(self) -> None:
        assert Username("jake_2.0-x").value == "jake_2.0-x"

    def test_is_nfkc_normalised(self) -> None:
        # Fullwidth letters fold to ASCII, so look-alikes cannot claim a taken name.
        assert Username("\uff4a\uff41\uff4b\uff45").value == "jake"  # fullwidth "jake"

    @pytest.mark.parametrize("raw", ["", "   "])
    def test_blank_is_refused(self, raw: str) -> None:
        with pytest.raises(InvalidValue, match="can't be blank"):
            Username(raw)

    @pytest.mark.parametrize("raw", ["with space", "slash/name", "a@b"])
    def test_refuses_characters_that_break_urls_or_look_alike(self, raw: str) -> None:
        with pytest.raises(InvalidValue, match="may contain only"):
            Username(raw)

    def test_refuses_overlong(self) -> None:
        with pytest.raises(InvalidValue, match="maximum is 64"):
            Username("a" * 65)
        assert Username("a" * 64).value == "a" * 64


class TestEmail:
    def test_keeps_case_and_trims(self) -> None:
        assert Email("  Jake@Example.COM ").value == "Jake@Example.COM"

    @pytest.mark.parametrize("raw", ["jake", "jake@", "@example.com", "ja ke@example.com"])
    def test_refuses_malformed(self, raw: str) -> None:
        with pytest.raises(InvalidValue, match="is invalid"):
            Email(raw)

    def test_blank_is_refused(self) -> None:
        with pytest.raises(InvalidValue, match="can't be blank"):
            Email("")

    def test_refuses_overlong(self) -> None:
        with pytest.raises(InvalidValue, match="too long"):
            Email("a" * 250 + "@example.com")


class TestPassword:
    @pytest.mark.parametrize("length", [8, 64, 1024])
    def test_accepts_from_8_characters_up_to_1_kib(self, length: int) -> None:
        assert Password("p" * length).value == "p" * length

    def test_refuses_shorter_than_8(self) -> None:
        with pytest.raises(InvalidValue, match="minimum is 8"):
            Password("short7c")

    def test_refuses_more_than_1_kib_counting_bytes(self) -> None:
        with pytest.raises(InvalidValue, match="maximum is 1024 bytes"):
            Password("p" * 1025)
        with pytest.raises(InvalidValue, match="maximum is 1024 bytes"):
            Password("é" * 513)  # 1026 bytes in UTF-8

    def test_blank_is_refused(self) -> None:
        with pytest.raises(InvalidValue, match="can't be blank"):
            Password("")

    def test_repr_hides_the_secret(self) -> None:
        assert "hunter22" not in repr(Password("hunter22"))


class TestOptionalProfileFields:
    @pytest.mark.parametrize("raw", [None, "", "   "])
    def test_empty_means_none(self, raw: str | None) -> None:
        assert Bio(raw).value is None
        assert ImageUrl(raw).value is None

    def test_bio_is_kept_as_written(self) -> None:
        assert Bio("  I like dragons  ").value == "  I like dragons  "

    def test_bio_has_a_maximum(self) -> None:
        with pytest.raises(InvalidValue, match="too long"):
            Bio("x" * 4001)

    @pytest.mark.parametrize("raw", ["https://example.com/a.png", "http://cdn.example.org/x?y=1"])
    def test_image_accepts_http_urls(self, raw: str) -> None:
        assert ImageUrl(raw).value == raw

    @pytest.mark.parametrize(
        "raw", ["javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/a", "not a url"]
    )
    def test_image_refuses_other_schemes(self, raw: str) -> None:
        with pytest.raises(InvalidValue, match="http or https"):
            ImageUrl(raw)


class TestTimestamps:
    def test_truncated_to_milliseconds_in_utc(self) -> None:
        moment = datetime(2026, 1, 1, 12, 0, 0, 123456, tzinfo=UTC)
        assert to_milliseconds(moment) == datetime(2026, 1, 1, 12, 0, 0, 123000, tzinfo=UTC)

    def test_next_timestamp_always_moves_forward(self) -> None:
        previous = datetime(2026, 1, 1, 12, 0, 0, 5000, tzinfo=UTC)
        same_millisecond = previous + timedelta(microseconds=300)
        assert next_timestamp(same_millisecond, previous) == previous + timedelta(milliseconds=1)
        later = previous + timedelta(seconds=1)
        assert next_timestamp(later, previous) == later


def test_field_errors_report_every_field() -> None:
    errors = FieldErrors()
    with errors.collect("username"):
        Username("")
    with errors.collect("email"):
        Email("x")
    with errors.collect("password"):
        Password("long enough")
    with pytest.raises(ValidationFailed) as failed:
        errors.raise_if_any()
    assert failed.value.errors == {"username": ["can't be blank"], "email": ["is invalid"]}


def test_the_documented_whitespace_is_what_strip_removes() -> None:
    """Blank means only these characters, so the patterns built on them refuse no more and
    no less than `str.strip()` blanks."""
    documented = re.compile(f"[{WHITESPACE}]")
    every = map(chr, range(sys.maxunicode + 1))
    assert [c for c in every if documented.fullmatch(c)] == [
        c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()
    ]
