from typing import Protocol


class SignInAttempts(Protocol):
    """What operators watch of password guessing: counted, never refused, here."""

    def failed(self) -> None:
        """A password was wrong: at login, or as the current one given to change the
        e-mail or password."""
        ...
