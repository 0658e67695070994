from sqlalchemy import bindparam, select

from adapters.postgres.queries.reading import SqlaReads
from adapters.postgres.tables import tags
from application.ports.queries import TagQueries


class SqlaTagQueries(SqlaReads, TagQueries):
    async def tags(self, limit: int) -> list[str]:
        return [row.name for row in await self._all(_MOST_USED_TAGS, limit=limit)]


# The first rows of ix_tags_articles_count_name: `tags` holds only the names in use.
_MOST_USED_TAGS = (
    select(tags.c.name)
    .order_by(tags.c.articles_count.desc(), tags.c.name)
    .limit(bindparam("limit"))
)
