"""Opening a session: what register, log in and refresh share."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from application.ports.security import AccessClaims, TokenIssuer
from application.ports.unit_of_work import UnitOfWork
from application.sessions.views import Account, SignedIn
from domain.sessions import RefreshSecret, RefreshToken, Session, mint_refresh_secret
from domain.users import User
from domain.values import to_milliseconds


@dataclass(frozen=True, slots=True)
class Client:
    """Where a sign-in comes from, as the list of sessions shows it."""

    user_agent: str | None = None
    ip: str | None = None


UNKNOWN_CLIENT = Client()


def issue_refresh_token(uow: UnitOfWork, session: Session, now: datetime) -> RefreshSecret:
    secret = mint_refresh_secret()
    uow.refresh_tokens.add(
        RefreshToken(digest=secret.digest, session_id=session.id, created_at=to_milliseconds(now))
    )
    return secret


def open_session(
    uow: UnitOfWork, user: User, *, client: Client, now: datetime, lifetime: timedelta
) -> tuple[Session, RefreshSecret]:
    session = Session.open(
        user_id=user.id, now=now, lifetime=lifetime, user_agent=client.user_agent, ip=client.ip
    )
    uow.sessions.add(session)
    return session, issue_refresh_token(uow, session, now)


def signed_in(user: User, session: Session, secret: RefreshSecret, tokens: TokenIssuer) -> SignedIn:
    # A session opens at a password login (or sign-up) and a refresh only keeps it open,
    # so its start is the password login behind every token it ever issues.
    claims = AccessClaims(user_id=user.id, session_id=session.id, auth_time=session.created_at)
    access_token = tokens.issue(claims)
    return SignedIn(Account.of(user), access_token, refresh_token=secret.token)
