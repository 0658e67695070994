"""Seeds a database for the API benchmarks through the use cases.

python -m tests.bench.seed --users 200 --articles 2000   (CONDUIT_* settings as for serve)
Prints a token of a user who follows everyone, for authenticated requests."""

import argparse
import asyncio
import random

from application.users.accounts import NewAccount
from domain.articles import ArticleContent
from entrypoints.container import Container, shutdown
from entrypoints.settings import Settings

TAGS = [f"tag{n}" for n in range(50)]


async def seed(users: int, articles: int) -> str:
    container = Container(settings=Settings.from_env())
    rng = random.Random(7)
    try:
        principals = []
        for n in range(users):
            account = NewAccount(f"user{n}", f"user{n}@bench.io", "password123")
            token = (await container.register_user()(account)).token
            principals.append((token, await container.authenticate()(token)))
        for n in range(articles):
            _, author = rng.choice(principals)
            article = ArticleContent(
                f"Article {n}", "description", "body " * 50, rng.sample(TAGS, 3)
            )
            slug = (await container.create_article()(author, article)).slug
            for _, fan in rng.sample(principals, 3):
                await container.favorite_article()(fan, slug)
        reader_token, reader = principals[0]
        for n in range(1, users):
            await container.follow_user()(reader, f"user{n}")
        return reader_token
    finally:
        await shutdown(container)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    print(asyncio.run(seed(args.users, args.articles)))


if __name__ == "__main__":
    main()
