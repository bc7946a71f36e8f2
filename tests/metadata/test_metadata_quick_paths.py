"""The metadata readers' quick paths against the plain code they stand in for: each pre-test
that proves "nothing here" must never say so of a line where the plain reading finds something.

The generated lines are made of the very words the readers look for (agency aliases in
several spellings, credit words), of words that share their first letters or tokens, of
non-ASCII letters that fold (dotless i, accents, ligatures) and of punctuation, so that near
misses are common.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.metadata._data import load
from newscorpus.metadata.agencies import _agencies, _Line, _word_hits

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
