"""Readiness: whether every service the API depends on answers, asked all at once."""

import asyncio
from collections.abc import Sequence

from application.ports.health import DependencyCheck


class CheckReadiness:
    def __init__(self, checks: Sequence[DependencyCheck]) -> None:
        self._checks = checks

    async def __call__(self, within_seconds: float) -> list[str]:
        """The names of the services that do not answer within the time, in check order."""
        answers = await asyncio.gather(
            *(check.answers(within_seconds) for check in self._checks), return_exceptions=True
        )
        return [
            check.name
            for check, answer in zip(self._checks, answers, strict=True)
            if answer is not True
        ]
