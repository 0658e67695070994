from application.errors import Forbidden, NotFound
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from domain.articles import Article


async def load_article(uow: UnitOfWork, slug: str) -> Article:
    article = await uow.articles.get_by_slug(slug)
    if article is None:
        raise NotFound("article")
    return article


async def load_own_article(uow: UnitOfWork, slug: str, principal: Principal) -> Article:
    """The article, if the caller may change it."""
    article = await load_article(uow, slug)
    if not article.is_written_by(principal.user_id):
        raise Forbidden("article")
    return article
