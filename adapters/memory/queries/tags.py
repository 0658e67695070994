from collections import Counter

from adapters.memory.queries.reading import InMemoryReads
from application.ports.queries import TagQueries


class InMemoryTagQueries(InMemoryReads, TagQueries):
    async def tags(self, limit: int) -> list[str]:
        uses = Counter(tag for article in self._store.articles.values() for tag in article.tag_list)
        return sorted(uses, key=lambda tag: (-uses[tag], tag))[:limit]
