from application.ports.health import DependencyCheck


class FakeDependencyCheck(DependencyCheck):
    """A dependency that answers, or not, as a test sets it."""

    def __init__(self, name: str, *, answering: bool = True) -> None:
        self.name = name
        self.answering = answering

    async def answers(self, within_seconds: float) -> bool:
        return self.answering
