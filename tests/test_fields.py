"""The record's field table: to_dict, from_dict, the field list and the Arrow schema all come
from the model, so they cannot disagree; a new field of a known shape needs no code."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from attrs import frozen
from hypothesis import given
from hypothesis import strategies as st

from newscorpus import Article, Block, ParserInfo, Removal, SchemaError, from_dict, to_dict
from newscorpus.corpus.schema import DATE_FIELDS, arrow_schema
from newscorpus.draft import Draft, DraftBlock
from newscorpus.models.fields import (
    RECORD_FIELDS,
    ListOf,
    Struct,
    article_shape,
    record_reader,
    record_writer,
    shape_of,
    struct_writer,
)

#: The record's fields in the order schema 3 writes them: a change here is a change of format.
SCHEMA_3_ORDER = (
    "schema", "id", "source", "format", "url", "title", "site_name", "publisher", "agency",
    "authors", "published", "modified", "language", "canonical_url", "description", "section",
    "tags", "top_image", "text", "blocks", "media", "truncated", "paywall", "removed", "edits",
    "parser", "duplicate_of", "syndication_group", "story",
)  # fmt: skip


def test_the_record_keeps_its_field_order() -> None:
    assert RECORD_FIELDS[: len(SCHEMA_3_ORDER)] == SCHEMA_3_ORDER
    article = Article(id="a", blocks=(), parser=ParserInfo("dump", "0"))
    assert tuple(to_dict(article)) == RECORD_FIELDS


def test_the_arrow_schema_follows_the_field_table() -> None:
    schema = arrow_schema()
    assert [name for name in schema.names if name in RECORD_FIELDS] == list(RECORD_FIELDS)
    for field in article_shape().fields:
        assert schema.field(field.name).nullable == field.nullable, field.name
    assert not schema.field("text").nullable
    extra = [name for name in schema.names if name not in RECORD_FIELDS]
    assert extra == [f"{date}_{column}" for date in DATE_FIELDS for column in COLUMNS]


COLUMNS = ("offset_seconds", "has_time")


def test_every_article_field_of_a_draft_is_handed_on() -> None:
    draft = Draft([DraftBlock(0, "Kept."), DraftBlock(1, "Dropped.")], ParserInfo("dump", "0"))
    draft.authors = ["Jane Doe"]
    draft.published = dt.date(2024, 1, 2)
    handed = draft.article_fields()
    shared = set(attrs.fields_dict(Article)) & set(attrs.fields_dict(Draft)) - {"blocks"}
    assert set(handed) == shared
    assert handed["authors"] == ("Jane Doe",)


def test_unknown_leaf_types_name_the_table_to_extend() -> None:
    with pytest.raises(TypeError, match="SCALARS"):
        shape_of(complex)
    with pytest.raises(TypeError, match="one type or None"):
        shape_of(int | str)
    with pytest.raises(TypeError, match=r"tuple\[X, \.\.\.\]"):
        shape_of(tuple[str, int])


# A model the table has never seen: nested classes, lists of lists, a Literal, every scalar.
@frozen
class Link:
    href: str
    text: str | None = None


@frozen
class Sample:
    name: str
    links: tuple[Link, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    when: dt.date | None = None
    count: int = 0
    share: float | None = None
    flag: bool = False
    removal: Removal | None = None


def test_a_new_model_needs_no_code_to_round_trip() -> None:
    shape, _ = shape_of(Sample)
    assert isinstance(shape, Struct)
    assert isinstance(shape.fields[2].shape, ListOf)
    sample = Sample(
        "x",
        links=(Link("https://a.example/", "A"), Link("/b")),
        rows=(("a", "b"), ()),
        when=dt.datetime(2024, 1, 2, 3, 4, tzinfo=dt.UTC),
        count=3,
        share=0.5,
        flag=True,
        removal=Removal("Share", "prompt", "chrome"),
    )
    read = record_reader(shape)
    record = struct_writer(shape)(sample)
    assert json.loads(json.dumps(record)) == record
    assert record["rows"] == [["a", "b"], []]
    assert record["when"] == "2024-01-02T03:04:00+00:00"
    assert read(record) == sample
    minimal: dict[str, Any] = {"name": "x", "count": 3}
    assert read(minimal) == Sample("x", count=3)
    assert read({"name": "x", "share": 1}) == Sample("x", share=1.0)
    with pytest.raises(SchemaError, match=r"links\[1\]\.href"):
        read({"name": "x", "links": [{"href": "a"}, {"text": "no href"}]})
    with pytest.raises(SchemaError, match="count"):
        read({"name": "x", "count": True})


def test_the_writer_is_the_hand_written_one() -> None:
    article = Article(
        id="a",
        blocks=(Block("paragraph", "One."), Block("heading", "Two")),
        parser=ParserInfo("dump", "0"),
        published=dt.date(2024, 1, 2),
        removed=(Removal("Share", "prompt", "chrome"),),
    )
    record = record_writer(7)(article)
    assert record["schema"] == 7
    assert record["text"] == "One.\n\nTwo"
    assert record["published"] == "2024-01-02"
    assert record["removed"] == [
        {"text": "Share", "reason": "prompt", "step": "chrome", "code": ""}
    ]
    assert record["paywall"] is None
    assert from_dict({**record, "schema": 3}) == article


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
VALID = Article(
    id="a",
    blocks=(Block("paragraph", "One."),),
    parser=ParserInfo("dump", "0"),
    removed=(Removal("Share", "prompt", "chrome"),),
    published=dt.date(2024, 1, 2),
).to_dict()


@given(
    field=st.sampled_from([name for name in RECORD_FIELDS if name != "schema"]),
    nested=st.sampled_from([None, "kind", "text", "reason", "step", "name", "version"]),
    value=JSON,
)
def test_any_value_gives_an_article_or_a_schema_error_naming_a_field(
    field: str, nested: str | None, value: Any
) -> None:
    """The fast reader and the checking reader agree: an invalid record always gets the
    checking reader's error, which names the field."""
    record = json.loads(json.dumps(VALID))
    if nested is not None and isinstance(record[field], list) and record[field]:
        record[field][0][nested] = value
    elif nested is not None and isinstance(record[field], dict):
        record[field][nested] = value
    else:
        record[field] = value
    try:
        from_dict(record)
    except SchemaError as error:
        message = error.message
    else:
        return
    assert message != "invalid article record"
