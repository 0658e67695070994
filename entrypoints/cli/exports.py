"""`conduit export`: every user or article as JSON Lines, in the import format."""

import argparse
import gzip
import sys
from collections.abc import AsyncIterator
from functools import partial
from typing import IO, Any

import msgspec

from entrypoints.cli.records import KINDS
from entrypoints.cli.running import run_with_container
from entrypoints.container import Container


def register(commands: Any) -> None:
    exporting = commands.add_parser(
        "export",
        help="export users or articles as JSON Lines",
        description="Write every user (with password hash) or article (with tags, favorites "
        "and comments) in the import format, streamed in constant memory.",
        epilog="examples:\n  conduit export users --out users.jsonl.gz\n"
        "  conduit export articles > articles.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    exporting.add_argument("kind", choices=KINDS)
    exporting.add_argument("--out", default="-", help="file (.gz compresses), - for stdout")
    exporting.set_defaults(run=_export)


def _export(args: argparse.Namespace) -> int:
    count = run_with_container(partial(_write_export, args.kind, args.out))
    print(f"exported {count} {args.kind}", file=sys.stderr)
    return 0


async def _write_export(kind: str, out: str, container: Container) -> int:
    encoder = msgspec.json.Encoder()
    convert = KINDS[kind].of
    count = 0
    with _open_output(out) as sink:
        records: AsyncIterator[Any] = getattr(container, f"export_{kind}")()()
        async for record in records:
            sink.write(encoder.encode(convert(record)) + b"\n")
            count += 1
    return count


def _open_output(name: str) -> IO[bytes]:
    if name == "-":
        return sys.stdout.buffer
    if name.endswith(".gz"):
        return gzip.open(name, "wb", compresslevel=6)  # type: ignore[return-value]
    return open(name, "wb")
