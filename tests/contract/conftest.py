"""Each contract test runs once per adapter: the in-memory fake and PostgreSQL."""

from collections.abc import Callable

import pytest

from adapters.memory.store import InMemoryStore
from adapters.memory.unit_of_work import InMemoryUnitOfWork
from adapters.postgres.unit_of_work import SqlaUnitOfWork
from application.ports.unit_of_work import UnitOfWork

UnitOfWorkFactory = Callable[[], UnitOfWork]


@pytest.fixture(params=["memory", "postgres"])
def new_uow(request: pytest.FixtureRequest) -> UnitOfWorkFactory:
    """Makes units of work over one shared store, as separate requests would."""
    if request.param == "memory":
        store = InMemoryStore()
        return lambda: InMemoryUnitOfWork(store)
    database = request.getfixturevalue("db")
    return lambda: SqlaUnitOfWork(database.session_factory)
