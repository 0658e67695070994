"""The README's deployment path, followed as an operator would: `make dist`, then pip into a
fresh venv away from the checkout, then `conduit db upgrade` on an empty database. Proves the
wheel carries its migrations and installs with the lock's exact, hash-checked versions."""

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from adapters.postgres import migrator

ROOT = Path(__file__).resolve().parents[2]


def run(
    *command: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result


def test_the_wheel_installed_from_the_lock_migrates_an_empty_database(
    tmp_path: Path, new_database: Callable[[], str], database_url_for_tests: str
) -> None:
    dist = tmp_path / "dist"
    run("make", "--no-print-directory", "dist", f"DIST={dist}")
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    pip = (venv / "bin" / "pip", "install", "--quiet", "--disable-pip-version-check")
    run(*pip, "--require-hashes", "-r", dist / "requirements.txt")
    (wheel,) = dist.glob("conduit-*.whl")
    run(*pip, "--no-deps", wheel)

    empty = new_database()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONDUIT_")}
    env["CONDUIT_DATABASE_URL"] = empty
    conduit = venv / "bin" / "conduit"
    run(conduit, "db", "upgrade", cwd=tmp_path, env=env)

    assert run(conduit, "db", "current", cwd=tmp_path, env=env).stdout.strip() == (
        migrator.current(database_url_for_tests)
    )
    where = "import adapters; print(adapters.__file__)"
    installed = run(venv / "bin" / "python", "-c", where, cwd=tmp_path)
    assert Path(installed.stdout.strip()).is_relative_to(venv)
