"""`make bench-import`: 200,000 articles with 3 tags each over 10,000 users (given with
`passwordHash`), imported with `conduit import` into a fresh database, against a plain COPY
of the same rows into an unindexed table in the same run; then the peak memory of
`conduit export articles`. Fails unless the import reaches 25% of the COPY rate and the
export stays under 300 MiB.

The database is created on CONDUIT_TEST_DATABASE_URL's server, or an embedded one."""

import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import msgspec

from adapters.postgres.provisioning import asyncpg_dsn
from adapters.security.argon2_hasher import Argon2PasswordHasher
from tests.bench import bench_database

USERS, ARTICLES, TAGS_EACH = 10_000, 200_000, 3
PROBE_COLUMNS = [
    ("slug", "text"),
    ("title", "text"),
    ("description", "text"),
    ("body", "text"),
    ("tag_list", "text[]"),
    ("author", "text"),
    ("created_at", "timestamptz"),
    ("updated_at", "timestamptz"),
]
CONDUIT = Path(sys.executable).parent / "conduit"
WORDS = [
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "consectetur",
    "adipiscing",
    "elit",
    "sed",
    "do",
    "eiusmod",
    "tempor",
]


def generate(directory: Path) -> tuple[Path, Path, list[tuple[object, ...]]]:
    rng = random.Random(2026)
    hasher = Argon2PasswordHasher(time_cost=1, memory_cost_kib=64, parallelism=1, max_concurrency=1)
    password_hash = asyncio.run(hasher.hash("benchmark"))
    encoder = msgspec.json.Encoder()
    users = directory / "users.jsonl"
    with users.open("wb") as out:
        for n in range(USERS):
            record = {"username": f"u{n}", "email": f"u{n}@bench.io", "passwordHash": password_hash}
            out.write(encoder.encode(record) + b"\n")
    tags = [f"tag{n}" for n in range(500)]
    start = datetime(2025, 1, 1, tzinfo=UTC)
    rows: list[tuple[object, ...]] = []
    articles = directory / "articles.jsonl"
    with articles.open("wb") as out:
        for n in range(ARTICLES):
            at = start + timedelta(seconds=30 * n)
            slug, title = f"article-{n}", f"Article {n} about {' '.join(rng.sample(WORDS, 3))}"
            description = " ".join(rng.choices(WORDS, k=12))
            body = " ".join(rng.choices(WORDS, k=80))
            tag_list, author = rng.sample(tags, TAGS_EACH), f"u{rng.randrange(USERS)}"
            article = {
                "slug": slug,
                "title": title,
                "description": description,
                "body": body,
                "tagList": tag_list,
                "author": author,
                "createdAt": at.isoformat(),
                "updatedAt": at.isoformat(),
            }
            out.write(encoder.encode(article) + b"\n")
            rows.append((slug, title, description, body, sorted(tag_list), author, at, at))
    return users, articles, rows


async def plain_copy_rate(url: str, rows: list[tuple[object, ...]]) -> float:
    """The median of three COPYs, each into a new table: a single one varies by half."""
    connection = await asyncpg.connect(asyncpg_dsn(url))
    rates = []
    try:
        for _ in range(3):
            await connection.execute(
                f"CREATE TABLE copy_probe ({', '.join(f'{c} {t}' for c, t in PROBE_COLUMNS)})"
            )
            started = time.perf_counter()
            await connection.copy_records_to_table("copy_probe", records=rows)
            rates.append(len(rows) / (time.perf_counter() - started))
            await connection.execute("DROP TABLE copy_probe")
    finally:
        await connection.close()
    return statistics.median(rates)


async def indexed_copy_rate(url: str, rows: list[tuple[object, ...]]) -> float:
    """What the schema alone costs: the rows, authors resolved and nothing left to check,
    COPY'd in the import's batches into a table like `articles` (indexes, foreign key)."""
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await connection.execute(
            "CREATE TABLE articles_probe (LIKE articles INCLUDING ALL);"
            " ALTER TABLE articles_probe ADD FOREIGN KEY (author_id) REFERENCES users (id)"
        )
        ids = dict(await connection.fetch("SELECT username, id FROM users"))
        ready = [(*row[:5], ids[row[5]], *row[6:]) for row in rows]
        columns = [name if name != "author" else "author_id" for name, _ in PROBE_COLUMNS]
        started = time.perf_counter()
        for start in range(0, len(ready), 1000):
            async with connection.transaction():
                await connection.execute("SET LOCAL synchronous_commit = off")
                await connection.copy_records_to_table(
                    "articles_probe",
                    records=ready[start : start + 1000],
                    columns=columns,
                )
        seconds = time.perf_counter() - started
        await connection.execute("DROP TABLE articles_probe")
    finally:
        await connection.close()
    return len(rows) / seconds


def imported_in(*args: str) -> tuple[float, float]:
    """Seconds `conduit import` reports (from opening the file to the last commit), and
    seconds of the whole process (with Python's start, about 0.6 s here)."""
    started = time.perf_counter()
    done = subprocess.run(
        [str(CONDUIT), "import", *args], check=True, capture_output=True, text=True
    )
    whole = time.perf_counter() - started
    reported = re.search(r" in ([0-9.]+) s ", done.stdout)
    assert reported, done.stdout
    return float(reported.group(1)), whole


# Run from a small parent: a child forked from this process (which holds every generated
# row) would count this process's memory as its own peak.
MEASURE_PEAK = (
    "import resource, subprocess, sys;"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_memory_mib(*args: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE_PEAK, str(CONDUIT), *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout) / 1024


def main() -> None:
    work = Path(tempfile.mkdtemp())
    with bench_database() as url:
        print(f"generating {USERS:,} users and {ARTICLES:,} articles ...", flush=True)
        users, articles, rows = generate(work)
        imported_in("users", str(users))
        seconds, whole = imported_in("articles", str(articles))
        copy_rate = asyncio.run(plain_copy_rate(url, rows))
        schema_rate = asyncio.run(indexed_copy_rate(url, rows))
        again, _ = imported_in("articles", str(articles))
        memory = peak_memory_mib("export", "articles", "--out", os.devnull)
    import_rate = ARTICLES / seconds
    share = import_rate / copy_rate
    print(
        f"import articles:   {import_rate:>10,.0f} rows/s ({seconds:.2f} s as reported;"
        f" {ARTICLES / whole:,.0f} rows/s counting Python's start, {whole:.2f} s)"
    )
    print(f"plain COPY:        {copy_rate:>10,.0f} rows/s (unindexed table, same rows)")
    print(f"import / COPY:     {share:>10.0%} (at least 25% required)")
    print(
        f"COPY into articles:{schema_rate:>10,.0f} rows/s ({schema_rate / copy_rate:.0%} of plain"
        " COPY: the same rows, ready made, into a copy of the articles table with its indexes"
        " and foreign key, in batches of 1,000 on one connection)"
    )
    print(f"import again:      {ARTICLES / again:>10,.0f} rows/s (all unchanged, {again:.2f} s)")
    print(f"export peak RSS:   {memory:>10,.0f} MiB (under 300 MiB required)")
    if share < 0.25 or memory >= 300:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
