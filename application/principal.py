from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller of a use case."""

    user_id: UUID
