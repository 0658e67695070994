import asyncio
from functools import partial

from application.imports.lines import Rejected, Report, UserLine
from application.imports.validation import FirstSeen, checked
from application.ports.bulk import BulkStore, UserRow
from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from domain.account_fields import check_account_fields
from domain.errors import FieldErrors
from domain.identifiers import identity_key

EITHER = "or passwordHash is required"
NOT_BOTH = "and passwordHash can't both be given"


class ImportUsers:
    """Imports batches of accounts through the API's rules. One instance serves one run:
    it remembers the usernames and e-mails seen, which must not repeat."""

    def __init__(self, store: BulkStore, hasher: PasswordHasher, clock: Clock) -> None:
        self._store = store
        self._hasher = hasher
        self._clock = clock
        self._usernames = FirstSeen("username")
        self._emails = FirstSeen("email")

    async def __call__(self, batch: list[UserLine], *, dry_run: bool = False) -> Report:
        report = Report(read=len(batch))
        checked_users: list[UserLine] = []
        for line in batch:
            user = checked(line.line, partial(self._validate, line))
            if isinstance(user, Rejected):
                report.rejected.append(user)
            elif duplicate := self._usernames.duplicate(
                identity_key(user.username), user.line
            ) or self._emails.duplicate(identity_key(user.email), user.line):
                report.rejected.append(Rejected(user.line, duplicate))
            else:
                checked_users.append(user)

        taken = await self._store.emails_taken([(u.username, u.email) for u in checked_users])
        valid: list[UserLine] = []
        for user in checked_users:
            if identity_key(user.email) in taken:
                report.rejected.append(Rejected(user.line, {"email": ["has already been taken"]}))
            else:
                valid.append(user)
        report.valid = len(valid)
        if dry_run or not valid:
            return report

        rows = await self._rows(valid)
        report.count(await self._store.write_users(rows, now=self._clock.now()))
        return report

    def _validate(self, line: UserLine, errors: FieldErrors) -> UserLine:
        fields = check_account_fields(
            errors,
            username=line.username,
            email=line.email,
            bio=line.bio,
            image=line.image,
            password=line.password if line.password_hash is None else None,
        )
        if line.password is None and line.password_hash is None:
            errors.add("password", EITHER)
        elif line.password is not None and line.password_hash is not None:
            errors.add("password", NOT_BOTH)
        elif line.password_hash is not None and not self._hasher.recognizes(line.password_hash):
            errors.add("password_hash", "is not an argon2 hash (PHC string)")
        errors.raise_if_any()
        assert fields.username is not None and fields.email is not None  # given, and valid
        return UserLine(
            line.line,
            fields.username.value,
            fields.email.value,
            bio=fields.bio.value if fields.bio is not None else None,
            image=fields.image.value if fields.image is not None else None,
            password=line.password,
            password_hash=line.password_hash,
        )

    async def _rows(self, users: list[UserLine]) -> list[UserRow]:
        """Plain-text passwords are hashed, in parallel as far as the hasher allows, unless
        the stored hash already matches: so importing the same file again changes nothing."""
        plain = {identity_key(u.username): u.password for u in users if u.password is not None}
        stored = await self._store.password_hashes(set(plain)) if plain else {}

        async def hash_of(user: UserLine) -> str:
            if user.password is None:
                assert user.password_hash is not None
                return user.password_hash
            known = stored.get(identity_key(user.username))
            if known is not None and await self._hasher.verify(known, user.password):
                return known
            return await self._hasher.hash(user.password)

        hashes = await asyncio.gather(*(hash_of(user) for user in users))
        return [
            UserRow(
                username=u.username,
                email=u.email,
                bio=u.bio,
                image=u.image,
                password_hash=password_hash,
            )
            for u, password_hash in zip(users, hashes, strict=True)
        ]
