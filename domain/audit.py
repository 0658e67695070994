"""The audit trail of privileged actions."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.values import optional_text, to_milliseconds

REASON_MAX_LENGTH = 1000


def valid_reason(raw: str | None) -> str | None:
    return optional_text(raw, max_length=REASON_MAX_LENGTH)


@dataclass(eq=False)
class AuditRecord:
    """Who did what to whom, when and why. `actor_id` is None for the operator's CLI."""

    actor: str
    action: str
    target: str
    reason: str | None
    at: datetime
    actor_id: UUID | None = None
    id: int | None = None

    @classmethod
    def of(
        cls,
        *,
        actor: str,
        actor_id: UUID | None,
        action: str,
        target: str,
        reason: str | None,
        now: datetime,
    ) -> "AuditRecord":
        return cls(
            actor=actor,
            actor_id=actor_id,
            action=action,
            target=target,
            reason=reason,
            at=to_milliseconds(now),
        )
