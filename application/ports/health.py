from typing import Protocol


class DependencyCheck(Protocol):
    """A service the API needs in order to serve: readiness asks each whether it answers."""

    name: str
    """How readiness names it when it does not answer."""

    async def answers(self, within_seconds: float) -> bool:
        """Whether it answers in time; a failure is a False, never an exception."""
        ...
