from collections.abc import AsyncIterator

import pytest

from adapters.postgres.database import Database
from entrypoints.container import Container, shutdown
from entrypoints.settings import Settings


@pytest.fixture
async def app(settings: Settings, db: Database) -> AsyncIterator[Container]:
    """The production wiring on the test database."""
    container = Container(settings=settings)
    yield container
    await shutdown(container)
