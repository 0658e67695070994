"""Each contract test runs once per adapter set: the in-memory fakes and PostgreSQL."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from adapters.memory.queries import InMemoryQueries
from adapters.memory.store import InMemoryStore
from adapters.memory.unit_of_work import InMemoryUnitOfWork
from adapters.postgres.queries import SqlaQueries
from adapters.postgres.unit_of_work import SqlaUnitOfWork
from application.ports.queries import (
    AdminQueries,
    ArticleQueries,
    CommentQueries,
    ProfileQueries,
    SessionLookup,
    TagQueries,
)
from application.ports.unit_of_work import UnitOfWork

UnitOfWorkFactory = Callable[[], UnitOfWork]


class Queries(
    ArticleQueries, CommentQueries, ProfileQueries, TagQueries, SessionLookup, AdminQueries
):
    """All the query ports, as one adapter object implements them."""


@dataclass
class Backend:
    new_uow: UnitOfWorkFactory
    """Units of work over one shared database, as separate requests would get."""
    queries: Queries


@pytest.fixture(params=["memory", "postgres"])
def backend(request: pytest.FixtureRequest) -> Backend:
    if request.param == "memory":
        store = InMemoryStore()
        return Backend(lambda: InMemoryUnitOfWork(store), InMemoryQueries(store))  # type: ignore[arg-type]
    database = request.getfixturevalue("db")
    return Backend(
        lambda: SqlaUnitOfWork(database.session_factory),
        SqlaQueries(database.engine),  # type: ignore[arg-type]
    )


@pytest.fixture
def new_uow(backend: Backend) -> UnitOfWorkFactory:
    return backend.new_uow
