"""Who may do what: roles and the permissions each grants. Anything not granted is denied."""

import enum


class Role(enum.StrEnum):
    USER = "user"
    MODERATOR = "moderator"
    ADMIN = "admin"


class Permission(enum.Enum):
    DELETE_ANY_ARTICLE = "delete any article"
    DELETE_ANY_COMMENT = "delete any comment"
    VIEW_USERS = "view users"
    CHANGE_ROLES = "change roles"
    SUSPEND_USERS = "suspend users"
    VIEW_AUDIT = "view the audit log"


_MODERATION = frozenset({Permission.DELETE_ANY_ARTICLE, Permission.DELETE_ANY_COMMENT})

POLICY: dict[Role, frozenset[Permission]] = {
    Role.USER: frozenset(),
    Role.MODERATOR: _MODERATION,
    Role.ADMIN: frozenset(Permission),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in POLICY.get(role, frozenset())
