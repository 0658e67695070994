import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

CONDUIT = Path(sys.executable).parent / "conduit"

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def conduit() -> Run:
    """Runs the installed `conduit` command with extra environment variables."""

    def run(
        *args: str, env: dict[str, str] | None = None, stdin: str = ""
    ) -> subprocess.CompletedProcess[str]:
        environment = {k: v for k, v in os.environ.items() if not k.startswith("CONDUIT_")}
        return subprocess.run(
            [str(CONDUIT), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env={**environment, **(env or {})},
            timeout=60,
            check=False,
        )

    return run
