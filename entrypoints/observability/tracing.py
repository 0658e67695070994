"""Optional OpenTelemetry traces: on when OTEL_EXPORTER_OTLP_ENDPOINT is set and the `otel`
extra is installed (`pip install '.[otel]'`); off, and never imported, otherwise."""

import logging
import os
from typing import Any

log = logging.getLogger(__name__)


def tracing_plugins() -> list[Any]:
    if not os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        return []
    try:
        from litestar.plugins.opentelemetry import OpenTelemetryConfig, OpenTelemetryPlugin
        from opentelemetry import trace
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
    except ImportError:
        log.warning(
            "OTEL_EXPORTER_OTLP_ENDPOINT is set but the otel extra is not installed; "
            "no traces (pip install '.[otel]')"
        )
        return []
    service = os.environ.get("OTEL_SERVICE_NAME", "conduit")
    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))  # reads OTEL_* vars
    trace.set_tracer_provider(provider)
    return [OpenTelemetryPlugin(OpenTelemetryConfig(tracer_provider=provider))]
