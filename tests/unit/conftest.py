"""Use cases wired by the real container with the in-memory adapters swapped in."""

from pathlib import Path

import pytest
from dependency_injector import providers

from adapters.memory.bulk import InMemoryBulkReader, InMemoryBulkStore
from adapters.memory.clock import FakeClock
from adapters.memory.queries.admin import InMemoryAdminQueries
from adapters.memory.queries.articles import InMemoryArticleQueries
from adapters.memory.queries.comments import InMemoryCommentQueries
from adapters.memory.queries.profiles import InMemoryProfileQueries
from adapters.memory.queries.sessions import InMemorySessionLookup
from adapters.memory.queries.tags import InMemoryTagQueries
from adapters.memory.store import InMemoryStore
from adapters.memory.unit_of_work import InMemoryUnitOfWork
from adapters.security.argon2_hasher import Argon2PasswordHasher
from application.principal import Principal
from application.users.accounts import NewAccount
from entrypoints.container import Container
from entrypoints.settings import Settings
from tests.conftest import GENEROUS_LIMITS


@pytest.fixture
def app(
    store: InMemoryStore, clock: FakeClock, key_file: Path, hasher: Argon2PasswordHasher
) -> Container:
    container = Container(settings=Settings(jwt_keys_file=key_file, **GENEROUS_LIMITS))
    container.clock.override(providers.Object(clock))
    container.hasher.override(providers.Object(hasher))
    container.uow.override(providers.Factory(InMemoryUnitOfWork, store))
    container.article_queries.override(providers.Object(InMemoryArticleQueries(store)))
    container.comment_queries.override(providers.Object(InMemoryCommentQueries(store)))
    container.profile_queries.override(providers.Object(InMemoryProfileQueries(store)))
    container.tag_queries.override(providers.Object(InMemoryTagQueries(store)))
    container.session_lookup.override(providers.Object(InMemorySessionLookup(store)))
    container.admin_queries.override(providers.Object(InMemoryAdminQueries(store)))
    container.bulk_store.override(providers.Object(InMemoryBulkStore(store)))
    container.bulk_reader.override(providers.Object(InMemoryBulkReader(store)))
    return container


async def sign_up(app: Container, username: str) -> Principal:
    account = NewAccount(username=username, email=f"{username}@x.io", password="password123")
    signed_in = await app.register_user()(account)
    return await app.authenticate()(signed_in.token)
