"""The composition root: which adapter serves which port. Tests override providers here."""

from datetime import timedelta
from typing import TypeVar

from dependency_injector import containers, providers

from adapters.clock import SystemClock
from adapters.postgres.bulk import PostgresBulkReader, PostgresBulkStore
from adapters.postgres.database import Database
from adapters.postgres.queries.admin import SqlaAdminQueries
from adapters.postgres.queries.articles import SqlaArticleQueries
from adapters.postgres.queries.comments import SqlaCommentQueries
from adapters.postgres.queries.profiles import SqlaProfileQueries
from adapters.postgres.queries.sessions import SqlaSessionLookup
from adapters.postgres.queries.tags import SqlaTagQueries
from adapters.postgres.unit_of_work import SqlaUnitOfWork
from adapters.rate_limits import LimitsRateLimiter
from adapters.security.argon2_hasher import Argon2PasswordHasher
from adapters.security.jose_tokens import JoseTokenService
from adapters.security.keys import load_key_file
from application.admin.accounts import ChangeRole, SuspendUser, UnsuspendUser
from application.admin.listing import ListAudit, ListUsers
from application.articles.create import CreateArticle
from application.articles.delete import DeleteArticle
from application.articles.favorite import FavoriteArticle, UnfavoriteArticle
from application.articles.feed import GetFeed
from application.articles.get import GetArticle
from application.articles.list import ListArticles
from application.articles.update import UpdateArticle
from application.comments.add import AddComment
from application.comments.delete import DeleteComment
from application.comments.list import ListComments
from application.imports.articles import ImportArticles
from application.imports.demo import SeedDemoData
from application.imports.export import ExportArticles, ExportUsers
from application.imports.users import ImportUsers
from application.profiles.follow import FollowUser, UnfollowUser
from application.profiles.get import GetProfile
from application.sessions.logout import LogOut
from application.sessions.manage import ListSessions, RevokeSession
from application.sessions.purge import PurgeExpiredSessions
from application.sessions.refresh import RefreshSession
from application.tags.list import ListTags
from application.users.authenticate import Authenticate
from application.users.create import CreateUser
from application.users.current import GetCurrentUser
from application.users.login import LogIn
from application.users.register import RegisterUser
from application.users.throttle import AccountThrottle, LoginLockout
from application.users.update import UpdateUser
from entrypoints.settings import Settings

T = TypeVar("T")


class UseCase(providers.Factory[T]):
    """Provides a use case: what a driving adapter calls by the provider's name. The HTTP
    app offers every one as a Litestar dependency of that name."""


class Container(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)

    clock = providers.Singleton(SystemClock)
    database = providers.Singleton(
        Database,
        settings.provided.require_database_url.call(),
        pool_size=settings.provided.db_pool_size,
        pool_timeout=settings.provided.db_pool_timeout,
        statement_timeout_ms=settings.provided.db_statement_timeout_ms,
    )
    uow = providers.Factory(SqlaUnitOfWork, database.provided.session_factory)
    engine = database.provided.engine
    article_queries = providers.Singleton(SqlaArticleQueries, engine)
    comment_queries = providers.Singleton(SqlaCommentQueries, engine)
    profile_queries = providers.Singleton(SqlaProfileQueries, engine)
    tag_queries = providers.Singleton(SqlaTagQueries, engine)
    session_lookup = providers.Singleton(SqlaSessionLookup, engine)
    admin_queries = providers.Singleton(SqlaAdminQueries, engine)
    bulk_store = providers.Singleton(PostgresBulkStore, engine)
    bulk_reader = providers.Singleton(PostgresBulkReader, engine)

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

    session_lifetime = providers.Factory(timedelta, seconds=settings.provided.refresh_token_ttl)
    rate_limiter = providers.Singleton(
        LimitsRateLimiter,
        settings.provided.redis_url,
        key_prefix=settings.provided.redis_key_prefix,
    )
    account_throttle = providers.Factory(
        AccountThrottle, rate_limiter, settings.provided.auth_rate_limit_per_minute
    )
    login_lockout = providers.Factory(LoginLockout, rate_limiter)

    authenticate = UseCase(Authenticate, tokens, session_lookup, clock)
    register_user = UseCase(
        RegisterUser, uow, hasher, tokens, clock, session_lifetime, account_throttle
    )
    create_user = UseCase(CreateUser, uow, hasher, clock)
    log_in = UseCase(LogIn, uow, hasher, tokens, clock, session_lifetime, login_lockout)
    refresh_session = UseCase(RefreshSession, uow, tokens, clock, session_lifetime)
    log_out = UseCase(LogOut, uow, clock)
    list_sessions = UseCase(ListSessions, uow, clock)
    revoke_session = UseCase(RevokeSession, uow, clock)
    purge_expired_sessions = UseCase(PurgeExpiredSessions, uow, clock)
    get_current_user = UseCase(GetCurrentUser, uow)
    update_user = UseCase(
        UpdateUser,
        uow,
        hasher,
        clock,
        login_lockout,
        reauth_window=providers.Factory(timedelta, seconds=settings.provided.reauth_window),
    )

    get_profile = UseCase(GetProfile, profile_queries)
    follow_user = UseCase(FollowUser, uow)
    unfollow_user = UseCase(UnfollowUser, uow)

    list_articles = UseCase(ListArticles, article_queries)
    get_feed = UseCase(GetFeed, article_queries)
    get_article = UseCase(GetArticle, article_queries)
    create_article = UseCase(CreateArticle, uow, clock)
    update_article = UseCase(UpdateArticle, uow, article_queries, clock)
    delete_article = UseCase(DeleteArticle, uow, clock)
    favorite_article = UseCase(FavoriteArticle, uow, article_queries)
    unfavorite_article = UseCase(UnfavoriteArticle, uow, article_queries)

    list_comments = UseCase(ListComments, uow, comment_queries)
    add_comment = UseCase(AddComment, uow, clock)
    delete_comment = UseCase(DeleteComment, uow, clock)

    list_tags = UseCase(ListTags, tag_queries)

    list_users = UseCase(ListUsers, admin_queries)
    change_role = UseCase(ChangeRole, uow, clock)
    suspend_user = UseCase(SuspendUser, uow, clock)
    unsuspend_user = UseCase(UnsuspendUser, uow, clock)
    list_audit = UseCase(ListAudit, admin_queries)

    import_users = UseCase(ImportUsers, bulk_store, hasher, clock)
    import_articles = UseCase(ImportArticles, bulk_store, clock)
    export_users = UseCase(ExportUsers, bulk_reader)
    export_articles = UseCase(ExportArticles, bulk_reader)
    seed_demo_data = UseCase(SeedDemoData, bulk_store, hasher, clock)


async def shutdown(container: Container) -> None:
    """Releases the pool and the hashing threads; runs on the loop that used the pool."""
    await container.database().close()
    container.hasher().close()
