"""The test tiers (README, "Tests"; docs/adr/0012-test-tiers.md). Every test is in exactly
one tier, a pytest marker registered in pyproject.toml, given by the folder its module is
in: `pytest -m unit` runs one tier, `pytest -m "not e2e"` all but one.

A variant that needs more than its folder's tier names its own tier, which then replaces
the folder's: `pytest.param("redis", marks=pytest.mark.integration)`."""

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

TIERS: dict[str, tuple[str, ...]] = {
    "unit": ("unit", "adapters"),
    "contract": ("contract",),
    "integration": ("integration",),
    "http": ("http",),
    "security": ("security",),
    "cli": ("cli",),
    "e2e": ("e2e",),
    "architecture": ("architecture",),
}
"""Each tier's folders under tests/."""

NOT_COLLECTED = ("bench",)
"""Folders under tests/ that hold no tests: `make bench-*` runs the benchmarks."""

SERVICES = frozenset({"postgres_server", "redis_url"})
"""The fixtures that reach a server (or start one); no `unit` test may depend on them."""


def folder_tier(path: Path) -> str | None:
    """The tier of the test module at `path`, by its folder; None for a folder in no tier."""
    try:
        folder = path.resolve().relative_to(TESTS).parts[0]
    except (ValueError, IndexError):
        return None
    return next((tier for tier, folders in TIERS.items() if folder in folders), None)


def assign(items: list[pytest.Item]) -> None:
    """Marks each collected test with its tier; refuses to run a test in no tier, in two, or
    a `unit` test that depends on a server."""
    problems = []
    for item in items:
        named = {marker.name for marker in item.iter_markers() if marker.name in TIERS}
        if len(named) > 1:
            problems.append(f"{item.nodeid}: in more than one tier ({', '.join(sorted(named))})")
            continue
        tier = next(iter(named), None) or folder_tier(item.path)
        if tier is None:
            problems.append(f"{item.nodeid}: its folder is in no tier of tests/tiers.py")
            continue
        if not named:
            item.add_marker(tier)
        if tier == "unit" and SERVICES & set(getattr(item, "fixturenames", ())):
            needs = ", ".join(sorted(SERVICES & set(getattr(item, "fixturenames", ()))))
            problems.append(f"{item.nodeid}: a unit test, but depends on {needs}")
    if problems:
        raise pytest.UsageError("tests outside the tiers:\n  " + "\n  ".join(problems))
