"""Step ``boilerplate``: what is left outside the main text, and stray labels inside it."""

from __future__ import annotations

from newscorpus import DraftBlock
from newscorpus.cleaning.steps import Boilerplate
from tests.cleaning.drafts import PROSE, draft, kept, removed, run


def test_header_footer_and_aside_go_each_with_its_code() -> None:
    done = run(
        Boilerplate(),
        draft(
            DraftBlock(0, "Menu", zone="header"),
            DraftBlock(0, PROSE[0], zone="body"),
            DraftBlock(0, "Most read", zone="aside"),
            DraftBlock(0, PROSE[1], zone="body"),
            DraftBlock(0, "Contact us", zone="footer"),
        ),
    )
    assert removed(done) == [
        ("Menu", "boilerplate.header"),
        ("Most read", "boilerplate.aside"),
        ("Contact us", "boilerplate.footer"),
    ]
    assert kept(done) == [PROSE[0], PROSE[1]]


def test_a_stray_label_goes_and_a_heading_stays() -> None:
    blocks = [
        DraftBlock(0, PROSE[0], zone="body"),
        DraftBlock(0, "Video", zone="body"),
        DraftBlock(0, "Bergen", zone="body"),
        DraftBlock(0, PROSE[1], zone="body"),
        DraftBlock(0, "Anna Lindqvist", zone="body"),
    ]
    done = run(Boilerplate(), draft(*blocks))
    assert removed(done) == [
        ("Video", "boilerplate.stray-label"),
        ("Anna Lindqvist", "boilerplate.stray-label"),
    ]
    assert "Bergen" in kept(done)


def test_the_label_length_is_a_setting() -> None:
    blocks = [DraftBlock(0, PROSE[0], zone="body"), DraftBlock(0, "Anna Lindqvist", zone="body")]
    assert removed(run(Boilerplate(stray_label_max_words=1), draft(*blocks))) == []
