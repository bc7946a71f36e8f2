"""Step ``repeats``: later copies go, and a line repeated with more text after it."""

from __future__ import annotations

from newscorpus.cleaning.steps import Repeats
from tests.cleaning.drafts import draft, kept, removed, run

CAPTION = "A parade in the old town on Sunday"


def test_a_later_copy_goes() -> None:
    done = run(Repeats(), draft("News", "Sport", "A paragraph.", "News", "Sport"))
    assert removed(done) == [("News", "repeats.copy"), ("Sport", "repeats.copy")]
    assert kept(done) == ["News", "Sport", "A paragraph."]


def test_a_line_repeated_with_more_text_goes_for_the_longer_one() -> None:
    done = run(Repeats(), draft(CAPTION, CAPTION + " - Copyright AFP Jo Smith"))
    assert removed(done) == [(CAPTION, "repeats.extended")]


def test_short_prefixes_and_far_repeats_stay() -> None:
    done = run(Repeats(), draft("Sport", "Sport results", CAPTION, "a", "b", "c", CAPTION + "!"))
    assert removed(done) == []


def test_the_lookahead_is_a_setting() -> None:
    text = draft(CAPTION, "a", CAPTION + " - Copyright AFP Jo Smith")
    assert removed(run(Repeats(lookahead=1), text)) == []
    text = draft(CAPTION, "a", CAPTION + " - Copyright AFP Jo Smith")
    assert removed(run(Repeats(lookahead=2), text)) == [(CAPTION, "repeats.extended")]
