"""Text in paths and query strings as the API takes it: anything a text column stores, so
no NUL. Litestar both checks and documents these declarations."""

from typing import Annotated

from litestar.params import PathParameter, QueryParameter

from domain.values import STORABLE_TEXT_PATTERN

PathText = Annotated[str, PathParameter(pattern=STORABLE_TEXT_PATTERN)]


def query_text(description: str, *, max_length: int | None = None) -> QueryParameter:
    return QueryParameter(
        description=description, pattern=STORABLE_TEXT_PATTERN, max_length=max_length
    )
