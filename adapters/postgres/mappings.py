"""Maps the plain domain classes onto the tables from outside (imperative mapping)."""

from sqlalchemy.orm import registry

from adapters.postgres.tables import metadata, users
from domain.users import User

mapper_registry = registry(metadata=metadata)


def start_mappers() -> None:
    """Idempotent: maps every entity once per process."""
    if mapper_registry.mappers:
        return
    mapper_registry.map_imperatively(User, users)
