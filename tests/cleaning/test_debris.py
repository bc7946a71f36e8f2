"""Step ``debris``: punctuation left where a scraper cut an element out, each repair an edit."""

from __future__ import annotations

import pytest

from newscorpus.cleaning.steps import Debris
from tests.cleaning.drafts import draft, edits, kept, run


@pytest.mark.parametrize(
    ("before", "after", "code"),
    [
        (
            "prisoners of war. . The Russian side",
            "prisoners of war. The Russian side",
            "debris.doubled-stop",
        ),
        (
            "30,000 people. , during the war",
            "30,000 people, during the war",
            "debris.stop-before-comma",
        ),
        ("builders,, worked in teams", "builders, worked in teams", "debris.doubled-comma"),
        (
            "in two days , officials said",
            "in two days, officials said",
            "debris.space-before-comma",
        ),
    ],
)
def test_each_repair_is_an_edit_with_its_code(before: str, after: str, code: str) -> None:
    done = run(Debris(), draft(before))
    assert kept(done) == [after]
    assert [edit[2] for edit in edits(done)] == [code]
    assert done.edits[0].reason  # and a sentence for people


def test_clean_text_is_not_touched() -> None:
    assert edits(run(Debris(), draft("A clean sentence, with a comma. And a stop."))) == []
