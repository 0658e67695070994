"""Recording privileged actions, in the transaction of the action itself."""

from datetime import datetime

from application.ports.unit_of_work import UnitOfWork
from application.principal import Actor, Operator
from domain.audit import AuditRecord, valid_reason
from domain.errors import FieldErrors


async def record(
    uow: UnitOfWork,
    actor: Actor,
    *,
    action: str,
    target: str,
    reason: str | None,
    now: datetime,
) -> None:
    if isinstance(actor, Operator):
        name, actor_id = actor.name, None
    else:
        user = await uow.users.get(actor.user_id)
        name, actor_id = (user.username if user else str(actor.user_id)), actor.user_id
    errors = FieldErrors()
    with errors.collect("reason"):
        reason = valid_reason(reason)
    errors.raise_if_any()
    uow.audit.add(
        AuditRecord.of(
            actor=name, actor_id=actor_id, action=action, target=target, reason=reason, now=now
        )
    )
