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
    assert "3 kept, 0 broken" in result.stdout


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
