"""Step ``headings``: short lines that introduce the paragraphs after them."""

from __future__ import annotations

from newscorpus.cleaning.steps import Headings
from tests.cleaning.drafts import PROSE, draft, removed, run


def kinds(*texts: str, step: Headings | None = None) -> list[str]:
    done = run(step or Headings(), draft(*texts))
    assert removed(done) == []
    return [block.kind for block in done.blocks]


def test_a_short_line_before_a_paragraph_is_a_heading() -> None:
    assert kinds(PROSE[0], "What happens next", PROSE[1]) == ["paragraph", "heading", "paragraph"]


def test_a_line_ending_like_a_sentence_or_a_colon_stays_a_paragraph() -> None:
    assert kinds("It was over.", PROSE[1])[0] == "paragraph"
    assert kinds("The reasons:", PROSE[1])[0] == "paragraph"


def test_the_heading_length_is_a_setting() -> None:
    assert kinds("What happens next", PROSE[1], step=Headings(max_words=2))[0] == "paragraph"
