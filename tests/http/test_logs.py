"""What the log holds, error lines included: never a token, a body, a password or the values
bound to SQL; and a line that cannot be rendered still leaves one safe line."""

import io
import json
import logging
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import structlog
from litestar import Request, post
from litestar.params import JSONBody
from litestar.testing import AsyncTestClient
from sqlalchemy import text

from entrypoints.container import Container
from entrypoints.http.app import create_app
from entrypoints.http.dependencies import container_of
from entrypoints.observability.logging import configure_logging
from tests.http.conftest import auth, register

SECRET_PASSWORD = "correct horse battery staple 7"
SECRET_EMAIL = "hidden-param@example.com"

LOG_FORMATS = ["json", "console"]


@pytest.fixture
def logged(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[[], str]]:
    """Logging as a served process configures it, to a captured standard error; returns
    what was written there so far (the stdlib's own error reports included)."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level

    def output() -> str:
        return capsys.readouterr().err

    yield output
    root.handlers, root.level = handlers, level
    structlog.reset_defaults()


@post("/test/fails-in-sql", status_code=200)
async def fails_in_sql(request: Request[Any, Any, Any], data: JSONBody[dict[str, Any]]) -> None:
    """Reads the body, then runs a statement the database refuses, with the body's password
    and e-mail bound as its parameters."""
    password, email = data["user"]["password"], data["user"]["email"]
    engine = container_of(request.app.state).database().engine
    async with engine.connect() as connection:
        await connection.execute(
            text("SELECT * FROM no_such_table WHERE secret = :password AND email = :email"),
            {"password": password, "email": email},
        )


@pytest.mark.parametrize("log_format", LOG_FORMATS)
async def test_a_500_logs_where_it_failed_and_no_secret(
    container: Container, logged: Callable[[], str], log_format: str
) -> None:
    configure_logging("INFO", log_format)
    app = create_app(container)
    app.register(fails_in_sql)
    async with AsyncTestClient(app) as client:
        token = await register(client, "logged")
        response = await client.post(
            f"/test/fails-in-sql?access_token={token}",
            json={"user": {"email": SECRET_EMAIL, "password": SECRET_PASSWORD}},
            headers={**auth(token), "X-Request-ID": "failing-42"},
        )
    assert response.status_code == 500
    assert response.json() == {"errors": {"server": ["internal error, request id failing-42"]}}
    output = logged()
    for secret in (token, SECRET_PASSWORD, SECRET_EMAIL):
        assert secret not in output
    assert "--- Logging error ---" not in output
    # ... and the operator still learns what failed, and where.
    assert "ProgrammingError" in output
    assert "UndefinedTableError" in output
    assert "fails_in_sql" in output
    assert "failing-42" in output


def test_error_lines_are_one_json_object_with_the_exception_type_and_frames(
    logged: Callable[[], str],
) -> None:
    configure_logging("INFO", "json")
    token = "eyJhbGciOiJFZERTQSJ9.secret-token"
    try:
        raise ValueError(f"token {token} rejected")
    except ValueError:
        structlog.stdlib.get_logger("conduit.test").exception("failed", request_id="r-1")
    [line] = logged().splitlines()
    assert token not in line
    entry = json.loads(line)
    assert entry["event"] == "failed"
    assert entry["request_id"] == "r-1"
    [raised] = entry["exception"]
    assert raised["type"] == "ValueError"
    assert raised["frames"][-1]["function"] == (
        "test_error_lines_are_one_json_object_with_the_exception_type_and_frames"
    )
    assert set(raised["frames"][-1]) == {"file", "line", "function"}


def test_an_exception_group_is_logged_as_each_inner_exception_without_its_message(
    logged: Callable[[], str],
) -> None:
    configure_logging("INFO", "json")
    try:
        raise ExceptionGroup("tasks failed", [KeyError(SECRET_PASSWORD), ValueError(SECRET_EMAIL)])
    except ExceptionGroup:
        logging.getLogger("conduit.test").exception("tasks failed")
    [line] = logged().splitlines()
    assert SECRET_PASSWORD not in line
    assert SECRET_EMAIL not in line
    [group] = json.loads(line)["exception"]
    assert group["type"] == "ExceptionGroup"
    assert [inner["type"] for [inner] in group["exceptions"]] == ["KeyError", "ValueError"]


class Unprintable:
    """A value no renderer can show: its repr fails, with a secret in the failure."""

    def __repr__(self) -> str:
        raise RuntimeError(f"cannot show {SECRET_PASSWORD}")

    __str__ = __repr__


@pytest.mark.parametrize("log_format", LOG_FORMATS)
def test_a_line_that_cannot_be_rendered_leaves_one_safe_line(
    logged: Callable[[], str], log_format: str
) -> None:
    configure_logging("INFO", log_format)
    structlog.contextvars.bind_contextvars(request_id="odd-7")
    try:
        structlog.stdlib.get_logger("conduit.test").warning("odd value", value=Unprintable())
        logging.getLogger("conduit.test").warning("%s and %s", SECRET_PASSWORD)  # one short
    finally:
        structlog.contextvars.clear_contextvars()
    output = logged()
    assert SECRET_PASSWORD not in output
    assert "Traceback" not in output
    assert "--- Logging error ---" not in output
    lines = [json.loads(line) for line in output.splitlines()]
    assert [line["event"] for line in lines] == ["odd value", "%s and %s"]
    for line in lines:
        assert line["level"] == "warning"
        assert line["logger"] == "conduit.test"
        assert line["request_id"] == "odd-7"
        assert line["timestamp"]
        assert line["error"] == "this line could not be rendered"


class ClosedStream(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError("standard error is closed")


def test_a_line_that_cannot_be_written_is_lost_without_a_report_of_its_arguments(
    logged: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(sys, "stderr", ClosedStream())
        configure_logging("INFO", "json")
    logging.getLogger("conduit.test").warning("signed in with %s", SECRET_PASSWORD)
    assert logged() == ""  # the stdlib would report the line, its argument included, here
