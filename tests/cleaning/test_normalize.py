"""Step ``normalize``: invisible characters and spaces; a block left empty goes."""

from __future__ import annotations

from newscorpus.cleaning.steps import Normalize
from tests.cleaning.drafts import draft, kept, removed, run


def test_spaces_are_normalised_without_a_record() -> None:
    done = run(Normalize(), draft("the\u00a0Nagorno-Karabakh\u3000  region ", "Plain."))
    assert kept(done) == ["the Nagorno-Karabakh region", "Plain."]
    assert done.edits == []
    assert removed(done) == []


def test_invisible_characters_removed_are_an_edit() -> None:
    # #13: every change to kept text is on record; joiners and selectors are kept.
    done = run(Normalize(), draft("the\u00a0Nagorno\u00adKarabakh\u200b  region ", "می\u200cخواهم"))
    assert kept(done) == ["the NagornoKarabakh region", "می\u200cخواهم"]
    assert [edit.code for edit in done.edits] == ["normalize.invisible"]
    assert removed(done) == []


def test_a_block_of_invisible_characters_is_dropped_with_its_code() -> None:
    done = run(Normalize(), draft("\u200b\u200b", "Kept."))
    assert removed(done) == [("\u200b\u200b", "normalize.empty")]
    assert kept(done) == ["Kept."]
