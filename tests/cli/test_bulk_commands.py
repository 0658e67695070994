"""`conduit import`, `export` and `seed` against PostgreSQL, run as an operator runs them."""

import asyncio
import gzip
import json
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from httpx import Response
from litestar.testing import AsyncTestClient
from sqlalchemy import ColumnElement, select
from sqlalchemy.dialects import postgresql

from adapters.postgres import migrator, tables
from adapters.postgres.provisioning import asyncpg_dsn
from entrypoints.container import Container
from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.cli.conftest import CONDUIT, Run

CHEAP_HASHING = {"CONDUIT_ARGON2_MEMORY_KIB": "64", "CONDUIT_ARGON2_TIME_COST": "1"}


@pytest.fixture
def env(database_url_for_tests: str, db: object) -> dict[str, str]:
    """The test database, emptied after the test."""
    return {"CONDUIT_DATABASE_URL": database_url_for_tests, **CHEAP_HASHING}


def jsonl(path: Path, *records: object, raw: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(record) for record in records] + list(raw)
    opener = gzip.open if path.suffix == ".gz" else open
    # surrogate escapes stand for bytes that are not UTF-8: "\udcff" is written as 0xff
    with opener(path, "wt", encoding="utf-8", errors="surrogateescape") as out:
        out.write("\n".join(lines) + "\n")
    return path


def count(url: str, table: str) -> int:
    async def query() -> int:
        connection = await asyncpg.connect(asyncpg_dsn(url))
        try:
            return int(await connection.fetchval(f"SELECT count(*) FROM {table}"))  # noqa: S608
        finally:
            await connection.close()

    return asyncio.run(query())


def a_user(name: str, **fields: object) -> dict[str, object]:
    return {"username": name, "email": f"{name}@x.io", "password": "password123", **fields}


def an_article(n: int, author: str = "jake", **fields: object) -> dict[str, object]:
    return {
        "slug": f"article-{n}",
        "title": f"Article {n}",
        "description": "d",
        "body": "b",
        "tagList": ["t"],
        "author": author,
        "createdAt": f"2025-01-01T00:00:{n % 60:02d}.{n // 60 % 1000:03d}Z",
        **fields,
    }


def test_invalid_lines_go_to_the_rejects_file_and_exit_1(
    conduit: Run, env: dict[str, str], tmp_path: Path
) -> None:
    users = jsonl(
        tmp_path / "users.jsonl",
        a_user("jake"),
        a_user("jane", email="not-an-email"),
        raw=(
            "",
            "{not json",
            '{"username": "ann"}',
            json.dumps(a_user("ann")),
            '{"username": "\udcff\udcfe"}',
            '{"notes": ' + "[" * 100_000 + "]" * 100_000 + "}",
        ),
    )
    result = conduit("import", "users", str(users), env=env)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("read 7, imported 2, updated 0, unchanged 0, rejected 5, in ")
    assert f"rejected lines are in {users}.rejects.jsonl" in result.stdout
    rejects = [json.loads(line) for line in Path(f"{users}.rejects.jsonl").read_text().splitlines()]
    assert [(r["line"], r["reason"]) for r in rejects] == [
        (2, "email is invalid"),
        (4, "is not valid JSON"),
        (5, "email can't be blank"),
        (7, "is not valid JSON"),
        (8, "is nested too deeply"),
    ]
    assert rejects[1]["input"] == "{not json"
    assert count(env["CONDUIT_DATABASE_URL"], "users") == 2


def test_all_valid_exits_0_and_a_second_run_changes_nothing(
    conduit: Run, env: dict[str, str], tmp_path: Path
) -> None:
    users = jsonl(tmp_path / "users.jsonl.gz", a_user("jake"), a_user("jane"))
    articles = jsonl(
        tmp_path / "articles.jsonl",
        an_article(1, favoritedBy=["jane"], comments=[{"author": "jane", "body": "hi"}]),
        an_article(2, tagList=["a", "b"]),
    )
    assert conduit("import", "users", str(users), env=env).returncode == 0
    first = conduit("import", "articles", str(articles), env=env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("read 2, imported 2, updated 0, unchanged 0, rejected 0")
    exported = conduit("export", "articles", env=env).stdout

    again = conduit("import", "articles", str(articles), env=env)
    assert again.stdout.startswith("read 2, imported 0, updated 0, unchanged 2, rejected 0")
    assert conduit("export", "articles", env=env).stdout == exported
    assert not Path(f"{articles}.rejects.jsonl").exists()


def test_standard_input_and_gzip_are_read(conduit: Run, env: dict[str, str]) -> None:
    lines = "\n".join(json.dumps(a_user(name)) for name in ("jake", "jane"))
    result = conduit("import", "users", "-", env=env, stdin=lines)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("read 2, imported 2")


def test_a_dry_run_writes_nothing(conduit: Run, env: dict[str, str], tmp_path: Path) -> None:
    users = jsonl(tmp_path / "users.jsonl", a_user("jake"), a_user(""))
    result = conduit("import", "users", str(users), "--dry-run", env=env)
    assert result.returncode == 1
    assert result.stdout.startswith("read 2, valid 1, rejected 1")
    assert "dry run: nothing was written" in result.stdout
    assert count(env["CONDUIT_DATABASE_URL"], "users") == 0


def test_a_missing_file_is_a_usage_error(conduit: Run, env: dict[str, str]) -> None:
    result = conduit("import", "users", "/no/such.jsonl", env=env)
    assert result.returncode == 2
    assert result.stderr == (
        "conduit import: can't read /no/such.jsonl: No such file or directory\n"
    )


def test_a_damaged_gzip_file_stops_with_a_message(
    conduit: Run, env: dict[str, str], tmp_path: Path
) -> None:
    whole = jsonl(tmp_path / "users.jsonl.gz", *(a_user(f"u{n}") for n in range(50)))
    damaged = tmp_path / "damaged.jsonl.gz"
    damaged.write_bytes(whole.read_bytes()[:-20])
    result = conduit("import", "users", str(damaged), env=env)
    assert result.returncode == 1
    assert result.stderr.startswith(f"conduit import: reading {damaged} failed: ")
    assert "Traceback" not in result.stderr


# --- interruption -------------------------------------------------------------------------

LINES, BATCH = 30_000, 100


@pytest.fixture
def many_articles(conduit: Run, env: dict[str, str], tmp_path: Path) -> Path:
    conduit("import", "users", "-", env=env, stdin=json.dumps(a_user("jake")))
    return jsonl(tmp_path / "articles.jsonl", *(an_article(n) for n in range(LINES)))


def start_import(env: dict[str, str], path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(CONDUIT), "import", "articles", str(path), "--batch-size", str(BATCH)],
        env={"PATH": "/usr/bin:/bin", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop_when_written(process: subprocess.Popen[str], url: str, sig: signal.Signals) -> int:
    """Sends `sig` once some batches are stored; the number stored once it has stopped."""
    deadline = time.monotonic() + 30
    while count(url, "articles") == 0:
        assert time.monotonic() < deadline and process.poll() is None, "nothing was written"
        time.sleep(0.01)
    process.send_signal(sig)
    process.communicate(timeout=30)
    return count(url, "articles")


def test_a_killed_import_leaves_whole_batches_and_a_rerun_finishes(
    conduit: Run, env: dict[str, str], many_articles: Path
) -> None:
    url = env["CONDUIT_DATABASE_URL"]
    process = start_import(env, many_articles)
    stored = stop_when_written(process, url, signal.SIGKILL)
    assert 0 < stored < LINES and stored % BATCH == 0

    rerun = conduit("import", "articles", str(many_articles), env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.startswith(
        f"read {LINES}, imported {LINES - stored}, updated 0, unchanged {stored}, rejected 0"
    )
    assert count(url, "articles") == LINES


def test_ctrl_c_rolls_back_the_batches_in_flight(env: dict[str, str], many_articles: Path) -> None:
    process = start_import(env, many_articles)
    stored = stop_when_written(process, env["CONDUIT_DATABASE_URL"], signal.SIGINT)
    assert process.returncode == 130
    assert 0 < stored < LINES and stored % BATCH == 0


# --- round trip ---------------------------------------------------------------------------


def ok(response: Response) -> Response:
    assert response.status_code < 300, response.text
    return response


async def fill_through_the_api(settings: Settings) -> None:
    async with AsyncTestClient(create_app(Container(settings=settings))) as client:
        tokens = {}
        for name in ("jake", "jane", "ann"):
            response = ok(
                await client.post(
                    "/api/users",
                    json={"user": {"username": name, "email": f"{name}@x.io", "password": "p" * 8}},
                )
            )
            tokens[name] = {"Authorization": f"Token {response.json()['user']['token']}"}
        ok(
            await client.put(
                "/api/user",
                json={"user": {"bio": "I write", "image": "https://x.io/j.png"}},
                headers=tokens["jake"],
            )
        )
        for n, author in enumerate(("jake", "jane", "jake")):
            article = {"title": f"Post {n}", "description": "d", "body": "b", "tagList": [f"t{n}"]}
            ok(
                await client.post(
                    "/api/articles", json={"article": article}, headers=tokens[author]
                )
            )
        edit = {"article": {"body": "edited"}}
        ok(await client.put("/api/articles/post-0", json=edit, headers=tokens["jake"]))
        for fan in ("jane", "ann"):
            ok(await client.post("/api/articles/post-0/favorite", headers=tokens[fan]))
        comment_ids = []
        for body in ("first", "deleted", "third"):
            response = ok(
                await client.post(
                    "/api/articles/post-0/comments",
                    json={"comment": {"body": body}},
                    headers=tokens["ann"],
                )
            )
            comment_ids.append(response.json()["comment"]["id"])
        ok(
            await client.delete(
                f"/api/articles/post-0/comments/{comment_ids[1]}", headers=tokens["ann"]
            )
        )


async def what_readers_see(settings: Settings) -> dict[str, Any]:
    """Every anonymous read of the API, by path."""
    seen: dict[str, Any] = {}
    async with AsyncTestClient(create_app(Container(settings=settings))) as client:

        async def get(path: str) -> Any:
            response = await client.get(f"/api{path}")
            assert response.status_code == 200, (path, response.text)
            seen[path] = response.json()
            return seen[path]

        articles = (await get("/articles?limit=100"))["articles"]
        for article in articles:
            await get(f"/articles/{article['slug']}")
            await get(f"/articles/{article['slug']}/comments")
        for name in ("jake", "jane", "ann"):
            await get(f"/profiles/{name}")
            await get(f"/articles?favorited={name}")
            await get(f"/articles?author={name}")
        await get("/tags")
        await get("/articles?tag=t1")
    return seen


# Columns the import format does not carry: made anew by an import (ids, import times) or
# no part of an export (an account's role and suspension). Every other column must survive
# export then import.
NOT_CARRIED = {
    "users": {"id", "created_at", "updated_at", "role", "suspended_at"},
    "articles": {"id"},
    "favorites": {"created_at"},
    "comments": set(),
}


async def what_is_stored(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every carried column of each table, references to users and articles by username
    and slug (ids differ between databases), rows in a stable order."""
    stored = {}
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        for name, not_carried in NOT_CARRIED.items():
            table = tables.metadata.tables[name]
            columns = [_natural(column) for column in table.c if column.name not in not_carried]
            query = select(*columns).select_from(table).compile(dialect=postgresql.dialect())  # type: ignore[no-untyped-call]
            rows = await connection.fetch(str(query))
            stored[name] = sorted((tuple(row) for row in rows), key=repr)
    finally:
        await connection.close()
    return stored


def _natural(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """The column, or the username or slug of the row it refers to."""
    for reference in column.foreign_keys:
        target = reference.column.table
        key = target.c.username if target is tables.users else target.c.slug
        return select(key).where(reference.column == column).scalar_subquery().label(column.name)
    return column


def exported(conduit: Run, env: dict[str, str], kind: str) -> list[Any]:
    """The export's records, in a stable order (users exported in one batch tie on time)."""
    result = conduit("export", kind, env=env)
    assert result.returncode == 0, result.stderr
    return sorted((json.loads(line) for line in result.stdout.splitlines()), key=repr)


@pytest.fixture
def empty_database(new_database: Callable[[], str]) -> str:
    url = new_database()
    migrator.upgrade(url)
    return url


async def test_export_then_import_into_an_empty_database_reads_the_same(
    conduit: Run,
    env: dict[str, str],
    settings: Settings,
    empty_database: str,
    tmp_path: Path,
) -> None:
    await fill_through_the_api(settings)
    users, articles = tmp_path / "users.jsonl.gz", tmp_path / "articles.jsonl"
    assert conduit("export", "users", "--out", str(users), env=env).returncode == 0
    assert conduit("export", "articles", "--out", str(articles), env=env).returncode == 0

    elsewhere = {**env, "CONDUIT_DATABASE_URL": empty_database}
    for kind, path in (("users", users), ("articles", articles)):
        result = conduit("import", kind, str(path), env=elsewhere)
        assert result.returncode == 0, result.stdout + result.stderr

    before = await what_readers_see(settings)
    after = await what_readers_see(replace(settings, database_url=empty_database))
    assert after == before
    assert await what_is_stored(empty_database) == await what_is_stored(env["CONDUIT_DATABASE_URL"])
    for kind in ("users", "articles"):
        assert exported(conduit, elsewhere, kind) == exported(conduit, env, kind)
    first, third = sorted(c["id"] for c in after["/articles/post-0/comments"]["comments"])
    assert third - first == 2  # the ids, gap included, came along
    assert after["/articles?limit=100"]["articlesCount"] == 3


# --- seed ---------------------------------------------------------------------------------


def test_seed_loads_the_same_demo_data_once(conduit: Run, env: dict[str, str]) -> None:
    first = conduit("seed", "--users", "4", "--articles", "10", "--seed", "5", env=env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[:2] == [
        "users: read 4, imported 4, updated 0, unchanged 0, rejected 0",
        "articles: read 10, imported 10, updated 0, unchanged 0, rejected 0",
    ]
    exported = conduit("export", "articles", env=env).stdout
    assert len(exported.splitlines()) == 10

    again = conduit("seed", "--users", "4", "--articles", "10", "--seed", "5", env=env)
    assert again.stdout.splitlines()[:2] == [
        "users: read 4, imported 0, updated 0, unchanged 4, rejected 0",
        "articles: read 10, imported 0, updated 0, unchanged 10, rejected 0",
    ]
    assert conduit("export", "articles", env=env).stdout == exported
