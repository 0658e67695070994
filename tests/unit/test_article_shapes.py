"""The shapes that take an article's fields by name must name them all: a field added to
`ArticleContent` (or the view) and forgotten in a wire struct would otherwise be dropped
or defaulted without a word."""

from dataclasses import fields

from application.articles.views import ArticleView
from domain.articles import CONTENT_FIELDS, Article, ArticleChanges
from entrypoints.cli.records import ArticleJson
from entrypoints.http.structs import articles as wire


def names(dataclass: type) -> set[str]:
    return {f.name for f in fields(dataclass)}


def test_the_article_and_its_changes_have_every_content_field() -> None:
    assert set(CONTENT_FIELDS) <= names(Article)
    assert names(ArticleChanges) == set(CONTENT_FIELDS)


def test_the_requests_carry_exactly_the_content_fields() -> None:
    assert set(wire.NewArticle.__struct_fields__) == set(CONTENT_FIELDS)
    assert set(wire.UpdateArticle.__struct_fields__) == set(CONTENT_FIELDS)


def test_the_response_shows_every_field_of_the_view_and_the_view_the_content() -> None:
    assert set(wire.Article.__struct_fields__) == names(ArticleView)
    assert set(CONTENT_FIELDS) <= names(ArticleView)


def test_the_import_format_carries_every_content_field() -> None:
    assert set(CONTENT_FIELDS) <= set(ArticleJson.__struct_fields__)
