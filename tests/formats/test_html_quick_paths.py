"""The HTML parser's quick paths give what the plain definitions they replace give.

Each was written for speed (#12) and proven on the dev sets by identical records; these tests
hold them to their definitions on inputs written to find the edges.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newscorpus.formats.base import RawDocument
from newscorpus.formats.html import HtmlParser, page_text
from newscorpus.formats.html.attributes import (
    _ATTRIBUTE,
    _long_tag_starts,
    _most_attributes,
    _whole_tag,
)
from newscorpus.formats.html.spans import collapse
from newscorpus.formats.html.tree import parse_tree, serialize
from newscorpus.formats.html.vocabulary import (
    _HUMP,
    _SEPARATORS,
    BODY_HINT,
    BODY_NAME,
    HINT_TOKENS,
    hints_of,
)
from newscorpus.formats.html.walk import _ROOT, _Builder
from newscorpus.models import Block, Link, Removal


def _regex_starts(markup: bytes, length: int) -> list[int]:
    """The definition: a tag start, then ``length`` bytes that are not ``<`` or ``>``."""
    pattern = re.compile(b"<[A-Za-z](?>[^<>]{%d})" % length)
    return [match.start() for match in pattern.finditer(markup)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<>ab A=é\"'/ ", max_size=60), st.integers(min_value=1, max_value=6))
def test_long_tag_starts_are_the_patterns(text: str, length: int) -> None:
    markup = text.encode()
    assert list(_long_tag_starts(markup, length)) == _regex_starts(markup, length)


#: Pieces of a start tag's attributes: names and values, bare and quoted, and the bytes that
#: end them (names and "=" weigh more: runs of bare values are where a bound goes wrong).
_TAG_PIECES = st.sampled_from(
    ["a", "b", "=", "a=b", "a=b=", " ", "\t", '"', "'", "/", "`", '"x y"', "'=b'", "é"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TAG_PIECES, max_size=30).map("".join), st.integers(min_value=1, max_value=4))
@example(" a=b=a=b=a", 1)  # bare values, one after another
@example(" a=b`c`d=e", 1)  # a backtick starts a name after a bare value
@example(" a b\tc\nd", 1)  # names alone
@example(" a/b/c", 1)
@example(" 'a'b'c'", 1)  # quotes alone
@example(' "a"b"c"', 1)
def test_the_quick_attribute_count_is_a_bound(attributes: str, length: int) -> None:
    markup = f"<p{attributes}>text".encode()
    for start in _long_tag_starts(markup, length):
        tag = _whole_tag(length).match(markup, start)
        assert tag is not None
        assert len(_ATTRIBUTE.findall(tag.group(2))) <= _most_attributes(markup, start)


def _plain_hints(names: str) -> frozenset[str]:
    """The definition: tokens split at punctuation and camelCase humps, and the body name
    searched in every name without its punctuation."""
    tokens = _SEPARATORS.split(_HUMP.sub("-", names).lower())
    found = {HINT_TOKENS[token] for token in tokens if token in HINT_TOKENS}
    if any(BODY_NAME.search(_SEPARATORS.sub("", name)) for name in names.lower().split()):
        found.add(BODY_HINT)
    return frozenset(found)


@pytest.mark.parametrize(
    "names",
    [
        "entry-content",
        "entry-con tent",  # a body word across two names is no body name
        "article_Body",
        "relatedArticles commentList",
        "İçerik-yorum",  # İ lowers to two characters
        "\u212aomment",  # the Kelvin sign lowers to an ASCII k
        "STORY-BODY",
        "",
    ],
)
def test_hints_are_the_definitions(names: str) -> None:
    assert hints_of.__wrapped__(names) == _plain_hints(names)  # type: ignore[attr-defined]


#: Pieces of class names: body words, hint tokens, capitals, punctuation, non-ASCII letters.
_NAME_PIECES = (
    *("entry", "content", "post", "Body", "story", "Text", "nav", "share", "related"),
    *("Comments", "-", "_", " ", "x", "İ", "é", "1"),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(_NAME_PIECES),
        max_size=8,
    ).map("".join)
)
def test_hints_of_any_names_are_the_definitions(names: str) -> None:
    assert hints_of.__wrapped__(names) == _plain_hints(names)  # type: ignore[attr-defined]


def test_validators_raise_attrs_errors() -> None:
    with pytest.raises(TypeError, match="'start' must be <class 'int'>"):
        Link("2", 8, "/x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'start' must be >= 0: -1"):
        Link(-1, 8, "/x")
    with pytest.raises(TypeError, match="'end' must be <class 'int'>"):
        Link(2, 8.0, "/x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'href' must be <class 'str'>"):
        Link(2, 8, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'reason' must be <class 'str'>"):
        Removal("text", b"reason", "step")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'links' must be <class 'tuple'>"):
        Block("paragraph", "A report.", links=[Link(2, 8, "/x")])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"must be <class 'newscorpus\.models\.article\.Link'>"):
        Block("paragraph", "A report.", links=((2, 8, "/x"),))  # type: ignore[arg-type]
    assert Link(True, 2, "/x").start  # bool is an int, as attrs' instance_of has it


def test_utf8_bytes_parse_as_their_text() -> None:
    page = "<html><body><p>Déjà vu — “quoted” 東京</p></body></html>"
    assert serialize(parse_tree(page.encode())) == serialize(parse_tree(page))


@pytest.mark.parametrize(
    "payload",
    [
        "<p>Déjà vu, a café.</p>".encode(),
        b"\xef\xbb\xbf<p>D\xc3\xa9j\xc3\xa0 vu behind a byte-order mark.</p>",
        "<meta charset='windows-1252'><p>Déjà vu.</p>".encode("cp1252"),
        b"<p>Broken \xff UTF-8 among caf\xc3\xa9s.</p>",
    ],
)
def test_a_page_reads_the_same_from_bytes_as_from_its_text(payload: bytes) -> None:
    from_bytes = HtmlParser().parse(RawDocument(payload))
    text, _ = page_text(RawDocument(payload))
    from_text = HtmlParser().parse(RawDocument(text))
    assert [block.text for block in from_bytes.blocks] == [b.text for b in from_text.blocks]


#: One piece of a block as the walk adds it: its text, whether it is in a link, its anchor.
_PIECES = st.tuples(
    st.sampled_from(["A", "b c", " ", "\n  ", " d ", "\u00a0", "e\n"]),
    st.booleans(),
    st.sampled_from([None, (1, "/x"), (2, "/y")]),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=6))
def test_a_block_is_its_pieces_collapsed(pieces: list[tuple[str, bool, Any]]) -> None:
    """The builder skips whitespace before a block's first character and after its last, and
    reads a block of one text node without :func:`collapse`: the block is still every piece
    collapsed, with the same links."""
    builder = _Builder()
    for text, link, anchor in pieces:
        builder.add(text, link, anchor)
    builder.flush(_ROOT)
    anchors = {index: anchor for index, (_, _, anchor) in enumerate(pieces) if anchor}
    text, spans = collapse([text for text, _, _ in pieces], anchors)
    if not text:
        assert builder.blocks == []
        return
    (block,) = builder.blocks
    assert (block.text, block.links) == (text, tuple(Link(*span) for span in spans))
    linked = "".join(text for text, link, _ in pieces if link)
    assert block.link_density == min(1.0, len("".join(linked.split())) / len(text.replace(" ", "")))
