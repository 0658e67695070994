"""The import-linter contracts hold, and each one can fail: a violation planted in a
temporary copy of the code is reported, so no contract silently matches nothing."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGES = ("domain", "application", "adapters", "entrypoints")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / ".importlinter"), "--no-cache"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("pristine")
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tree / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / ".importlinter", tree / ".importlinter")
    return tree


def test_the_code_keeps_every_contract(pristine: Path) -> None:
    result = lint_imports(pristine)
    assert result.returncode == 0, result.stdout
    assert "6 kept, 0 broken" in result.stdout


PURE_CORE = "Domain and application import no framework, driver or infrastructure library"
THROUGH_THE_ROOT = "HTTP and CLI import no PostgreSQL adapter (the composition root wires it)"
INDEPENDENT_ADAPTERS = "The in-memory and PostgreSQL adapters are independent"
ACYCLIC_FEATURES = "Application's feature packages import each other in no cycle"


@pytest.mark.parametrize(
    ("module", "source", "contract"),
    [
        (
            "domain/_planted.py",
            "import application.errors\n",
            "Layers: entrypoints > adapters > application > domain",
        ),
        (
            "application/_planted.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import sqlalchemy\n",
            "Domain and application import no framework, driver or infrastructure library",
        ),
        (
            "domain/_planted.py",
            "import msgspec\n",
            "Domain and application import no framework, driver or infrastructure library",
        ),
        (
            "adapters/_planted.py",
            "import litestar\n",
            "Adapters import neither the web framework nor the container",
        ),
        (
            "adapters/_planted.py",
            "from dependency_injector import providers\n",
            "Adapters import neither the web framework nor the container",
        ),
        *(
            ("application/_planted.py", f"import {library}\n", PURE_CORE)
            for library in (
                "structlog",
                "prometheus_client",
                "limits",
                "rich",
                "uvloop",
                "granian",
                "opentelemetry.trace",
            )
        ),
        ("entrypoints/http/_planted.py", "import adapters.postgres.database\n", THROUGH_THE_ROOT),
        (
            "entrypoints/cli/_planted.py",
            "from adapters.postgres import migrator\n",
            THROUGH_THE_ROOT,
        ),
        ("adapters/memory/_planted.py", "import adapters.postgres.tables\n", INDEPENDENT_ADAPTERS),
        ("adapters/postgres/_planted.py", "import adapters.memory.store\n", INDEPENDENT_ADAPTERS),
    ],
)
def test_a_planted_violation_is_reported(
    pristine: Path, tmp_path: Path, module: str, source: str, contract: str
) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(pristine, tree)
    (tree / module).write_text(source)

    result = lint_imports(tree)

    assert result.returncode != 0
    assert f"{contract} BROKEN" in result.stdout
    assert "_planted" in result.stdout


def test_a_planted_cycle_between_features_is_reported(pristine: Path, tmp_path: Path) -> None:
    """The cycle contract names packages, not the module that closed the cycle."""
    tree = tmp_path / "tree"
    shutil.copytree(pristine, tree)
    (tree / "application/sessions/_planted.py").write_text("import application.users.login\n")

    result = lint_imports(tree)

    assert result.returncode != 0
    assert f"{ACYCLIC_FEATURES} BROKEN" in result.stdout
    assert ".sessions -> .users" in result.stdout
