"""Parameters in paths and query strings as the API takes them: text is anything a text
column stores, so no NUL; pages are bounded. Litestar both checks and documents these
declarations."""

from typing import Annotated

from litestar.params import PathParameter, QueryParameter

from application.ports.queries import Page
from domain.values import STORABLE_TEXT_PATTERN

PathText = Annotated[str, PathParameter(pattern=STORABLE_TEXT_PATTERN)]
Limit = Annotated[int, QueryParameter(ge=1, le=Page.MAX_LIMIT, description="How many to return")]
Offset = Annotated[int, QueryParameter(ge=0, le=Page.MAX_OFFSET, description="How many to skip")]


def query_text(description: str, *, max_length: int | None = None) -> QueryParameter:
    return QueryParameter(
        description=description, pattern=STORABLE_TEXT_PATTERN, max_length=max_length
    )
