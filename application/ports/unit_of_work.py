from types import TracebackType
from typing import Protocol, Self

from application.ports.repositories import UserRepository


class UnitOfWork(Protocol):
    """One transaction. Changes persist only on `commit()`; leaving the block without it
    rolls back. `commit()` raises `AlreadyTaken` when a unique value was claimed meanwhile.
    One instance serves one `async with` at a time."""

    @property
    def users(self) -> UserRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...
