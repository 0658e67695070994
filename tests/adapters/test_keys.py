import json
import stat
from pathlib import Path

import pytest

from adapters.security.keys import (
    KeyFileError,
    generate_private_jwk,
    load_key_file,
    write_new_key_file,
)


def test_new_key_file_is_private_to_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "jwks.json"
    write_new_key_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    (key,) = load_key_file(path).keys
    assert key.is_private and key.kid


def test_existing_key_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "jwks.json"
    write_new_key_file(path)
    with pytest.raises(FileExistsError):
        write_new_key_file(path)


def test_first_key_signs_others_may_be_public(tmp_path: Path) -> None:
    signing, retired = generate_private_jwk(), generate_private_jwk()
    retired_public = {k: v for k, v in retired.items() if k != "d"}
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps({"keys": [signing, retired_public]}))
    assert [k.kid for k in load_key_file(path).keys] == [signing["kid"], retired["kid"]]


@pytest.mark.filterwarnings("ignore:Key size")
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "cannot read"),
        ("not json", "is not JSON"),
        ('{"keys": []}', "must hold a JWK set"),
        ("[1, 2]", "must hold a JWK set"),
        ('{"keys": [{"kty": "oct", "k": "c2VjcmV0", "kid": "x"}]}', "Ed25519"),
        ('{"keys": [{"kty": "OKP"}]}', "invalid key"),
        ("PUBLIC", "private part"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(
    tmp_path: Path, content: str | None, problem: str
) -> None:
    path = tmp_path / "jwks.json"
    if content == "PUBLIC":
        content = json.dumps(
            {"keys": [{k: v for k, v in generate_private_jwk().items() if k != "d"}]}
        )
    if content is not None:
        path.write_text(content)
    with pytest.raises(KeyFileError, match=problem):
        load_key_file(path)
