from application.articles.owned import load_article
from application.comments.views import CommentView
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from application.users.current import load_caller
from domain.comments import Comment, valid_comment_body
from domain.errors import FieldErrors


class AddComment:
    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, principal: Principal, slug: str, body: str) -> CommentView:
        async with self._uow:
            article = await load_article(self._uow, slug)
            errors = FieldErrors()
            with errors.collect("body"):
                body = valid_comment_body(body)
            errors.raise_if_any()
            author = await load_caller(self._uow, principal)
            comment = Comment.post(
                article_id=article.id, author_id=author.id, body=body, now=self._clock.now()
            )
            await self._uow.comments.add(comment)
            await self._uow.commit()
        return CommentView.of_new(comment, author)
