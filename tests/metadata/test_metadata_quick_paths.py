"""The metadata readers' quick paths against the plain code they stand in for: each pre-test
that proves "nothing here" must never say so of a line where the plain reading finds something,
and the record's plain validators must pass and refuse what attrs' own pass and refuse.

The generated lines are made of the very words the readers look for (agency aliases and credit
words; month, weekday and meridiem forms of every language; byline markers) in several cases,
glued as they are written, with words that share their first letters or tokens, non-ASCII
letters that fold (dotless i, accents, ligatures) and punctuation, so that near misses are
common.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from attrs import validators
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.metadata._data import load
from newscorpus.metadata._lexicon import lexicon, locale_key
from newscorpus.metadata._names import byline_words
from newscorpus.metadata._tokens import NUM, SYM, WORD, Token, tokenize
from newscorpus.metadata.agencies import _agencies, _Line, _word_hits
from newscorpus.metadata.bylines import (
    _marker_end,
    _may_open_marker,
    _number_outside_dates,
    _phrase_marker_end,
    _read_line,
)
from newscorpus.metadata.dates import _match_at, _may_start, find_dates
from newscorpus.metadata.page._model import PageMetadata

_AGENCIES = load("agencies.json")


def _alias_spellings() -> list[str]:
    spellings: list[str] = []
    for entry in _AGENCIES["agencies"]:
        for alias in [*entry["anywhere"], *entry["credit_only"]]:
            spellings.extend({alias, alias.lower(), alias.upper(), alias.title()})
            spellings.extend(alias.split())
    return spellings


_AGENCY_PIECES = [
    " ",
    "  ",
    *_alias_spellings(),
    *_AGENCIES["credit_words_before"],
    *_AGENCIES["credit_words_after"],
    *"()[]/-–—|:,;.©·•'’_",
    "the",
    "The",
    "Press",
    "press",
    "Canadian",
    "Agence",
    "Presse",
    "Kasım",
    "İTAR",
    "ﬁ",
    "Ä",
    "é",
    "x",
    "12",
    "2019",
]
_AGENCY_LINES = st.lists(st.sampled_from(_AGENCY_PIECES), max_size=14).map("".join) | st.text(
    max_size=40
)


@settings(max_examples=600)
@given(_AGENCY_LINES)
def test_no_alias_possible_means_none_found_among_words(text: str) -> None:
    table = _agencies()
    assert table.may_name_one(text) or not _word_hits(_Line(text), table)


_DATE_WORDS = load("date_words.json")
_MONTH_FORMS = [
    form for months in load("months.json")["languages"].values() for row in months for form in row
]
_WEEKDAY_FORMS = [
    form for days in load("weekdays.json")["languages"].values() for row in days for form in row
]
_MERIDIEMS = [
    *_DATE_WORDS["meridiem_before"]["am"],
    *_DATE_WORDS["meridiem_before"]["pm"],
    "am",
    "p.m.",
]
_SLOTS = {
    "weekday": st.sampled_from(_WEEKDAY_FORMS),
    "day": st.sampled_from(["1", "18", "31", "1er", "18th", "18.", "32"]),
    "month": st.sampled_from(_MONTH_FORMS) | st.sampled_from(["11", "tháng 11", "11月"]),
    "year": st.sampled_from(["2019", "19", "2019年", "2019년", "1899"]),
    "time": st.sampled_from(["10:31", "8.03", "10h31", "10時", "3시 20분", "23:59:59.5"])
    | st.tuples(st.sampled_from(_MERIDIEMS), st.sampled_from([" ", ""]), st.just("3:20")).map(
        "".join
    ),
    "meridiem": st.sampled_from(_MERIDIEMS),
    "date": st.sampled_from(_MONTH_FORMS).map(lambda month: f"18 {month} 2019")
    | st.sampled_from(
        [
            "2019年11月18日",
            "2019-11-18",
            "18.11.2019",
            "ngày 18 tháng 11 năm 2019",
            "tháng 11 18, 2019",
        ]
    ),
    "word": st.sampled_from(["Posted", "de", "of", "um", "Uhr", "ET", "GMT+1", "the", "ıi"]),
}
_ORDERS = [
    ("word", "weekday", "day", "month", "year", "time", "meridiem"),
    ("weekday", "month", "day", "year", "word", "time", "meridiem"),
    ("year", "month", "day", "weekday", "time", "word"),
    ("meridiem", "time", "weekday", "day", "month", "year"),
    ("meridiem", "time", "word", "weekday", "date"),
    ("weekday", "date", "word", "meridiem", "time"),
]
_GLUES = st.sampled_from([" ", " ", ", ", ". ", "", "/", "-", " | ", "T", "(", ")"])


@st.composite
def _date_lines(draw: st.DrawFn) -> str:
    """Lines holding a date's parts (any language's words) in the orders dates are written in,
    or in any order, glued as dates are."""
    order = draw(st.sampled_from(_ORDERS) | st.permutations(list(_SLOTS)))
    text = draw(st.text(max_size=4))
    for slot in order:
        if draw(st.integers(0, 3)):
            text += draw(_GLUES) + draw(_SLOTS[slot])
    case = draw(st.sampled_from(["as drawn", "upper", "lower"]))
    return text.upper() if case == "upper" else text.lower() if case == "lower" else text


@settings(max_examples=2000)
@given(_date_lines(), st.sampled_from([None, "en", "en-US", "fr", "hr", "vi", "zh", "xx"]))
def test_no_date_starts_where_the_grammar_is_not_tried(text: str, language: str | None) -> None:
    words = lexicon()
    primary = locale_key(language).split("-")[0] if language else None
    tokens = tokenize(text)
    for index, token in enumerate(tokens):
        if not _may_start(token, words):
            assert _match_at(tokens, index, words, primary) is None, (text, index)


@settings(max_examples=300)
@given(_date_lines() | st.text(max_size=30))
def test_tokens_are_built_as_their_constructor_builds_them(text: str) -> None:
    for token in tokenize(text):
        assert type(token) is Token
        assert token == Token(token.kind, token.text, token.start, token.end)
        assert token.kind in (NUM, WORD, SYM)
        assert text[token.start : token.end] == token.text


_BYLINES = load("bylines.json")
_MARKER_WORDS = [
    word
    for marker in [*_BYLINES["markers"], *_BYLINES["colon_markers"]]
    for word in {marker, *marker.split()}
]
_BYLINE_PIECES = st.sampled_from(
    [*_MARKER_WORDS, "Jane", "Doe", "BY", "By.", "by:", "Von", "ÉCRIT", "x", "2019", "|", "-"]
)
_BYLINE_GLUES = st.sampled_from([" ", " ", ":", " :", ".", "\t", "\n", ": ", "  ", ""])


@st.composite
def _byline_lines(draw: st.DrawFn) -> str:
    """Lines that open with marker words (any case, glued by colons, dots and spaces)."""
    text = ""
    for _ in range(draw(st.integers(1, 5))):
        piece = draw(_BYLINE_PIECES)
        piece = draw(st.sampled_from([piece, piece.upper(), piece.title()]))
        text += piece + draw(_BYLINE_GLUES)
    return text


@settings(max_examples=1000)
@given(_byline_lines())
def test_no_marker_read_where_the_first_word_opens_none(line: str) -> None:
    words = byline_words()
    tokens = line.split(" ", 3)
    if tokens[0].isascii() and not _may_open_marker(tokens[0], words):
        assert _phrase_marker_end(line, 0, len(line), tokens, words) is None, line


_LINE_PIECES = st.sampled_from(
    [*_MARKER_WORDS, *_alias_spellings(), *_AGENCIES["credit_words_before"]]
) | st.sampled_from(
    [
        "Jane Doe",
        "Sarah E. Needleman",
        "Reuters",
        "AP",
        "News Desk",
        "Staff Writer",
        "Editor",
        "Photo",
        "By",
        "and",
        "with",
        "Updated",
        "Nov 19, 2019",
        "18.11.2019",
        "10:31 pm",
        "12",
        "2019",
        "Top 10",
        "²",
        "3rd",
        "@JaneDoe",
    ]
)
_LINE_GLUES = st.sampled_from([" ", " | ", ", ", " - ", " / ", " (", ") ", ": ", " and ", " · "])


@st.composite
def _credit_lines(draw: st.DrawFn) -> str:
    """Lines of names, agencies, desks, markers, dates and numbers, glued as bylines are."""
    text: str = draw(_LINE_PIECES)
    for _ in range(draw(st.integers(0, 4))):
        text += draw(_LINE_GLUES) + draw(_LINE_PIECES)
    return text


@settings(max_examples=1500)
@given(_credit_lines())
def test_no_byline_read_in_an_unmarked_line_with_a_number_and_no_date(line: str) -> None:
    words = byline_words()
    line = " ".join(line.split())
    opens_marked = _marker_end(line, 0, len(line), words) is not None
    dates = [(found.start, found.end) for found in find_dates(line)]
    if _number_outside_dates(line, opens_marked, dates):
        assert _read_line(line, None, dates, words) is None, line


@attrs.frozen
class _CheckedByAttrs:
    """PageMetadata's kinds of fields as attrs' own validators check them."""

    title: Any = attrs.field(
        default=None, validator=validators.optional(validators.instance_of(str))
    )
    authors: Any = attrs.field(
        default=(),
        validator=validators.deep_iterable(
            validators.instance_of(str), validators.instance_of(tuple)
        ),
    )
    sources: Any = attrs.field(
        default=(),
        validator=validators.deep_iterable(
            validators.deep_iterable(validators.instance_of(str), validators.instance_of(tuple)),
            validators.instance_of(tuple),
        ),
    )


class _Text(str):
    """A subclass of str, as lxml's strings are."""


_VALUES = st.one_of(
    st.none(),
    st.text(max_size=3),
    st.builds(_Text, st.text(max_size=3)),
    st.integers(),
    st.binary(max_size=2),
)
_CONTAINERS = st.one_of(
    st.lists(_VALUES, max_size=3).map(tuple),
    st.lists(_VALUES, max_size=3),
    _VALUES,
)


def _error(build: Callable[[], object]) -> tuple[type[BaseException], str] | None:
    try:
        build()
    except (TypeError, ValueError) as error:
        return type(error), str(error.args[0])  # the message (args also hold the field)
    return None


@settings(max_examples=600)
@given(
    st.one_of(
        st.tuples(st.just("title"), _VALUES),
        st.tuples(st.just("authors"), _CONTAINERS),
        st.tuples(st.just("sources"), st.lists(_CONTAINERS, max_size=3).map(tuple)),
        st.tuples(st.just("sources"), _CONTAINERS),
    )
)
def test_page_metadata_checks_its_fields_as_attrs_does(case: tuple[str, Any]) -> None:
    name, value = case
    expected = _error(lambda: _CheckedByAttrs(**{name: value}))
    assert _error(lambda: PageMetadata(**{name: value})) == expected
