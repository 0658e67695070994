from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from entrypoints.container import Container
from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.http.conftest import Client, client, console, container  # noqa: F401 (fixtures)

ClientWith = Callable[..., AbstractAsyncContextManager[Client]]


@pytest.fixture
def client_with(settings: Settings, db: Any) -> ClientWith:
    """A client of an app whose settings differ from the tests' in the given ways."""

    @asynccontextmanager
    async def start(**changes: Any) -> AsyncIterator[Client]:
        app = create_app(Container(settings=replace(settings, **changes)))
        async with AsyncTestClient(app) as started:
            yield started

    return start
