"""Writes the schema refused because a concurrent transaction got there first answer what
the sequential order would have: the name was taken first, the article deleted first. Any
other refusal is a bug and stays an error."""

from collections.abc import Callable, Iterable

from sqlalchemy import exc
from sqlalchemy.engine import ExceptionContext

from application.errors import AlreadyTaken, ApplicationError, NotFound
from domain.articles import Article

Answer = Callable[[], ApplicationError]

# Violated constraint (named by the convention in tables.py) -> the second writer's answer.
CONSTRAINTS: dict[str, Answer] = {
    "uq_users_username_key": lambda: AlreadyTaken(["username"]),
    "uq_users_email_key": lambda: AlreadyTaken(["email"]),
    "uq_articles_slug": lambda: AlreadyTaken(["slug"]),
    "fk_favorites_article_id": lambda: NotFound("article"),
    "fk_comments_article_id": lambda: NotFound("article"),
}

# Entity whose row was deleted before its changes were written -> the second writer's answer.
VANISHED: dict[type, Answer] = {
    Article: lambda: NotFound("article"),
}


def answer_to_violation(context: ExceptionContext) -> ApplicationError | None:
    """For the engine's `handle_error` hook: it sees every statement, so every write path,
    whether its violation shows at the statement, at flush or at commit."""
    if not isinstance(context.sqlalchemy_exception, exc.IntegrityError):
        return None
    driver_error = getattr(context.original_exception, "__cause__", None)
    answer = CONSTRAINTS.get(getattr(driver_error, "constraint_name", None) or "")
    return answer() if answer is not None else None


def answer_to_vanished(changed: Iterable[object]) -> ApplicationError | None:
    """For an UPDATE that found its row gone, when the changed entities leave no doubt which
    row that was."""
    kinds = {type(entity) for entity in changed}
    if len(kinds) != 1 or (answer := VANISHED.get(kinds.pop())) is None:
        return None
    return answer()
