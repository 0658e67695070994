"""An embedded PostgreSQL (the `pgserver` package) for machines without a server."""

import asyncio
import logging
import warnings
from pathlib import Path

from adapters.postgres.provisioning import create_database

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # platformdirs warns when XDG_RUNTIME_DIR is unset
    import pgserver

logging.getLogger("pgserver").setLevel(logging.WARNING)  # it logs every pg_ctl command


class EmbeddedPostgres:
    """Starts (or joins) a server whose data lives in `data_dir`; `stop()` shuts it down
    unless another process of ours still uses it."""

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self._server = pgserver.get_server(data_dir, cleanup_mode="stop")

    def url(self, database: str = "postgres") -> str:
        return str(self._server.get_uri(database))

    def create_database(self, name: str) -> str:
        """Creates `name` unless it exists; returns its URL."""
        asyncio.run(create_database(self.url(), name, exist_ok=True))
        return self.url(name)

    def stop(self) -> None:
        self._server.cleanup()
