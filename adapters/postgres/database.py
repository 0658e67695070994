from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from adapters.postgres.mappings import start_mappers


def asyncpg_url(database_url: str) -> URL:
    """Accepts postgres://, postgresql:// and postgresql+asyncpg:// URLs."""
    url = make_url(database_url)
    if url.get_backend_name() not in ("postgres", "postgresql"):
        raise ValueError("must be a postgresql:// URL")
    return url.set(drivername="postgresql+asyncpg")


class Database:
    """The engine, and so the connection pool, of one process. Connections open lazily;
    `close()` must run on the event loop that used them."""

    def __init__(self, database_url: str, *, pool_size: int) -> None:
        start_mappers()
        self.engine = create_async_engine(
            asyncpg_url(database_url), pool_size=pool_size, max_overflow=0
        )
        self.session_factory: async_sessionmaker[AsyncSession] = async_sessionmaker(
            self.engine, expire_on_commit=False, autoflush=False
        )

    async def close(self) -> None:
        await self.engine.dispose()
