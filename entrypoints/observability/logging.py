"""Structured logs with structlog: JSON lines for machines, or readable console lines.

Standard-library loggers (the adapters', SQLAlchemy's, the server's) go through the same
formatter, so every line of a request carries its `request_id` (and `user_id` once known).
Nothing here logs a request or response body; tokens and passwords travel only in those
and in the Authorization header, which is never logged either. An exception is logged as
its type, SQLSTATE and frames only (`exception_summary`), and a line that fails to render
becomes a fallback line: no message, argument or traceback of it reaches the output."""

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

import structlog

from entrypoints.observability.exception_summary import as_text, summarise

_SHARED: list[structlog.typing.Processor] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]
NOT_RENDERED = "this line could not be rendered"


class SafeFormatter(structlog.stdlib.ProcessorFormatter):
    """Never raises: the stdlib would report the failure on standard error with the
    record's message and arguments, and the traceback of whatever was being logged."""

    def format(self, record: logging.LogRecord) -> str:
        try:
            return super().format(record)
        except Exception:
            return fallback_line(record)


def fallback_line(record: logging.LogRecord) -> str:
    """What is known not to hold a secret: when, how severe, which logger, the event's name
    (a log call's constant text) and the request id (checked when it was assigned)."""
    event = record.msg.get("event") if isinstance(record.msg, dict) else record.msg
    request_id = structlog.contextvars.get_contextvars().get("request_id")
    line: dict[str, Any] = {
        "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat().replace("+00:00", "Z"),
        "level": record.levelname.lower(),
        "logger": record.name,
        "event": event if isinstance(event, str) else None,
        "request_id": request_id if isinstance(request_id, str) else None,
        "error": NOT_RENDERED,
    }
    return json.dumps(line)


class StandardErrorHandler(logging.StreamHandler[TextIO]):
    def handleError(self, record: logging.LogRecord) -> None:
        """A line that cannot be written is lost: the stdlib would print the record's
        message and arguments to standard error instead."""


def configure_logging(level: str, log_format: str) -> None:
    shown: list[structlog.typing.Processor]
    if log_format == "json":
        shown = [
            structlog.processors.ExceptionRenderer(summarise),
            structlog.processors.JSONRenderer(),
        ]
    else:
        shown = [
            structlog.processors.ExceptionRenderer(as_text),
            structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty()),
        ]
    structlog.configure(
        processors=[*_SHARED, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = SafeFormatter(
        foreign_pre_chain=_SHARED,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *shown],
    )
    handler = StandardErrorHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    # The servers' own access logs are off: the app writes one line per request itself.
    for noisy in ("granian.access", "uvicorn.access", "httpx", "pgserver"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
