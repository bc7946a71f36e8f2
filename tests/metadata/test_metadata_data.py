"""The word lists in newscorpus/metadata/data: shape, consistency, and shipping in the package."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources

import pytest

from newscorpus.metadata._data import load
from newscorpus.metadata._labels import label_words
from newscorpus.metadata._lexicon import lexicon
from newscorpus.metadata._names import byline_words
from newscorpus.metadata._text import fold

DATA_FILES = [
    "agencies.json",
    "bylines.json",
    "date_labels.json",
    "date_words.json",
    "months.json",
    "weekdays.json",
]


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_ship_inside_the_package_and_say_what_they_hold(name: str) -> None:
    path = resources.files("newscorpus.metadata").joinpath("data", name)
    data = json.loads(path.read_text("utf-8"))
    assert isinstance(data, dict)
    assert data.get("_about")


def test_every_data_file_is_tested() -> None:
    folder = resources.files("newscorpus.metadata").joinpath("data")
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".json"))
    assert names == DATA_FILES


@pytest.mark.parametrize(("name", "days"), [("months.json", 12), ("weekdays.json", 7)])
def test_no_form_names_two_days_or_months_in_one_language(name: str, days: int) -> None:
    for language, rows in load(name)["languages"].items():
        assert len(rows) == days, language
        owners = Counter(fold(form) for row in rows for form in set(map(fold, row)))
        repeated = [form for form, count in owners.items() if count > 1]
        assert not repeated, (language, repeated)


def test_forms_read_differently_across_languages_are_known() -> None:
    readings: dict[str, set[int]] = {}
    for rows in load("months.json")["languages"].values():
        for number, row in enumerate(rows, 1):
            for form in row:
                readings.setdefault(fold(form), set()).add(number)
    ambiguous = sorted(form for form, months in readings.items() if len(months) > 1)
    assert ambiguous == ["listopad", "listopada"]


def test_month_and_weekday_forms_do_not_collide() -> None:
    words = lexicon()
    assert not set(words.months) & set(words.weekdays)


def test_agencies_have_unique_names_and_aliases() -> None:
    agencies = load("agencies.json")["agencies"]
    names = [entry["name"] for entry in agencies]
    assert len(names) == len(set(names))
    aliases = [alias for entry in agencies for alias in entry["anywhere"] + entry["credit_only"]]
    assert len(aliases) == len(set(aliases))


def test_cjk_byline_markers_are_outside_ascii() -> None:
    # parse_byline does not look for them in an ASCII line.
    words = byline_words()
    assert not any(marker.isascii() for marker in (*words.cjk_markers, *words.suffix_markers))


def test_no_label_word_agency_alias_or_joiner_has_a_digit() -> None:
    # parse_byline does not read an unmarked line with a number and no date: the item holding
    # the number must read as no label, agency or joiner (folding keeps a digit a digit).
    words = byline_words()
    agencies = load("agencies.json")["agencies"]
    aliases = [alias for entry in agencies for alias in entry["anywhere"] + entry["credit_only"]]
    texts = [*label_words().neutral, *aliases, *words.joiners, *words.with_words]
    assert not [text for text in texts if any(char.isdigit() for char in text)]
    assert all(any(char.isdigit() for char in fold(digit)) for digit in "0٣۷१²①")
