"""Structured logs with structlog: JSON lines for machines, or readable console lines.

Standard-library loggers (the adapters', SQLAlchemy's, the server's) go through the same
formatter, so every line of a request carries its `request_id` (and `user_id` once known).
Nothing here logs a request or response body; tokens and passwords travel only in those
and in the Authorization header, which is never logged either."""

import logging
import sys

import structlog

_SHARED: list[structlog.typing.Processor] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def configure_logging(level: str, log_format: str) -> None:
    shown: list[structlog.typing.Processor]
    if log_format == "json":
        shown = [structlog.processors.dict_tracebacks, structlog.processors.JSONRenderer()]
    else:
        shown = [structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())]
    structlog.configure(
        processors=[*_SHARED, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_SHARED,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *shown],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    # The servers' own access logs are off: the app writes one line per request itself.
    for noisy in ("granian.access", "uvicorn.access", "httpx", "pgserver"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
