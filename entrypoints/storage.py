"""The composition root's database for the commands that manage it rather than use it:
schema migrations, and the embedded server `conduit dev` starts. The CLI reaches
PostgreSQL only through here and the container."""

from adapters.postgres.embedded import EmbeddedPostgres as EmbeddedServer
from adapters.postgres.migrator import current as schema_revision
from adapters.postgres.migrator import downgrade as downgrade_schema
from adapters.postgres.migrator import upgrade as upgrade_schema

__all__ = ["EmbeddedServer", "downgrade_schema", "schema_revision", "upgrade_schema"]
