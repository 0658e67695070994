"""Failures a use case reports to whoever drives it (HTTP, CLI, tests)."""


class ApplicationError(Exception):
    """Base of the errors the driving adapters translate for their users."""


class AuthenticationRequired(ApplicationError):
    """No credentials were presented for an operation that needs them."""


class InvalidToken(ApplicationError):
    """The presented access token is malformed, forged, expired or no longer valid."""


class InvalidCredentials(ApplicationError):
    """The e-mail and password do not match an account."""


class InvalidRefreshToken(ApplicationError):
    """The refresh token is unknown, expired, revoked, or was already used."""


class AccountSuspended(ApplicationError):
    """The account is suspended: it may not refresh (a login answers as a wrong password)."""


class ReauthenticationRequired(ApplicationError):
    """Changing the e-mail or password needs the current password, or a recent password
    login: an access token alone may have been stolen."""


class WrongCurrentPassword(ApplicationError):
    """The current password given to change the e-mail or password is not the account's."""


class TooManyRequests(ApplicationError):
    """A rate limit is spent: for the client (`scope` "request") or an account ("account")."""

    def __init__(self, scope: str, *, limit: int, retry_after: int) -> None:
        super().__init__(f"too many requests for this {scope}; retry in {retry_after} s")
        self.scope = scope
        self.limit = limit
        self.retry_after = retry_after


class NotFound(ApplicationError):
    def __init__(self, resource: str) -> None:
        super().__init__(f"{resource} not found")
        self.resource = resource


class Forbidden(ApplicationError):
    """Not for this caller: a permission it lacks, or something nobody may do to their own
    account (then `message` says what)."""

    def __init__(self, resource: str, message: str = "forbidden") -> None:
        super().__init__(f"{resource} {message}")
        self.resource = resource
        self.message = message


class AlreadyTaken(ApplicationError):
    """Unique values (a username, an e-mail) already belong to someone else."""

    def __init__(self, fields: list[str]) -> None:
        super().__init__(f"already taken: {', '.join(fields)}")
        self.fields = fields


class StoreUnavailable(ApplicationError):
    """The database could not answer (down, unreachable, overloaded, too slow, no free
    connection in time), as opposed to refusing what it was asked: worth trying again later."""


class UnstorableValue(ApplicationError):
    """The database refused a value it was given (a NUL character, a number out of range):
    the caller's fault, not the server's."""
