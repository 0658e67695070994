"""`make bench-tags`: GET /api/tags served by uvicorn on a fresh database, then again after
10,000 article edits that each replace all 20 tags of an article with new names (the tag
history one ordinary author can leave). Fails unless the median latency after the edits is
within 2x of the fresh one.

The database is created on CONDUIT_TEST_DATABASE_URL's server, or an embedded one, and
dropped afterwards."""

import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from application.principal import Principal
from application.users.accounts import NewAccount
from domain.articles import ArticleChanges, ArticleContent
from entrypoints.container import Container, shutdown
from entrypoints.settings import Settings
from tests.bench import bench_database, wait_until_live

ARTICLES, VOCABULARY, TAGS_EACH = 200, 300, 20
EDITS, EDITORS = 10_000, 4  # each editor edits an article of its own
MAX_RATIO = 2.0
SAMPLES, SAMPLE_SECONDS = 300, 10.0
UVICORN = Path(sys.executable).parent / "uvicorn"


async def seed() -> tuple[Principal, list[str]]:
    """One author, ARTICLES articles tagged from a shared vocabulary; returns the author
    and the slugs of the articles the editors will edit."""
    container = Container(settings=Settings.from_env())
    rng = random.Random(11)
    vocabulary = [f"topic{n}" for n in range(VOCABULARY)]
    try:
        account = NewAccount("author", "author@bench.io", "password123")
        author = await container.authenticate()((await container.register_user()(account)).token)
        slugs = []
        for n in range(ARTICLES):
            article = ArticleContent(f"Article {n}", "d", "b", rng.sample(vocabulary, TAGS_EACH))
            slugs.append((await container.create_article()(author, article)).slug)
        return author, slugs[:EDITORS]
    finally:
        await shutdown(container)


async def edit(author: Principal, slugs: list[str]) -> None:
    """EDITS edits through the use case, each giving an article TAGS_EACH new tags."""
    container = Container(settings=Settings.from_env())

    async def editor(slug: str, first: int) -> None:
        for n in range(first, EDITS, EDITORS):
            tags = [f"edit{n}-{k}" for k in range(TAGS_EACH)]
            await container.update_article()(author, slug, ArticleChanges(tag_list=tags))

    try:
        await asyncio.gather(*(editor(slug, first) for first, slug in enumerate(slugs)))
    finally:
        await shutdown(container)


@contextmanager
def served() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        str(UVICORN), "--factory", "entrypoints.http.app:create_app", "--port", str(port),
        "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_live(base)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def median_latency(base: str) -> float:
    """Seconds per GET /api/tags, one request at a time: the median of up to SAMPLES
    requests or SAMPLE_SECONDS, after a few to warm up. Exits on an answer other than 200
    (a statement timeout answers 503)."""
    with httpx.Client(base_url=base, timeout=120) as client:

        def timed() -> float:
            start = time.perf_counter()
            status = client.get("/api/tags").status_code
            seconds = time.perf_counter() - start
            if status != 200:
                raise SystemExit(f"GET /api/tags answered {status} after {seconds:.1f} s")
            return seconds

        for _ in range(5):
            timed()
        latencies: list[float] = []
        deadline = time.perf_counter() + SAMPLE_SECONDS
        while len(latencies) < SAMPLES and (len(latencies) < 5 or time.perf_counter() < deadline):
            latencies.append(timed())
    return statistics.median(latencies)


def main() -> None:
    with bench_database():
        os.environ.update(CONDUIT_RATE_LIMIT_PER_MINUTE="100000000", CONDUIT_ARGON2_MEMORY_KIB="64")
        print(f"seeding {ARTICLES} articles with {TAGS_EACH} tags each ...", flush=True)
        author, slugs = asyncio.run(seed())
        with served() as base:
            fresh = median_latency(base)
            print(f"fresh:       {fresh * 1000:>9.2f} ms per GET /api/tags", flush=True)
            started = time.perf_counter()
            asyncio.run(edit(author, slugs))
            seconds = time.perf_counter() - started
            print(f"{EDITS:,} edits of {TAGS_EACH} tags each in {seconds:.0f} s", flush=True)
            after = median_latency(base)
    ratio = after / fresh
    print(f"after edits: {after * 1000:>9.2f} ms per GET /api/tags")
    print(f"after / fresh: {ratio:.2f} (at most {MAX_RATIO:.0f} required)")
    if ratio > MAX_RATIO:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
