"""Step ``title``: the headline from the lines above the main text."""

from __future__ import annotations

from newscorpus import DraftBlock
from newscorpus.cleaning.steps import Title
from tests.cleaning.drafts import PROSE, draft, removed, run

HEADLINE = "Town votes to keep its weekly market in the square"


def test_the_last_headline_above_the_body() -> None:
    done = run(
        Title(),
        draft(
            DraftBlock(0, "Home", zone="header"),
            DraftBlock(0, HEADLINE, zone="header"),
            DraftBlock(0, "14 March 2025", zone="header"),
            DraftBlock(0, PROSE[0], zone="body"),
        ),
    )
    assert done.title == HEADLINE
    assert removed(done) == [(HEADLINE, "title.headline")]


def test_a_declared_title_drops_its_copy_in_the_header() -> None:
    done = run(
        Title(),
        draft(DraftBlock(0, HEADLINE.upper(), zone="header"), title=HEADLINE),
    )
    assert done.title == HEADLINE
    assert removed(done) == [(HEADLINE.upper(), "title.headline")]


def test_nothing_fits_and_no_title_is_made_up() -> None:
    done = run(Title(), draft(DraftBlock(0, "A sentence that ends.", zone="header")))
    assert done.title is None


def test_the_headline_length_is_a_setting() -> None:
    text = draft(DraftBlock(0, HEADLINE, zone="header"))
    assert run(Title(max_words=5), text).title is None
