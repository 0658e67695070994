from collections.abc import AsyncIterator

from application.ports.bulk import ArticleRecord, BulkReader, UserRow


class ExportUsers:
    """Every account in the import format, password hashes included, oldest first."""

    def __init__(self, reader: BulkReader) -> None:
        self._reader = reader

    def __call__(self) -> AsyncIterator[UserRow]:
        return self._reader.users()


class ExportArticles:
    """Every article with its tags, favorites and comments, oldest first."""

    def __init__(self, reader: BulkReader) -> None:
        self._reader = reader

    def __call__(self) -> AsyncIterator[ArticleRecord]:
        return self._reader.articles()
