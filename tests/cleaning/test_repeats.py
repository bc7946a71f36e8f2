"""Step ``repeats``: later copies go, and a line repeated with more text after it."""

from __future__ import annotations

from newscorpus import DraftBlock
from newscorpus.cleaning.steps import Repeats
from newscorpus.draft import BODY_HINT
from tests.cleaning.drafts import PROSE, draft, kept, removed, run

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


def _html(text: str, *, tag: str = "p", hints: frozenset[str] = frozenset()) -> DraftBlock:
    """A block as the HTML parser gives it (markup evidence set)."""
    return DraftBlock(0, text, tag=tag, link_density=0.0, container="article", hints=hints)


def test_a_paragraph_the_article_prints_again_nearby_stays() -> None:
    done = run(Repeats(), draft(_html(PROSE[0]), _html("A heading", tag="h2"), _html(PROSE[0])))
    assert kept(done) == [PROSE[0], "A heading", PROSE[0]]


def test_a_far_copy_or_a_copy_in_other_markup_goes() -> None:
    far = [_html(PROSE[0]), *(_html(f"Line {n}") for n in range(12)), _html(PROSE[0])]
    assert removed(run(Repeats(), draft(*far))) == [(PROSE[0], "repeats.copy")]
    other = draft(_html(PROSE[0]), _html(PROSE[0], tag="div"))
    assert removed(run(Repeats(), other)) == [(PROSE[0], "repeats.copy")]
    assert removed(run(Repeats(refrain_max_gap=0), draft(_html(PROSE[0]), _html(PROSE[0])))) == [
        (PROSE[0], "repeats.copy")
    ]


def test_a_widget_printed_again_with_its_heading_goes() -> None:
    widget = ("External content", PROSE[1], "Change settings")
    blocks = [_html(PROSE[0]), *(_html(t) for t in widget), _html(PROSE[2]), *map(_html, widget)]
    done = run(Repeats(), draft(*blocks))
    assert [text for text, _ in removed(done)] == list(widget)


def test_a_paragraph_repeated_under_a_repeated_heading_stays() -> None:
    chorus = _html("Chorus", tag="h3")
    chorus.kind = "heading"
    again = _html("Chorus", tag="h3")
    again.kind = "heading"
    done = run(Repeats(), draft(chorus, _html(PROSE[0]), _html(PROSE[1]), again, _html(PROSE[0])))
    assert removed(done) == [("Chorus", "repeats.copy")]


def test_the_body_copy_wins_over_a_highlights_box() -> None:
    box, body = _html(PROSE[0], tag="div"), _html(PROSE[0], hints=frozenset({BODY_HINT}))
    done = run(Repeats(), draft(_html("Highlights", tag="div"), box, _html(PROSE[1]), body))
    assert removed(done) == [(PROSE[0], "repeats.copy")]
    assert done.blocks[1].removal is not None
    assert done.blocks[3].removal is None


def test_dumps_keep_only_the_first_copy() -> None:
    done = run(Repeats(), draft(PROSE[0], "A heading", PROSE[0]))
    assert removed(done) == [(PROSE[0], "repeats.copy")]
