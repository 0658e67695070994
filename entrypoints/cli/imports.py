"""`conduit import`: users or articles in bulk from JSON Lines.

The command reads the lines and reports progress; the use cases (the same the API uses,
through the same container) validate and store, a batch per transaction."""

import argparse
import asyncio
import gc
import gzip
import io
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import IO, Any, cast

import msgspec
import structlog
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from application.imports.lines import Rejected, Report
from entrypoints.cli.records import KINDS, ArticleJson, UserJson, reason_of
from entrypoints.cli.running import run_with_container
from entrypoints.cli.serve import positive
from entrypoints.container import Container
from entrypoints.messages import NESTED_TOO_DEEPLY, NOT_JSON, describe

log = structlog.stdlib.get_logger("conduit.import")
LOG_EVERY_SECONDS = 5.0
BATCHES_IN_FLIGHT = 2


def register(commands: Any) -> None:
    importing = commands.add_parser(
        "import",
        help="import users or articles from JSON Lines",
        description="Import users or articles, one JSON object a line (.gz read as such, - "
        "for standard input). Each line meets the API's rules; invalid lines go to the "
        "rejects file with their number and reason, the rest are stored, a batch per "
        "transaction. Importing the same file again changes nothing, so an interrupted "
        "import is finished by running it again. Exit status: 0 all lines valid, 1 some "
        "rejected, 2 usage error.",
        epilog="examples:\n"
        "  conduit import users users.jsonl.gz\n"
        "  conduit import articles articles.jsonl --batch-size 5000\n"
        "  zcat dump.jsonl.gz | conduit import articles - --dry-run\n\n"
        'users:    {"username": "jake", "email": "jake@example.com", "bio": null, '
        '"image": null, "password": "…"} (or "passwordHash": "$argon2id$…")\n'
        'articles: {"slug": "…", "title": "…", "description": "…", "body": "…", "tagList": [], '
        '"author": "jake", "createdAt": "…", "updatedAt": "…", "favoritedBy": [], '
        '"comments": [{"author": "…", "body": "…", "createdAt": "…"}]}',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    importing.add_argument("kind", choices=KINDS)
    importing.add_argument("file", help="a .jsonl or .jsonl.gz file, or - for standard input")
    importing.add_argument("--batch-size", type=positive, default=1000, help="lines a transaction")
    importing.add_argument(
        "--rejects", type=Path, help="where rejected lines go (FILE.rejects.jsonl)"
    )
    importing.add_argument(
        "--dry-run", action="store_true", help="validate and report, write nothing"
    )
    importing.set_defaults(run=_import)


def _import(args: argparse.Namespace) -> int:
    rejects_path = args.rejects or (
        Path("rejects.jsonl") if args.file == "-" else Path(f"{args.file}.rejects.jsonl")
    )
    try:
        source = _open_input(args.file)
    except OSError as error:
        print(f"conduit import: can't read {args.file}: {error.strerror}", file=sys.stderr)
        return 2
    rejects_path.unlink(missing_ok=True)  # a stale one would mislead
    _collect_garbage_less_often()
    started = time.monotonic()
    try:
        with source:
            report = run_with_container(partial(_run_import, args, source, rejects_path))
    except KeyboardInterrupt:
        print("interrupted: batches not yet committed were rolled back; run again to finish")
        return 130
    except UnreadableInput as error:
        print(f"conduit import: reading {args.file} failed: {error}", file=sys.stderr)
        print("the batches before it are stored; run again once the file is whole")
        return 1
    seconds = time.monotonic() - started
    rate = report.read / max(seconds, 1e-6)
    print(f"{counts(report, dry_run=args.dry_run)}, in {seconds:.2f} s ({rate:,.0f} lines/s)")
    if args.dry_run:
        print("dry run: nothing was written")
    if report.rejected:
        print(f"rejected lines are in {rejects_path}")
    return 1 if report.rejected else 0


async def _run_import(
    args: argparse.Namespace, source: IO[bytes], rejects_path: Path, container: Container
) -> Report:
    """Batches are checked here while the ones before are written, each in a transaction
    of its own: the oldest is finished (its rejects written) before more are started."""
    use_case = getattr(container, f"import_{args.kind}")()
    total = Report()
    in_flight: deque[tuple[asyncio.Task[Report], dict[int, bytes], list[Rejected]]] = deque()
    with ExitStack() as stack, _ProgressReporter(args.file) as progress:
        rejects = _Rejects(rejects_path, stack)

        async def finish_oldest() -> None:
            task, texts, unreadable = in_flight.popleft()
            report = await task
            report.read += len(unreadable)
            report.rejected.extend(unreadable)
            rejects.write(report.rejected, texts)
            total.add(report)
            progress(total, source)

        for texts, lines, unreadable in _batches(source, KINDS[args.kind], args.batch_size):
            task = asyncio.create_task(use_case(lines, dry_run=args.dry_run))
            in_flight.append((task, texts, unreadable))
            if len(in_flight) == BATCHES_IN_FLIGHT:
                await finish_oldest()
        while in_flight:
            await finish_oldest()
    return total


def _collect_garbage_less_often() -> None:
    """An import makes millions of short-lived objects and no cycles worth chasing: with
    the default thresholds the cycle collector takes a fifth of its time."""
    gc.freeze()  # what was loaded so far is never garbage
    gc.set_threshold(50_000, 20, 100)


def _batches(
    source: IO[bytes], kind: type[UserJson] | type[ArticleJson], size: int
) -> Iterator[tuple[dict[int, bytes], list[Any], list[Rejected]]]:
    """Lines read (by number), those parsed into application lines, those that could not
    be: a batch at a time."""
    decoder = msgspec.json.Decoder(kind)
    texts: dict[int, bytes] = {}
    lines: list[Any] = []
    unreadable: list[Rejected] = []
    for number, text in enumerate(_lines_of(source), start=1):
        if not text.strip():
            continue
        texts[number] = text
        try:
            lines.append(decoder.decode(text).line(number))
        except (msgspec.DecodeError, UnicodeDecodeError) as error:  # see JsonObjectRequest
            unreadable.append(Rejected(number, _reason(error)))
        except RecursionError:
            unreadable.append(Rejected(number, {"": [NESTED_TOO_DEEPLY]}))
        if len(texts) >= size:
            yield texts, lines, unreadable
            texts, lines, unreadable = {}, [], []
    if texts:
        yield texts, lines, unreadable


class UnreadableInput(Exception):
    """The input broke off: a damaged .gz file, a read error."""


def _lines_of(source: IO[bytes]) -> Iterator[bytes]:
    try:
        yield from source
    except (OSError, EOFError) as error:
        raise UnreadableInput(str(error) or type(error).__name__) from error


def _reason(error: Exception) -> dict[str, list[str]]:
    if not isinstance(error, msgspec.ValidationError):
        return {"": [NOT_JSON]}
    message, _, where = str(error).partition(" - at `$")
    field, text = describe(where.rstrip("`").lstrip("."), message)
    return {"line" if field == "body" and not where else field: [text]}


class _Rejects:
    """The rejects file, opened at the first rejected line: its number, reason and text."""

    def __init__(self, path: Path, stack: ExitStack) -> None:
        self._path = path
        self._stack = stack
        self._file: IO[bytes] | None = None
        self._encoder = msgspec.json.Encoder()

    def write(self, rejected: list[Rejected], texts: dict[int, bytes]) -> None:
        for reject in sorted(rejected, key=lambda r: r.line):
            if self._file is None:
                self._file = self._stack.enter_context(self._path.open("wb"))
            text = texts.get(reject.line, b"").decode("utf-8", "replace").rstrip("\n")
            entry = {"line": reject.line, "reason": reason_of(reject), "input": text}
            self._file.write(self._encoder.encode(entry) + b"\n")


def _open_input(name: str) -> IO[bytes]:
    source = cast(
        io.BufferedReader,
        sys.stdin.buffer if name == "-" else open(name, "rb"),  # noqa: SIM115
    )
    if source.peek(2)[:2] == b"\x1f\x8b":  # gzip, whatever the name
        return cast(IO[bytes], gzip.open(source))
    return source


class _ProgressReporter:
    """A progress bar with rows per second on a terminal; a log line every few seconds
    otherwise."""

    def __init__(self, name: str) -> None:
        self._size = Path(name).stat().st_size if name != "-" else None
        self._bar: Progress | None = None
        self._started = self._logged = time.monotonic()

    def __enter__(self) -> Callable[[Report, IO[bytes]], None]:
        if sys.stdout.isatty():
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.fields[rate]:,.0f} rows/s"),
                TimeElapsedColumn(),
            )
            self._bar.start()
            self._task = self._bar.add_task("importing", total=self._size, rate=0.0)
        return self._advance

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def _advance(self, total: Report, source: IO[bytes]) -> None:
        now = time.monotonic()
        rate = total.read / max(now - self._started, 1e-6)
        if self._bar is not None:
            position = _position(source)
            self._bar.update(
                self._task, completed=position, rate=rate, description=f"{total.read:,} lines"
            )
        elif now - self._logged >= LOG_EVERY_SECONDS:
            self._logged = now
            log.info("import progress", read=total.read, rows_per_second=round(rate))


def _position(source: IO[bytes]) -> int | None:
    try:
        inner = getattr(source, "fileobj", None) or source
        return int(inner.tell())
    except (OSError, ValueError):
        return None


def counts(report: Report, *, dry_run: bool = False) -> str:
    if dry_run:
        return f"read {report.read}, valid {report.valid}, rejected {len(report.rejected)}"
    return (
        f"read {report.read}, imported {report.imported}, updated {report.updated}, "
        f"unchanged {report.unchanged}, rejected {len(report.rejected)}"
    )
