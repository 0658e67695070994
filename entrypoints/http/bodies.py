"""JSON request bodies decoded our way. Every body this API accepts is one JSON object, and
however a body fails to be one, the client reads our own message: the wording of msgspec's
and Litestar's errors changes between their releases and is not our contract."""

from typing import Any

from litestar import Request
from litestar.exceptions import SerializationException
from litestar.status_codes import HTTP_400_BAD_REQUEST, HTTP_422_UNPROCESSABLE_ENTITY

from entrypoints.messages import NESTED_TOO_DEEPLY, NOT_AN_OBJECT, NOT_JSON


class UnreadableBody(Exception):
    """A request body that is not one JSON object."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message


class JsonObjectRequest(Request[Any, Any, Any]):
    async def json(self) -> Any:
        try:
            value = await super().json()
        # msgspec 0.23 reports bad UTF-8 as a decode error (Litestar wraps those), 0.22 as
        # UnicodeDecodeError; too deep a nesting exhausts the decoder's recursion.
        except (SerializationException, UnicodeDecodeError) as error:
            raise UnreadableBody(HTTP_400_BAD_REQUEST, NOT_JSON) from error
        except RecursionError:
            raise UnreadableBody(HTTP_400_BAD_REQUEST, NESTED_TOO_DEEPLY) from None
        if not isinstance(value, dict) and await self.body():
            raise UnreadableBody(HTTP_422_UNPROCESSABLE_ENTITY, NOT_AN_OBJECT)
        return value
