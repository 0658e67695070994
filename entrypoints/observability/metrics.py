"""Prometheus metrics of the HTTP layer, and their exposition.

With several worker processes, `PROMETHEUS_MULTIPROC_DIR` (set by `conduit serve` before
any worker starts) makes each process write its values to files there, and a scrape of
any worker adds them all up."""

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

HTTP_REQUESTS = Counter(
    "conduit_http_requests",
    "HTTP requests answered",
    ["method", "route", "status"],
)
HTTP_DURATION = Histogram(
    "conduit_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)

CONTENT_TYPE = CONTENT_TYPE_LATEST


def exposition() -> bytes:
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory:
        return generate_latest(REGISTRY)
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=directory)  # type: ignore[no-untyped-call]
    return generate_latest(registry)


def worker_exited(pid: int) -> None:
    """Lets the live gauges of a stopped worker leave the sums."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]
