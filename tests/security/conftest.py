import ipaddress
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace
from typing import Any

import pytest
from litestar import Litestar
from litestar.enums import ScopeType
from litestar.testing import AsyncTestClient
from litestar.types import Receive, Scope, Send

from entrypoints.container import Container
from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.http.conftest import client, console, container  # noqa: F401 (fixtures)

# Trusting the address the test client calls from, so `X-Forwarded-For` names the client.
LOOPBACK_PROXY = (ipaddress.ip_network("127.0.0.1/32"),)
ClientWith = Callable[..., AbstractAsyncContextManager[AsyncTestClient[Any]]]


class FromLoopback:
    """The app as reached from 127.0.0.1: the test client's own peer, "testclient", is no
    address, so no proxy in front of it could be trusted with `X-Forwarded-For`."""

    def __init__(self, app: Litestar) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP:
            scope["client"] = ("127.0.0.1", 50000)
        await self._app(scope, receive, send)


@pytest.fixture
def client_with(settings: Settings, db: Any) -> ClientWith:
    """A client of an app whose settings differ from the tests' in the given ways."""

    @asynccontextmanager
    async def start(**changes: Any) -> AsyncIterator[AsyncTestClient[Any]]:
        app = create_app(Container(settings=replace(settings, **changes)))
        async with AsyncTestClient(FromLoopback(app)) as started:
            yield started

    return start
