"""The versioned JSON record: exact round trip, derived ``text``, documented keys, SchemaError."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from typing import Any

import attrs
import pytest

import newscorpus.models.record
from newscorpus import (
    SCHEMA_VERSION,
    Article,
    ArticleWarning,
    Block,
    Comment,
    Edit,
    Link,
    Media,
    ParserInfo,
    Paywall,
    Removal,
    SchemaError,
    SyndicationGroup,
    from_dict,
    to_dict,
)

FULL = Article(
    id="0123456789abcdef",
    blocks=(
        Block("heading", "Stalled talks"),
        Block("paragraph", "Aliyev and Pashinyan have met on several occasions."),
        Block("quote", "“A historical chance,” they said."),
        Block("list_item", "Thirty-two prisoners"),
        Block.table([["Prisoners", "Released"], ["Armenian", "32"]], header_rows=1),
        Block("paragraph", "Read the statement.", links=(Link(9, 18, "https://example.org/s"),)),
    ),
    parser=ParserInfo("dump", "0.1.0"),
    source="seeds/002.txt",
    format="dump",
    url="https://example.org/armenia",
    title="Armenia, Azerbaijan agree to take steps towards normalisation",
    site_name="Example News",
    publisher="Le Monde",
    agency="AFP",
    authors=("Jane Doe", "Ōe Kenzaburō"),
    published=dt.datetime(2023, 12, 7, 18, 5, tzinfo=dt.timezone(dt.timedelta(hours=4))),
    language="en",
    media=(Media("A military parade", credit="AFP Menahem KAHANA"), Media("No credit")),
    truncated=True,
    paywall=Paywall("You have 45% of this article left to read.", remaining_fraction=0.45),
    removed=(Removal("Connect with us", "follow prompt", "chrome", "chrome.follow"),),
    edits=(Edit("war. . The", "war. The", "doubled full stop", "debris", "debris.doubled-stop"),),
    comments=(
        Comment((Block("paragraph", "Good news."),), author="Ann", published=dt.date(2023, 12, 8)),
    ),
    warnings=(ArticleWarning("attributes-dropped", "3 attributes dropped"),),
)

#: The keys of a schema-4 record, as the ``record`` module documents them, plus ``schema``.
DOCUMENTED_KEYS = {
    "schema", "id", "source", "format", "url", "title", "site_name", "publisher", "agency",
    "authors", "published", "modified", "language", "canonical_url", "description", "section",
    "tags", "top_image", "text", "blocks", "media", "truncated", "paywall", "removed", "edits",
    "parser", "duplicate_of", "syndication_group", "story", "comments", "pipeline",
    "warnings",
}  # fmt: skip


def test_a_schema_1_record_still_reads() -> None:
    """Records written before schema 2 read back, with the fields schema 2 added empty."""
    old = {key: value for key, value in to_dict(FULL).items() if key in SCHEMA_1_KEYS}
    article = from_dict({**old, "schema": 1})
    assert article.tags == ()
    assert article.modified is None
    assert article.canonical_url is None
    assert article.text == FULL.text
    assert article.title == FULL.title


#: The keys of a schema-3 record.
SCHEMA_3_KEYS = DOCUMENTED_KEYS - {"comments", "pipeline", "warnings"}
#: The keys of a schema-2 record.
SCHEMA_2_KEYS = SCHEMA_3_KEYS - {"duplicate_of", "syndication_group", "story"}
#: The keys of a schema-1 record.
SCHEMA_1_KEYS = SCHEMA_2_KEYS - {
    "modified", "canonical_url", "description", "section", "tags", "top_image",
}  # fmt: skip


def test_a_schema_2_record_still_reads() -> None:
    """Records written before schema 3 read back, with the dedup fields null."""
    full = attrs.evolve(
        FULL, duplicate_of="x", syndication_group=SyndicationGroup("x", "AFP"), story="x"
    )
    old = {key: value for key, value in to_dict(full).items() if key in SCHEMA_2_KEYS}
    article = from_dict({**old, "schema": 2})
    assert article == attrs.evolve(FULL, comments=(), warnings=())
    assert (article.duplicate_of, article.syndication_group, article.story) == (None, None, None)


def test_reason_codes_round_trip() -> None:
    record = to_dict(FULL)
    assert record["removed"][0]["code"] == "chrome.follow"
    assert record["edits"][0]["code"] == "debris.doubled-stop"
    assert from_dict(json.loads(json.dumps(record))) == FULL


def test_entries_of_a_schema_3_record_read_with_an_empty_code() -> None:
    """Entries written before schema 4 have no code."""
    old = to_dict(FULL)
    for entry in old["removed"] + old["edits"]:
        del entry["code"]
    article = from_dict({**old, "schema": 3})
    assert [removal.code for removal in article.removed] == [""]
    assert [edit.code for edit in article.edits] == [""]
    assert article.removed[0].reason == FULL.removed[0].reason


def test_a_schema_3_record_still_reads() -> None:
    """Records written before schema 4 read back without comments; their blocks had only
    ``kind`` and ``text``."""
    plain = attrs.evolve(FULL, blocks=FULL.blocks[:4], comments=(), warnings=())
    old = {key: value for key, value in to_dict(plain).items() if key in SCHEMA_3_KEYS}
    old["blocks"] = [{"kind": block.kind, "text": block.text} for block in plain.blocks]
    assert from_dict({**old, "schema": 3}) == plain


def test_tables_links_and_comments_round_trip() -> None:
    record = to_dict(FULL)
    assert record["blocks"][4]["rows"] == [
        {"cells": ["Prisoners", "Released"], "header": True},
        {"cells": ["Armenian", "32"], "header": False},
    ]
    assert record["blocks"][5]["links"] == [
        {"start": 9, "end": 18, "href": "https://example.org/s"}
    ]
    assert record["comments"] == [
        {
            "blocks": [{"kind": "paragraph", "text": "Good news.", "rows": [], "links": []}],
            "author": "Ann",
            "published": "2023-12-08",
        }
    ]
    assert "Armenian\t32" in record["text"]
    assert from_dict(json.loads(json.dumps(record))) == FULL


def test_the_pipeline_fingerprint_round_trips_and_reads_null_from_schema_3() -> None:
    full = attrs.evolve(FULL, pipeline="0123456789abcdef")
    record = to_dict(full)
    assert record["pipeline"] == "0123456789abcdef"
    assert from_dict(json.loads(json.dumps(record))) == full
    old = {key: value for key, value in record.items() if key in SCHEMA_3_KEYS}
    assert from_dict({**old, "schema": 3}).pipeline is None


def test_the_dedup_fields_round_trip() -> None:
    full = attrs.evolve(
        FULL, duplicate_of="c0", syndication_group=SyndicationGroup("c0", None), story="s1"
    )
    record = to_dict(full)
    assert record["syndication_group"] == {"id": "c0", "agency": None}
    assert from_dict(json.loads(json.dumps(record))) == full


def record(**changes: Any) -> dict[str, Any]:
    """The record of FULL with top-level ``changes``; a value of ``...`` deletes the key."""
    result = copy.deepcopy(to_dict(FULL))
    for key, value in changes.items():
        if value is ...:
            del result[key]
        else:
            result[key] = value
    return result


def test_record_has_exactly_the_documented_keys() -> None:
    assert set(to_dict(FULL)) == DOCUMENTED_KEYS
    assert to_dict(FULL)["schema"] == SCHEMA_VERSION


def test_schema_history_documents_every_key_of_the_current_version() -> None:
    doc = newscorpus.models.record.__doc__ or ""
    entry = re.search(rf"\*\*{SCHEMA_VERSION}\*\*(.*?)(?=\n\* \*\*|\Z)", doc, re.DOTALL)
    assert entry, f"the record module's docstring has no entry for schema {SCHEMA_VERSION}"
    documented = set(re.findall(r"``(\w+)``", entry.group(1)))
    assert documented | {"schema"} == set(to_dict(FULL))


def test_record_values_are_plain_json() -> None:
    record = to_dict(FULL)
    assert json.loads(json.dumps(record)) == record
    assert record["published"] == "2023-12-07T18:05:00+04:00"
    assert record["blocks"][0] == {
        "kind": "heading",
        "text": "Stalled talks",
        "rows": [],
        "links": [],
    }
    assert record["paywall"] == {
        "notice": "You have 45% of this article left to read.",
        "remaining_fraction": 0.45,
    }
    assert record["parser"] == {"name": "dump", "version": "0.1.0"}


def test_method_and_function_forms_agree() -> None:
    assert FULL.to_dict() == to_dict(FULL)
    assert Article.from_dict(to_dict(FULL)) == from_dict(to_dict(FULL)) == FULL


@pytest.mark.parametrize(
    "published", [None, dt.date(2023, 12, 10), dt.datetime(2023, 12, 10, 9, 30, 15, 250)]
)
def test_round_trip_keeps_the_type_of_published(published: dt.date | None) -> None:
    article = Article(id="a", blocks=(), parser=FULL.parser, published=published)
    back = from_dict(json.loads(json.dumps(to_dict(article))))
    assert back == article
    assert type(back.published) is type(published)


def test_text_is_derived_from_blocks_and_not_read_back() -> None:
    assert to_dict(FULL)["text"] == FULL.text
    assert from_dict(record(text="something else entirely")) == FULL
    assert from_dict(record(text=...)) == FULL


def test_optional_fields_may_be_missing() -> None:
    minimal = {"schema": 1, "id": "a", "parser": {"name": "dump", "version": "0.1.0"}}
    assert from_dict(minimal) == Article(id="a", blocks=(), parser=FULL.parser)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", 5),
        ("id", ...),
        ("title", ["a", "list"]),
        ("url", 1),
        ("language", False),
        ("authors", "Jane Doe"),
        ("authors", [1]),
        ("published", 20231207),
        ("published", "last Thursday"),
        ("blocks", {"kind": "paragraph"}),
        ("blocks", ["text"]),
        ("truncated", "no"),
        ("paywall", "Subscribers only"),
        ("parser", None),
        ("parser", ...),
    ],
)
def test_bad_field_raises_schema_error_naming_it(field: str, value: Any) -> None:
    with pytest.raises(SchemaError) as caught:
        from_dict(record(**{field: value}))
    assert field in str(caught.value)


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("blocks", [{"kind": "chapter", "text": "x"}], "kind"),
        ("blocks", [{"kind": "paragraph", "text": 5}], "text"),
        ("blocks", [{"text": "x"}], "kind"),
        ("blocks", [{"kind": "table", "text": "x"}], "table"),
        ("blocks", [{"kind": "paragraph", "text": "x", "links": [{"start": 0}]}], "end"),
        (
            "blocks",
            [{"kind": "paragraph", "text": "x", "links": [{"start": 0, "end": 9, "href": "u"}]}],
            "past",
        ),
        ("media", [{"caption": "c", "credit": 5}], "credit"),
        ("paywall", {"remaining_fraction": 0.5}, "notice"),
        ("paywall", {"notice": "n", "remaining_fraction": "45%"}, "remaining_fraction"),
        ("paywall", {"notice": "n", "remaining_fraction": 1.5}, "remaining_fraction"),
        ("media", [{"credit": "AFP"}], "caption"),
        ("removed", [{"text": "Share", "reason": "nav"}], "step"),
        ("removed", [{"text": "Share", "step": "chrome"}], "reason"),
        ("removed", [{"text": "Share", "reason": "r", "step": "chrome", "code": 5}], "code"),
        ("edits", [{"before": "a", "after": "b", "reason": "r"}], "step"),
        ("parser", {"name": "dump"}, "version"),
        ("edits", [{"before": "a", "after": 2, "reason": "r", "step": "s"}], "after"),
    ],
)
def test_bad_nested_field_raises_schema_error_naming_it(field: str, value: Any, named: str) -> None:
    with pytest.raises(SchemaError, match=named):
        from_dict(record(**{field: value}))


def test_schema_error_names_the_record_source() -> None:
    with pytest.raises(SchemaError) as caught:
        from_dict(record(id=5))
    assert caught.value.source == FULL.source
    assert str(caught.value).startswith(f"{FULL.source}: ")


@pytest.mark.parametrize("version", [0, SCHEMA_VERSION + 1, 99, "1", None, ..., True])
def test_unknown_schema_version_raises_schema_error(version: Any) -> None:
    with pytest.raises(SchemaError, match="schema"):
        from_dict(record(schema=version))


@pytest.mark.parametrize("not_a_record", [[], "{}", None, 1])
def test_a_record_must_be_a_mapping(not_a_record: Any) -> None:
    with pytest.raises(SchemaError, match="object"):
        from_dict(not_a_record)
