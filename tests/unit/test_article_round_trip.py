"""An article line with a value of its own in every field goes through the import, the
export and the JSON Lines format and comes back as it went in. Derived from the dataclasses,
so a field added later is checked without a word changed here but its sample: an import
that ignores a given value (and derives or defaults it instead), an export or a record
that drops it, fails."""

from dataclasses import MISSING, fields
from datetime import UTC, datetime, timedelta

import msgspec

from application.imports.lines import ArticleLine, CommentLine, UserLine
from domain.articles import CONTENT_FIELDS, ArticleContent
from entrypoints.cli.records import ArticleJson
from entrypoints.container import Container

MAY = datetime(2025, 5, 1, 9, 30, tzinfo=UTC)

# A valid, normalised value for every content field: none the field's default, none what
# the import would make of the line without it (see the first test).
SAMPLE_CONTENT: dict[str, object] = {
    "title": "How to train your dragon",
    "description": "Ever wonder how?",
    "body": "Very carefully.",
    "tag_list": ["dragons", "training"],
}


def sample_line() -> ArticleLine:
    return ArticleLine(
        1,
        ArticleContent(**SAMPLE_CONTENT),  # type: ignore[arg-type]
        "jake",
        slug="how-to-train-your-dragon",
        created_at=MAY,
        updated_at=MAY + timedelta(days=1),
        favorited_by=("jane",),
        comments=(CommentLine("jane", "Thanks!", created_at=MAY + timedelta(days=2), id=7),),
    )


def test_the_sample_gives_every_field_a_value_of_its_own() -> None:
    assert SAMPLE_CONTENT.keys() == set(CONTENT_FIELDS), "give a new content field a sample"
    assert ArticleContent(**SAMPLE_CONTENT).valid() == ArticleContent(**SAMPLE_CONTENT)  # type: ignore[arg-type]
    for f in fields(ArticleContent):
        if f.default is MISSING and f.default_factory is MISSING:
            continue  # required: no line goes without it
        without = {name: value for name, value in SAMPLE_CONTENT.items() if name != f.name}
        made = getattr(ArticleContent(**without).valid(), f.name)  # type: ignore[arg-type]
        assert made != SAMPLE_CONTENT[f.name], f"{f.name}'s sample is what a line without it gets"
    line = sample_line()
    for f in fields(ArticleLine):
        assert getattr(line, f.name) not in (None, (), ""), f"give the sample line a {f.name}"


async def test_an_article_line_comes_back_through_import_export_and_the_format(
    app: Container,
) -> None:
    users = await app.import_users()(
        [
            UserLine(n, name, f"{name}@x.io", password="password123")
            for n, name in enumerate(("jake", "jane"), 1)
        ]
    )
    assert users.rejected == []
    line = sample_line()
    report = await app.import_articles()([line])
    assert (report.imported, report.rejected) == (1, [])

    [record] = [record async for record in app.export_articles()()]
    written = msgspec.json.encode(ArticleJson.of(record))
    assert msgspec.json.decode(written, type=ArticleJson).line(1) == line
