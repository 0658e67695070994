"""The composition root: which adapter serves which port. Tests override providers here."""

from datetime import timedelta

from dependency_injector import containers, providers

from adapters.clock import SystemClock
from adapters.postgres.database import Database
from adapters.postgres.unit_of_work import SqlaUnitOfWork
from adapters.security.argon2_hasher import Argon2PasswordHasher
from adapters.security.jose_tokens import JoseTokenService
from adapters.security.keys import load_key_file
from application.users.authenticate import Authenticate
from application.users.create import CreateUser
from application.users.current import GetCurrentUser
from application.users.login import LogIn
from application.users.register import RegisterUser
from application.users.update import UpdateUser
from entrypoints.settings import Settings


class Container(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)

    clock = providers.Singleton(SystemClock)
    database = providers.Singleton(
        Database,
        settings.provided.require_database_url.call(),
        pool_size=settings.provided.db_pool_size,
    )
    uow = providers.Factory(SqlaUnitOfWork, database.provided.session_factory)

    hasher = providers.Singleton(
        Argon2PasswordHasher,
        time_cost=settings.provided.argon2_time_cost,
        memory_cost_kib=settings.provided.argon2_memory_kib,
        parallelism=settings.provided.argon2_parallelism,
        max_concurrency=settings.provided.password_hash_concurrency,
    )
    keys = providers.Singleton(load_key_file, settings.provided.require_jwt_keys_file.call())
    tokens = providers.Singleton(
        JoseTokenService,
        keys,
        issuer=settings.provided.jwt_issuer,
        audience=settings.provided.jwt_audience,
        lifetime=providers.Factory(timedelta, seconds=settings.provided.access_token_ttl),
        clock=clock,
    )

    authenticate = providers.Factory(Authenticate, tokens)
    register_user = providers.Factory(RegisterUser, uow, hasher, tokens, clock)
    create_user = providers.Factory(CreateUser, uow, hasher, clock)
    log_in = providers.Factory(LogIn, uow, hasher, tokens)
    get_current_user = providers.Factory(GetCurrentUser, uow)
    update_user = providers.Factory(UpdateUser, uow, hasher, clock)


async def shutdown(container: Container) -> None:
    """Releases the pool and the hashing threads; runs on the loop that used the pool."""
    await container.database().close()
    container.hasher().close()
