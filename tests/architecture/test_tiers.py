"""Every test is in exactly one tier (tests/tiers.py): each folder of tests/ is in the tier
table, each tier is a registered marker, and collection refuses a test in no tier, in two,
or a `unit` test that depends on a server."""

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest

from tests import tiers

ROOT = tiers.TESTS.parent


def test_every_test_module_is_in_a_tier() -> None:
    modules = sorted(tiers.TESTS.rglob("test_*.py"))
    assert modules
    assert [
        str(module.relative_to(ROOT)) for module in modules if tiers.folder_tier(module) is None
    ] == []


def test_every_folder_of_tests_is_in_the_table() -> None:
    folders = {
        path.name for path in tiers.TESTS.iterdir() if path.is_dir() and any(path.glob("*.py"))
    }
    listed = {folder for tier in tiers.TIERS.values() for folder in tier}
    assert folders == listed | set(tiers.NOT_COLLECTED)
    assert [
        path for folder in tiers.NOT_COLLECTED for path in (tiers.TESTS / folder).rglob("test_*.py")
    ] == []


def test_each_folder_is_in_one_tier() -> None:
    listed = [folder for tier in tiers.TIERS.values() for folder in tier]
    assert len(listed) == len(set(listed))


def test_every_tier_is_a_registered_marker() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    markers = pyproject["tool"]["pytest"]["ini_options"]["markers"]
    assert sorted(marker.split(":")[0] for marker in markers) == sorted(tiers.TIERS)


@dataclass
class Marker:
    name: str


@dataclass
class Collected:
    """What `tiers.assign` reads of a collected test."""

    path: Path
    marks: list[str] = field(default_factory=list)
    fixturenames: list[str] = field(default_factory=list)

    @property
    def nodeid(self) -> str:
        return str(self.path.relative_to(ROOT))

    def iter_markers(self) -> Iterator[Marker]:
        return iter([Marker(name) for name in self.marks])

    def add_marker(self, name: str) -> None:
        self.marks.append(name)


def assign(*items: Collected) -> None:
    tiers.assign(cast(Any, list(items)))


def test_a_test_gets_its_folders_tier() -> None:
    use_case, contract = (
        Collected(tiers.TESTS / "unit" / "test_x.py"),
        Collected(tiers.TESTS / "contract" / "test_x.py", ["parametrize"]),
    )
    assign(use_case, contract)
    assert (use_case.marks, contract.marks) == (["unit"], ["parametrize", "contract"])


def test_a_variant_naming_its_tier_leaves_its_folders() -> None:
    variant = Collected(tiers.TESTS / "unit" / "test_x.py", ["integration"])
    assign(variant)
    assert variant.marks == ["integration"]


@pytest.mark.parametrize(
    ("item", "refusal"),
    [
        (Collected(tiers.TESTS / "graphql" / "test_x.py"), "in no tier"),
        (Collected(tiers.TESTS / "test_x.py"), "in no tier"),
        (Collected(tiers.TESTS / "http" / "test_x.py", ["unit", "e2e"]), "more than one tier"),
        (
            Collected(tiers.TESTS / "unit" / "test_x.py", fixturenames=["db", "postgres_server"]),
            "depends on postgres_server",
        ),
        (
            Collected(tiers.TESTS / "adapters" / "test_x.py", fixturenames=["redis_url"]),
            "depends on redis_url",
        ),
    ],
)
def test_collection_refuses_a_test_outside_the_tiers(item: Collected, refusal: str) -> None:
    with pytest.raises(pytest.UsageError, match=refusal):
        assign(Collected(tiers.TESTS / "unit" / "test_fine.py"), item)
