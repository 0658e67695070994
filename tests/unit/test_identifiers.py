"""The canonical forms of usernames, e-mails and tags (`domain.identifiers`)."""

import pytest

from domain.articles import valid_tags
from domain.errors import InvalidValue
from domain.identifiers import identity_key
from domain.values import Email, Username


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["Jake", "JAKE", "\uff2a\uff41\uff4b\uff45"], "jake"),  # fullwidth too
        (["Stra\u00dfe", "STRASSE", "strasse"], "strasse"),  # full case folding
        (["\u0130van", "i\u0307van"], "i\u0307van"),  # one form of "İ" wherever compared
    ],
)
def test_spellings_of_one_name_share_its_key(spellings: list[str], key: str) -> None:
    assert {identity_key(spelling) for spelling in spellings} == {key}


@pytest.mark.parametrize(
    "name",
    ["jake", "\u0130van", "\u5c71\u7530\u305f\u308d\u3046", "\u30e6\u30fc\u30b6\u30fc_42"],
)
def test_names_of_one_script_or_one_language_are_accepted(name: str) -> None:
    # Han with Hiragana, Katakana with its prolonged sound mark: one language's writing.
    assert Username(name).value == name


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (".", "can't be made of dots only"),
        ("..", "can't be made of dots only"),
        ("p\u0430ypal", "can't mix scripts"),  # Cyrillic "a"
        ("\u03bfmega", "can't mix scripts"),  # Greek omicron
        ("jake\u0661", "can't mix scripts"),  # an Arabic-Indic digit
        ("ja\u200dke", "can't contain invisible or bidirectional control characters"),
        ("\u202ejake", "can't contain invisible or bidirectional control characters"),
        ("\u3164", "can't contain invisible or bidirectional control characters"),  # filler
        ("jake\ufe0f", "can't contain invisible or bidirectional control characters"),
        ("tab\tname", "can't contain invisible or bidirectional control characters"),
    ],
)
def test_names_that_imitate_others_or_break_urls_are_refused(name: str, message: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        Username(name)
    assert refused.value.message == message


def test_dots_among_other_characters_are_fine() -> None:
    assert Username(".jake.").value == ".jake."


@pytest.mark.parametrize("raw", ["ja\u200bke@x.io", "jake@x.io\u2069", "ja\u00adke@x.io"])
def test_emails_with_invisible_characters_are_refused(raw: str) -> None:
    with pytest.raises(InvalidValue, match="can't contain invisible"):
        Email(raw)


def test_emails_take_their_nfkc_form() -> None:
    assert Email("\uff2aake@X.io").value == "Jake@X.io"


def test_tags_take_their_nfkc_form_and_refuse_invisible_characters() -> None:
    assert valid_tags(["\uff44ragons", "dragons", " Fire "]) == ["Fire", "dragons"]
    with pytest.raises(InvalidValue, match="can't contain a tag with invisible"):
        valid_tags(["fi\u2066re"])
