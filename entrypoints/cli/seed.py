"""`conduit seed`: deterministic demo data, stored through the import path."""

import argparse
import time
from typing import Any

from application.imports.demo import DEMO_PASSWORD, DemoSize
from entrypoints.cli.imports import counts
from entrypoints.cli.running import run_with_container
from entrypoints.cli.serve import at_least, positive


def register(commands: Any) -> None:
    seeding = commands.add_parser(
        "seed",
        help="load deterministic demo data",
        description="Create demo users and articles through the import path: the same seed "
        f"gives the same data. Every demo user's password is {DEMO_PASSWORD!r}.",
        epilog="example: conduit seed --users 50 --articles 500 --seed 7",
    )
    seeding.add_argument("--users", type=positive, required=True, help="how many users")
    seeding.add_argument("--articles", type=at_least(0), default=0, help="how many articles")
    seeding.add_argument("--seed", type=int, default=1, help="another seed, other data")
    seeding.set_defaults(run=_seed)


def _seed(args: argparse.Namespace) -> int:
    size = DemoSize(users=args.users, articles=args.articles, seed=args.seed)
    started = time.monotonic()
    users, articles = run_with_container(lambda container: container.seed_demo_data()(size))
    print(f"users: {counts(users)}")
    print(f"articles: {counts(articles)}")
    print(f"in {time.monotonic() - started:.2f} s")
    print(f"every demo user's password is {DEMO_PASSWORD!r}")
    return 1 if users.rejected or articles.rejected else 0
