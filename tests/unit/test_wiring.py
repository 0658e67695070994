"""The container is the one list of use cases; the HTTP app cannot drift from it."""

import pytest
from dependency_injector import providers
from litestar import Litestar, post
from litestar.di import NamedDependency, Provide
from litestar.exceptions import ImproperlyConfiguredException

from application.users.register import RegisterUser
from entrypoints.container import Container, UseCase
from entrypoints.http.app import create_app

USE_CASES = {
    name: provider
    for name, provider in Container.providers.items()
    if isinstance(provider, UseCase)
}


def test_the_container_declares_use_cases() -> None:
    assert {"register_user", "log_in", "list_articles", "list_audit"} <= USE_CASES.keys()


def test_every_application_class_that_is_called_is_declared_a_use_case() -> None:
    """A use case declared with a plain `providers.Factory` would be unreachable by name."""
    plain = [
        name
        for name, provider in Container.providers.items()
        if isinstance(provider, providers.Factory)
        and not isinstance(provider, UseCase)
        and provider.cls.__module__.startswith("application.")
        and any("__call__" in vars(base) for base in provider.cls.__mro__)
    ]
    assert plain == []


async def test_every_use_case_is_a_litestar_dependency_of_its_name(app: Container) -> None:
    http = create_app(app)
    for name, provider in USE_CASES.items():
        provide = http.dependencies[name]
        assert isinstance(provide, Provide), name
        resolved = await provide.dependency(http.state)
        assert isinstance(resolved, provider.cls), name


def test_handlers_expect_the_class_the_container_provides(app: Container) -> None:
    named = {
        (handler.handler_name, name): field.annotation
        for route in create_app(app).routes
        for handler in getattr(route, "route_handlers", ())
        for name, field in handler.parsed_fn_signature.parameters.items()
        if name in USE_CASES
    }
    assert named, "no handler names a use case"
    wrong = {key: hint for key, hint in named.items() if hint is not USE_CASES[key[1]].cls}
    assert wrong == {}


def test_a_handler_naming_a_use_case_the_container_lacks_is_refused(app: Container) -> None:
    @post("/known")
    async def known(register_user: NamedDependency[RegisterUser]) -> None: ...

    @post("/unknown")
    async def unknown(publish_article: NamedDependency[object]) -> None: ...

    http: Litestar = create_app(app)
    http.register(known)
    with pytest.raises(ImproperlyConfiguredException, match="publish_article"):
        http.register(unknown)
