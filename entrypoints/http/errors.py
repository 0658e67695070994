"""The one table from application errors to HTTP statuses and RealWorld error bodies:
`{"errors": {"<field>": ["<message>"]}}`."""

import logging
import re
from collections.abc import Callable
from typing import Any

from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.status_codes import (
    HTTP_400_BAD_REQUEST,
    HTTP_401_UNAUTHORIZED,
    HTTP_403_FORBIDDEN,
    HTTP_404_NOT_FOUND,
    HTTP_409_CONFLICT,
    HTTP_422_UNPROCESSABLE_ENTITY,
    HTTP_500_INTERNAL_SERVER_ERROR,
)

from application.errors import (
    AccountSuspended,
    AlreadyTaken,
    ApplicationError,
    AuthenticationRequired,
    Forbidden,
    InvalidCredentials,
    InvalidRefreshToken,
    InvalidToken,
    NotFound,
)
from domain.errors import DomainError, ValidationFailed

log = logging.getLogger(__name__)

Errors = dict[str, list[str]]
AnyRequest = Request[Any, Any, Any]


ERROR_TABLE: dict[type[Exception], tuple[int, Callable[[Any], Errors]]] = {
    ValidationFailed: (HTTP_422_UNPROCESSABLE_ENTITY, lambda e: e.errors),
    AuthenticationRequired: (HTTP_401_UNAUTHORIZED, lambda _: {"token": ["is missing"]}),
    InvalidToken: (HTTP_401_UNAUTHORIZED, lambda _: {"token": ["invalid"]}),
    InvalidCredentials: (HTTP_401_UNAUTHORIZED, lambda _: {"credentials": ["invalid"]}),
    InvalidRefreshToken: (HTTP_401_UNAUTHORIZED, lambda _: {"refreshToken": ["invalid"]}),
    AccountSuspended: (HTTP_403_FORBIDDEN, lambda _: {"account": ["suspended"]}),
    Forbidden: (HTTP_403_FORBIDDEN, lambda e: {e.resource: ["forbidden"]}),
    NotFound: (HTTP_404_NOT_FOUND, lambda e: {e.resource: ["not found"]}),
    AlreadyTaken: (HTTP_409_CONFLICT, lambda e: {f: ["has already been taken"] for f in e.fields}),
}


def error_response(status_code: int, errors: Errors) -> Response[dict[str, Errors]]:
    return Response({"errors": errors}, status_code=status_code, media_type=MediaType.JSON)


def handle_use_case_error(
    _: AnyRequest, error: ApplicationError | DomainError
) -> Response[dict[str, Errors]]:
    for error_type in type(error).__mro__:
        if error_type in ERROR_TABLE:
            status_code, body = ERROR_TABLE[error_type]
            return error_response(status_code, body(error))
    return handle_unexpected(_, error)


_KINDS = {
    "str": "a string",
    "int": "an integer",
    "bool": "true or false",
    "array": "a list",
    "object": "an object",
}

# msgspec's messages, reworded the RealWorld way.
_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"Expected `str` of length >= 1"), lambda _: "can't be blank"),
    (
        re.compile(r"Expected `str` of length <= (\d+)"),
        lambda m: f"is too long (maximum is {m[1]} characters)",
    ),
    (re.compile(r"Expected `\w+` >= (-?\d+)"), lambda m: f"must be at least {m[1]}"),
    (re.compile(r"Expected `\w+` <= (-?\d+)"), lambda m: f"must be at most {m[1]}"),
    (
        re.compile(r"Expected `(\w+)[^`]*`, got `null`"),
        lambda m: f"must be {_KINDS.get(m[1], m[1])}, not null",
    ),
    (re.compile(r"Expected `(\w+)[^`]*`, got"), lambda m: f"must be {_KINDS.get(m[1], m[1])}"),
]
_MISSING = re.compile(r"Object missing required field `(\w+)`")


def handle_invalid_request(
    _: AnyRequest, error: ValidationException
) -> Response[dict[str, Errors]]:
    """Body, query and path values that do not fit the declared types (msgspec)."""
    errors: Errors = {}
    for problem in error.extra if isinstance(error.extra, list) else []:
        field, message = _describe(str(problem.get("key") or ""), str(problem.get("message", "")))
        errors.setdefault(field, []).append(message)
    return error_response(HTTP_422_UNPROCESSABLE_ENTITY, errors or {"body": ["is invalid"]})


def _describe(key: str, message: str) -> tuple[str, str]:
    """The field a problem is about (its last named key) and what is wrong with it."""
    if missing := _MISSING.search(message):
        return missing[1], "can't be blank"
    names = [re.sub(r"\[\d+\]$", "", part) for part in key.split(".")]
    names = [name for name in names if name and not name.isdigit()]
    field = names[-1] if names and names[-1] != "data" else "body"
    for pattern, reword in _MESSAGES:
        if match := pattern.search(message):
            return field, reword(match)
    if field == "body":  # no body at all
        return field, "can't be blank"
    return field, message[:1].lower() + message[1:]


def handle_http_error(_: AnyRequest, error: HTTPException) -> Response[dict[str, Errors]]:
    if error.status_code == HTTP_404_NOT_FOUND:
        return error_response(error.status_code, {"route": ["not found"]})
    detail = error.detail if error.status_code < HTTP_500_INTERNAL_SERVER_ERROR else "error"
    if detail.startswith("JSON is malformed"):
        return error_response(error.status_code, {"body": ["is not valid JSON"]})
    return error_response(error.status_code, {"request": [detail.lower()]})


def handle_undecodable_body(
    _: AnyRequest, error: UnicodeDecodeError
) -> Response[dict[str, Errors]]:
    return error_response(HTTP_400_BAD_REQUEST, {"body": ["is not valid JSON"]})


def handle_unexpected(request: AnyRequest, error: Exception) -> Response[dict[str, Errors]]:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=error)
    return error_response(HTTP_500_INTERNAL_SERVER_ERROR, {"server": ["internal error"]})


exception_handlers = {
    ApplicationError: handle_use_case_error,
    DomainError: handle_use_case_error,
    ValidationException: handle_invalid_request,
    HTTPException: handle_http_error,
    UnicodeDecodeError: handle_undecodable_body,
    Exception: handle_unexpected,
}
