"""Step ``normalize``: invisible characters and spaces; a block left empty goes."""

from __future__ import annotations

from newscorpus.cleaning.steps import Normalize
from tests.cleaning.drafts import draft, kept, removed, run


def test_spaces_and_invisible_characters_are_normalised_without_a_record() -> None:
    done = run(Normalize(), draft("the\u00a0Nagorno\u00adKarabakh\u200b  region ", "Plain."))
    assert kept(done) == ["the NagornoKarabakh region", "Plain."]
    assert done.edits == []
    assert removed(done) == []


def test_a_block_of_invisible_characters_is_dropped_with_its_code() -> None:
    done = run(Normalize(), draft("\u200b\u200b", "Kept."))
    assert removed(done) == [("\u200b\u200b", "normalize.empty")]
    assert kept(done) == ["Kept."]
