from application.articles.owned import load_article
from application.errors import Forbidden, NotFound
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal


class DeleteComment:
    """The comment's author deletes it."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, principal: Principal, slug: str, comment_id: int) -> None:
        async with self._uow:
            article = await load_article(self._uow, slug)
            comment = await self._uow.comments.get(comment_id, article_id=article.id)
            if comment is None:
                raise NotFound("comment")
            if not comment.is_written_by(principal.user_id):
                raise Forbidden("comment")
            await self._uow.comments.delete(comment)
            await self._uow.commit()
