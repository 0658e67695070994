"""Demo data: the same users and articles for the same seed, stored through the import
path, so it obeys every rule imported data obeys."""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import TypeVar

from application.imports.articles import ImportArticles
from application.imports.lines import ArticleLine, CommentLine, Report, UserLine
from application.imports.users import ImportUsers
from application.ports.bulk import BulkStore
from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from domain.articles import ArticleContent
from domain.identifiers import identity_key

T = TypeVar("T")

DEMO_PASSWORD = "conduit-demo"  # noqa: S105 (published: demo accounts only)
START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
NAMES = [
    "ada",
    "alan",
    "grace",
    "linus",
    "margaret",
    "ken",
    "barbara",
    "edsger",
    "frances",
    "niklaus",
]
WORDS = [
    "dragon",
    "training",
    "sunrise",
    "river",
    "garden",
    "compiler",
    "lambda",
    "kernel",
    "harbor",
    "meadow",
    "lantern",
    "orbit",
    "prism",
    "quartz",
    "rocket",
    "signal",
    "timber",
    "violet",
    "whisper",
    "zephyr",
]
TAGS = ["python", "postgres", "litestar", "design", "testing", "devops", "security", "data"]


@dataclass(frozen=True, slots=True)
class DemoSize:
    users: int
    articles: int
    seed: int = 1


class SeedDemoData:
    """Every demo user's password is `DEMO_PASSWORD` (hashed once)."""

    def __init__(
        self, store: BulkStore, hasher: PasswordHasher, clock: Clock, batch_size: int = 1000
    ) -> None:
        self._store = store
        self._hasher = hasher
        self._clock = clock
        self._batch_size = batch_size

    async def __call__(self, size: DemoSize) -> tuple[Report, Report]:
        rng = random.Random(size.seed)  # noqa: S311 (repeatable, not secret)
        names = [f"{NAMES[n % len(NAMES)]}{n}" for n in range(size.users)]
        password_hash = await self._password_hash(names[0] if names else "")
        users = Report()
        import_users = ImportUsers(self._store, self._hasher, self._clock)
        for user_batch in _batches(_users(names, password_hash, rng), self._batch_size):
            users.add(await import_users(user_batch))
        articles = Report()
        import_articles = ImportArticles(self._store, self._clock)
        lines = _articles(names, size.articles, rng) if names else iter(())
        for article_batch in _batches(lines, self._batch_size):
            articles.add(await import_articles(article_batch))
        return users, articles

    async def _password_hash(self, first_user: str) -> str:
        """The demo password's hash: the stored one when seeding again, so nothing changes."""
        key = identity_key(first_user)
        known = (await self._store.password_hashes({key})).get(key)
        if known is not None and await self._hasher.verify(known, DEMO_PASSWORD):
            return known
        return await self._hasher.hash(DEMO_PASSWORD)


def _users(names: list[str], password_hash: str, rng: random.Random) -> Iterator[UserLine]:
    for n, name in enumerate(names, start=1):
        yield UserLine(
            n,
            username=name,
            email=f"{name}@demo.conduit.example",
            bio=f"Writes about {' and '.join(rng.sample(WORDS, 2))}.",
            password_hash=password_hash,
        )


def _articles(names: list[str], count: int, rng: random.Random) -> Iterator[ArticleLine]:
    for n in range(1, count + 1):
        created = START + timedelta(minutes=37 * n)
        words = rng.sample(WORDS, 4)
        commenters = rng.sample(names, min(len(names), rng.randint(0, 3)))
        yield ArticleLine(
            n,
            content=ArticleContent(
                title=" ".join(words).capitalize(),
                description=f"On {words[0]} and {words[1]}.",
                body="\n\n".join(" ".join(rng.choices(WORDS, k=40)) for _ in range(3)),
                tag_list=rng.sample(TAGS, 3),
            ),
            author=rng.choice(names),
            slug=f"{'-'.join(words)}-{n}",
            created_at=created,
            updated_at=created,
            favorited_by=tuple(rng.sample(names, min(len(names), rng.randint(0, 5)))),
            comments=tuple(
                CommentLine(
                    author=commenter,
                    body=" ".join(rng.choices(WORDS, k=12)),
                    created_at=created + timedelta(hours=k + 1),
                )
                for k, commenter in enumerate(commenters)
            ),
        )


def _batches(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while batch := list(islice(items, size)):
        yield batch
