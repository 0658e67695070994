import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import argon2
from argon2 import Type, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError

from adapters.metrics import PASSWORD_HASHES
from application.ports.security import PasswordHasher

WAITING = PASSWORD_HASHES.labels("waiting")
RUNNING = PASSWORD_HASHES.labels("running")

T = TypeVar("T")


class Argon2PasswordHasher(PasswordHasher):
    """argon2id in a bounded pool of threads, so a burst of sign-ins queues here instead of
    stalling the event loop (argon2-cffi releases the GIL while it hashes)."""

    def __init__(
        self, *, time_cost: int, memory_cost_kib: int, parallelism: int, max_concurrency: int
    ) -> None:
        self._argon2 = argon2.PasswordHasher(
            time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=parallelism, type=Type.ID
        )
        self._executor = ThreadPoolExecutor(max_concurrency, thread_name_prefix="argon2")
        self._dummy_hash: str | None = None

    async def hash(self, password: str) -> str:
        return await self._run(self._argon2.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        if password_hash is None:
            if self._dummy_hash is None:
                self._dummy_hash = await self.hash("no account has this password")
            await self._check(self._dummy_hash, password)
            return False
        return await self._check(password_hash, password)

    def needs_rehash(self, password_hash: str) -> bool:
        try:
            return self._argon2.check_needs_rehash(password_hash)
        except InvalidHashError:
            return True

    def recognizes(self, password_hash: str) -> bool:
        try:
            extract_parameters(password_hash)
        except (InvalidHashError, ValueError):
            return False
        return password_hash.startswith(("$argon2id$", "$argon2i$", "$argon2d$"))

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def _check(self, password_hash: str, password: str) -> bool:
        try:
            return await self._run(self._argon2.verify, password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    async def _run(self, function: Callable[..., T], *args: object) -> T:
        def measured() -> T:
            WAITING.dec()
            with RUNNING.track_inprogress():
                return function(*args)

        WAITING.inc()
        return await asyncio.get_running_loop().run_in_executor(self._executor, measured)
