"""The article model: validators reject wrong kinds and types; instances are frozen and slotted."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from newscorpus import (
    BLOCK_KINDS,
    Article,
    Block,
    Edit,
    Link,
    Media,
    ParserInfo,
    Paywall,
    Removal,
    TableRow,
)

PARSER = ParserInfo("dump", "0.1.0")


def article(**changes: Any) -> Article:
    """A valid article, with ``changes`` applied to its constructor arguments."""
    arguments: dict[str, Any] = {
        "id": "0123456789abcdef",
        "blocks": (Block("heading", "Stalled talks"), Block("paragraph", "Talks stalled.")),
        "parser": PARSER,
    }
    arguments.update(changes)
    return Article(**arguments)


def test_block_kinds_are_the_documented_five() -> None:
    assert BLOCK_KINDS == ("paragraph", "heading", "quote", "list_item", "table")


@pytest.mark.parametrize("kind", [kind for kind in BLOCK_KINDS if kind != "table"])
def test_block_accepts_every_kind(kind: str) -> None:
    assert Block(kind, "text").kind == kind  # type: ignore[arg-type]


def test_a_table_block_has_rows_and_only_a_table_block_does() -> None:
    table = Block.table([["Team", "Pts"], ["Ajax", "12"]], header_rows=1)
    assert table.rows == (TableRow(("Team", "Pts"), header=True), TableRow(("Ajax", "12")))
    assert table.text == "Team\tPts\nAjax\t12"
    with pytest.raises(ValueError, match="table"):
        Block("table", "Team\tPts")
    with pytest.raises(ValueError, match="table"):
        Block("paragraph", "Team\tPts", rows=table.rows)


def test_a_cell_keeps_to_one_line_without_tabs() -> None:
    assert Block.table([["a\tb\nc", "d"]]).rows[0].cells == ("a b c", "d")


def test_links_lie_within_their_block() -> None:
    assert Block("paragraph", "A report.", links=(Link(2, 8, "https://x.org/"),)).links
    with pytest.raises(ValueError, match="past"):
        Block("paragraph", "A report.", links=(Link(2, 80, "https://x.org/"),))
    with pytest.raises(ValueError, match="end after"):
        Link(5, 5, "https://x.org/")
    with pytest.raises(ValueError, match="start"):
        Link(-1, 5, "https://x.org/")


def test_a_block_shows_rows_and_links_only_when_it_has_them() -> None:
    assert repr(Block("paragraph", "Hi")) == "Block(kind='paragraph', text='Hi')"
    assert "links=" in repr(Block("paragraph", "Hi", links=(Link(0, 2, "u"),)))


@pytest.mark.parametrize("kind", ["chapter", "Paragraph", "", None, 1, ["paragraph"]])
def test_block_rejects_an_unknown_kind(kind: object) -> None:
    with pytest.raises(ValueError, match="kind"):
        Block(kind, "text")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cls", "arguments"),
    [
        (Block, {"kind": "paragraph", "text": b"bytes"}),
        (Block, {"kind": "paragraph", "text": None}),
        (Media, {"caption": 1}),
        (Media, {"caption": "A parade", "credit": 1}),
        (Paywall, {"notice": None}),
        (Paywall, {"notice": "Subscribers only", "remaining_fraction": "45%"}),
        (Paywall, {"notice": "Subscribers only", "remaining_fraction": 1}),  # int, not float
        (Removal, {"text": "Share", "reason": 1, "step": "chrome"}),
        (Removal, {"text": "Share", "reason": "nav", "step": None}),
        (Edit, {"before": "a", "after": 1, "reason": "r", "step": "s"}),
        (Edit, {"before": None, "after": "a", "reason": "r", "step": "s"}),
        (ParserInfo, {"name": "dump", "version": 1}),
    ],
)
def test_parts_reject_wrong_types(cls: type[Any], arguments: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        cls(**arguments)


@pytest.mark.parametrize("fraction", [-0.01, 1.01, float("inf"), float("nan")])
def test_paywall_fraction_must_be_between_0_and_1(fraction: float) -> None:
    with pytest.raises(ValueError, match="remaining_fraction"):
        Paywall("Subscribers only", remaining_fraction=fraction)


@pytest.mark.parametrize("fraction", [None, 0.0, 0.45, 1.0])
def test_paywall_accepts_fractions_from_0_to_1_or_none(fraction: float | None) -> None:
    assert Paywall("Subscribers only", remaining_fraction=fraction).remaining_fraction == fraction


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("id", None),
        ("blocks", [Block("paragraph", "A list, not a tuple.")]),
        ("blocks", ("a bare string",)),
        ("parser", ("dump", "0.1.0")),
        ("title", 1),
        ("url", b"https://example.org"),
        ("authors", ["A list, not a tuple"]),
        ("authors", (None,)),
        ("published", "2023-12-10"),
        ("published", 1702166400),
        ("media", ("a caption",)),
        ("truncated", 1),
        ("truncated", None),
        ("paywall", "Subscribers only"),
        ("removed", (Edit("a", "b", reason="r", step="s"),)),
        ("edits", (Removal("a", reason="r", step="s"),)),
    ],
)
def test_article_rejects_wrong_types(name: str, value: object) -> None:
    with pytest.raises(TypeError, match=name):
        article(**{name: value})


@pytest.mark.parametrize(
    "published",
    [
        None,
        dt.date(2023, 12, 10),
        dt.datetime(2023, 12, 10, 9, 30),
        dt.datetime(2023, 12, 10, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    ],
)
def test_article_published_is_a_date_a_datetime_or_none(published: dt.date | None) -> None:
    assert article(published=published).published == published


@pytest.mark.parametrize(
    "instance",
    [
        Block("paragraph", "x"),
        Media("caption"),
        Paywall("notice"),
        Removal("x", reason="r", step="s"),
        Edit("a", "b", reason="r", step="s"),
        PARSER,
        article(),
    ],
    ids=lambda instance: type(instance).__name__,
)
def test_models_are_frozen_and_slotted(instance: attrs.AttrsInstance) -> None:
    first_field = attrs.fields(type(instance))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(instance, first_field, "changed")
    with pytest.raises((AttributeError, TypeError)):
        instance.not_a_field = 1  # type: ignore[attr-defined]
    assert not hasattr(instance, "__dict__")


def test_articles_compare_and_hash_by_value() -> None:
    assert article() == article()
    assert hash(article()) == hash(article())
    assert article() != article(title="Another")


def test_text_joins_blocks_with_one_blank_line() -> None:
    assert article().text == "Stalled talks\n\nTalks stalled."
    assert article(blocks=()).text == ""


def test_paragraphs_and_headings_select_by_kind_in_order() -> None:
    blocks = (
        Block("heading", "H1"),
        Block("paragraph", "P1"),
        Block("quote", "Q"),
        Block("list_item", "L"),
        Block("heading", "H2"),
        Block("paragraph", "P2"),
    )
    assert article(blocks=blocks).paragraphs == ("P1", "P2")
    assert article(blocks=blocks).headings == ("H1", "H2")


def test_article_defaults_say_nothing_is_known() -> None:
    bare = article()
    assert (bare.source, bare.format, bare.url, bare.title) == (None, None, None, None)
    assert (bare.site_name, bare.publisher, bare.agency, bare.language) == (None,) * 4
    assert (bare.authors, bare.media, bare.removed, bare.edits) == ((), (), (), ())
    assert bare.published is None
    assert bare.paywall is None
    assert bare.truncated is False


@pytest.mark.parametrize("wrong", range(4))
def test_a_removal_names_its_first_field_that_is_not_text(wrong: int) -> None:
    """One validator checks the four fields (a quick path); each still gets attrs' error."""
    values: list[object] = ["text", "reason", "step", "code"]
    values[wrong] = b"bytes"
    if wrong < 3:
        values[3] = None  # a later wrong field does not hide the first
    name = ("text", "reason", "step", "code")[wrong]
    with pytest.raises(TypeError, match=f"'{name}' must be <class 'str'>"):
        Removal(*values)  # type: ignore[arg-type]


def test_a_link_checks_its_fields_in_order() -> None:
    with pytest.raises(ValueError, match="'start' must be >= 0"):
        Link(-1, -3, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="end after"):
        Link(4, 2, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'href' must be <class 'str'>"):
        Link(2, 4, b"/x")  # type: ignore[arg-type]
    assert Link(False, True, "/x").end  # bools are ints, as attrs' instance_of has them
