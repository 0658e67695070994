from dataclasses import dataclass, field
from uuid import UUID

from domain.users import User


@dataclass
class InMemoryStore:
    """The committed state shared by every unit of work of one fake database."""

    users: dict[UUID, User] = field(default_factory=dict)
