"""Each contract test runs once per adapter set: the in-memory fakes and PostgreSQL."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from adapters.memory.queries.admin import InMemoryAdminQueries
from adapters.memory.queries.articles import InMemoryArticleQueries
from adapters.memory.queries.comments import InMemoryCommentQueries
from adapters.memory.queries.profiles import InMemoryProfileQueries
from adapters.memory.queries.sessions import InMemorySessionLookup
from adapters.memory.queries.tags import InMemoryTagQueries
from adapters.memory.store import InMemoryStore
from adapters.memory.unit_of_work import InMemoryUnitOfWork
from adapters.postgres.queries.admin import SqlaAdminQueries
from adapters.postgres.queries.articles import SqlaArticleQueries
from adapters.postgres.queries.comments import SqlaCommentQueries
from adapters.postgres.queries.profiles import SqlaProfileQueries
from adapters.postgres.queries.sessions import SqlaSessionLookup
from adapters.postgres.queries.tags import SqlaTagQueries
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


@dataclass
class Backend:
    new_uow: UnitOfWorkFactory
    """Units of work over one shared database, as separate requests would get."""
    article_queries: ArticleQueries
    comment_queries: CommentQueries
    profile_queries: ProfileQueries
    tag_queries: TagQueries
    session_lookup: SessionLookup
    admin_queries: AdminQueries


@pytest.fixture(params=["memory", "postgres"])
def backend(request: pytest.FixtureRequest) -> Backend:
    if request.param == "memory":
        store = InMemoryStore()
        return Backend(
            lambda: InMemoryUnitOfWork(store),
            InMemoryArticleQueries(store),
            InMemoryCommentQueries(store),
            InMemoryProfileQueries(store),
            InMemoryTagQueries(store),
            InMemorySessionLookup(store),
            InMemoryAdminQueries(store),
        )
    database = request.getfixturevalue("db")
    engine = database.engine
    return Backend(
        lambda: SqlaUnitOfWork(database.session_factory),
        SqlaArticleQueries(engine),
        SqlaCommentQueries(engine),
        SqlaProfileQueries(engine),
        SqlaTagQueries(engine),
        SqlaSessionLookup(engine),
        SqlaAdminQueries(engine),
    )


@pytest.fixture
def new_uow(backend: Backend) -> UnitOfWorkFactory:
    return backend.new_uow
