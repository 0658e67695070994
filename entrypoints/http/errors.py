"""The one table from application errors to HTTP statuses and RealWorld error bodies:
`{"errors": {"<field>": ["<message>"]}}`."""

import logging
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
    HTTP_413_REQUEST_ENTITY_TOO_LARGE,
    HTTP_422_UNPROCESSABLE_ENTITY,
    HTTP_429_TOO_MANY_REQUESTS,
    HTTP_500_INTERNAL_SERVER_ERROR,
    HTTP_503_SERVICE_UNAVAILABLE,
)

from adapters.metrics import RATE_LIMIT_REJECTIONS
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
    ReauthenticationRequired,
    StoreUnavailable,
    TooManyRequests,
    UnstorableValue,
    WrongCurrentPassword,
)
from application.ports.rate_limits import RateDecision
from domain.errors import DomainError, ValidationFailed
from entrypoints.http.bodies import UnreadableBody
from entrypoints.http.dependencies import container_of
from entrypoints.http.hosts import HostNotAllowed
from entrypoints.http.middleware import rate_limit_headers, request_id_of
from entrypoints.messages import describe, wire_name

log = logging.getLogger(__name__)

Errors = dict[str, list[str]]
AnyRequest = Request[Any, Any, Any]


ERROR_TABLE: dict[type[Exception], tuple[int, Callable[[Any], Errors]]] = {
    ValidationFailed: (
        HTTP_422_UNPROCESSABLE_ENTITY,
        lambda e: {wire_name(field): messages for field, messages in e.errors.items()},
    ),
    AuthenticationRequired: (HTTP_401_UNAUTHORIZED, lambda _: {"token": ["is missing"]}),
    InvalidToken: (HTTP_401_UNAUTHORIZED, lambda _: {"token": ["invalid"]}),
    InvalidCredentials: (HTTP_401_UNAUTHORIZED, lambda _: {"credentials": ["invalid"]}),
    InvalidRefreshToken: (HTTP_401_UNAUTHORIZED, lambda _: {"refreshToken": ["invalid"]}),
    AccountSuspended: (HTTP_403_FORBIDDEN, lambda _: {"account": ["suspended"]}),
    Forbidden: (HTTP_403_FORBIDDEN, lambda e: {e.resource: [e.message]}),
    ReauthenticationRequired: (
        HTTP_403_FORBIDDEN,
        lambda _: {"currentPassword": ["is required to change email or password"]},
    ),
    WrongCurrentPassword: (HTTP_403_FORBIDDEN, lambda _: {"currentPassword": ["is invalid"]}),
    NotFound: (HTTP_404_NOT_FOUND, lambda e: {e.resource: ["not found"]}),
    AlreadyTaken: (HTTP_409_CONFLICT, lambda e: {f: ["has already been taken"] for f in e.fields}),
    UnstorableValue: (
        HTTP_422_UNPROCESSABLE_ENTITY,
        lambda _: {"request": ["holds a value that cannot be stored"]},
    ),
}


RETRY_DATABASE_AFTER = 5


def error_response(
    status_code: int, errors: Errors, headers: dict[str, str] | None = None
) -> Response[dict[str, Errors]]:
    return Response(
        {"errors": errors}, status_code=status_code, media_type=MediaType.JSON, headers=headers
    )


def handle_use_case_error(
    _: AnyRequest, error: ApplicationError | DomainError
) -> Response[dict[str, Errors]]:
    for error_type in type(error).__mro__:
        if error_type in ERROR_TABLE:
            status_code, body = ERROR_TABLE[error_type]
            return error_response(status_code, body(error))
    return handle_unexpected(_, error)


def handle_invalid_request(
    _: AnyRequest, error: ValidationException
) -> Response[dict[str, Errors]]:
    """Body, query and path values that do not fit the declared types (msgspec)."""
    errors: Errors = {}
    for problem in error.extra if isinstance(error.extra, list) else []:
        field, message = describe(str(problem.get("key") or ""), str(problem.get("message", "")))
        errors.setdefault(field, []).append(message)
    return error_response(HTTP_422_UNPROCESSABLE_ENTITY, errors or {"body": ["is invalid"]})


def handle_too_many_requests(
    request: AnyRequest, error: TooManyRequests
) -> Response[dict[str, Errors]]:
    RATE_LIMIT_REJECTIONS.labels(error.scope).inc()
    decision = RateDecision(
        allowed=False, limit=error.limit, remaining=0, reset_after=error.retry_after
    )
    request.scope["state"]["rate_limit"] = decision
    message = f"too many requests, retry in {error.retry_after} s"
    return error_response(
        HTTP_429_TOO_MANY_REQUESTS, {error.scope: [message]}, rate_limit_headers(decision)
    )


def handle_store_unavailable(
    request: AnyRequest, error: StoreUnavailable
) -> Response[dict[str, Errors]]:
    cause = type(error.__cause__ or error).__name__
    log.warning("database unavailable: %s (request %s)", cause, request_id_of(request.scope))
    return error_response(
        HTTP_503_SERVICE_UNAVAILABLE,
        {"database": [f"unavailable, retry in {RETRY_DATABASE_AFTER} s"]},
        {"Retry-After": str(RETRY_DATABASE_AFTER)},
    )


def handle_http_error(request: AnyRequest, error: HTTPException) -> Response[dict[str, Errors]]:
    if error.status_code >= HTTP_500_INTERNAL_SERVER_ERROR:
        return handle_unexpected(request, error)
    if error.status_code == HTTP_404_NOT_FOUND:
        return error_response(error.status_code, {"route": ["not found"]})
    if error.status_code == HTTP_413_REQUEST_ENTITY_TOO_LARGE:
        limit = container_of(request.app.state).settings().max_body_bytes
        message = f"is too large (maximum is {limit} bytes)"
        return error_response(error.status_code, {"body": [message]})
    return error_response(error.status_code, {"request": [error.detail.lower()]})


def handle_unreadable_body(_: AnyRequest, error: UnreadableBody) -> Response[dict[str, Errors]]:
    return error_response(error.status_code, {"body": [error.message]})


def handle_refused_host(_: AnyRequest, __: HostNotAllowed) -> Response[dict[str, Errors]]:
    return error_response(HTTP_400_BAD_REQUEST, {"host": ["is not allowed"]})


def handle_unexpected(request: AnyRequest, error: Exception) -> Response[dict[str, Errors]]:
    """No traceback, SQL or exception name ever reaches the client: the request id lets an
    operator find the details in the log."""
    request_id = request_id_of(request.scope)
    log.error("unhandled error (request %s)", request_id, exc_info=error)
    return error_response(
        HTTP_500_INTERNAL_SERVER_ERROR, {"server": [f"internal error, request id {request_id}"]}
    )


exception_handlers = {
    ApplicationError: handle_use_case_error,
    DomainError: handle_use_case_error,
    TooManyRequests: handle_too_many_requests,
    StoreUnavailable: handle_store_unavailable,
    ValidationException: handle_invalid_request,
    HTTPException: handle_http_error,
    UnreadableBody: handle_unreadable_body,
    HostNotAllowed: handle_refused_host,
    Exception: handle_unexpected,
}
