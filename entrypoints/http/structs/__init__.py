"""msgspec structs of the wire format: camelCase, each resource in its envelope."""

import msgspec


class Wire(msgspec.Struct, rename="camel", kw_only=True):
    """Base of every request and response struct."""
