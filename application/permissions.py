"""Checking that an actor's role grants what an operation needs."""

from application.errors import Forbidden
from application.principal import Actor
from domain.roles import Permission


def require_permission(actor: Actor, permission: Permission, resource: str) -> None:
    """Refuses with `Forbidden(resource)` unless the actor's role grants `permission`."""
    if not actor.may(permission):
        raise Forbidden(resource)
