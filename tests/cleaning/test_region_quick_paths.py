"""The main-text region's quick path gives what the plain definition it replaces gives.

It was written for speed (#12) and proven on the dev sets by identical records; these tests
hold it to its definition on inputs written to find the edges.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus import DraftBlock, tuning
from newscorpus.cleaning import region
from newscorpus.cleaning.patterns import RELATIVE_TIME
from newscorpus.cleaning.shapes import is_dateline_line


def _plain_wall(text: str, language: str | None) -> bool:
    """The definition: a relative time, or a dateline that is no embedded post's attribution."""
    if len(text) <= tuning.RELATIVE_TIME_MAX_CHARS and RELATIVE_TIME.match(text):
        return True
    return "@" not in text and is_dateline_line(text, language)


#: Pieces of datelines and relative times, digits of other scripts (which ``\\d`` matches),
#: "ago" in capitals, and the other characters around them.
_PIECES = (
    *("8 hours ago", "an hour ago", "AN HOUR AGO", "a day ago", "vor 3 Stunden", "3分前"),
    *("November 19, 2019", "19.11.2019", "2019年11月19日", "Updated", "By Jane Doe", "@jane"),
    *("٣", "३", "²", "Home", "Agora", "ago", " ", "\n", "-", "|", ".", "é", "報道"),
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=8).map("".join),
    st.sampled_from(["en", "de", "ja", None]),
)
def test_a_wall_is_what_the_plain_definition_says(text: str, language: str | None) -> None:
    assert region._is_wall(DraftBlock(0, text), language) == _plain_wall(text, language)


@settings(max_examples=500, deadline=None)
@given(st.from_regex(RELATIVE_TIME), st.sampled_from(["en", "de", None]))
def test_every_relative_time_of_the_pattern_is_a_wall(text: str, language: str | None) -> None:
    # The quick path passes lines without digits unless they hold "ago": a line the pattern
    # matches that had neither would show here.
    assert region._is_wall(DraftBlock(0, text), language) == _plain_wall(text, language)
