"""Step ``masthead``: the site's name at the top, and the publisher an aggregator credits."""

from __future__ import annotations

from newscorpus import DraftBlock
from newscorpus.cleaning.steps import Masthead
from tests.cleaning.drafts import PROSE, draft, removed, run


def test_the_masthead_is_the_site_name() -> None:
    done = run(Masthead(), draft("THE HARBOUR GAZETTE", *PROSE))
    assert done.site_name == "THE HARBOUR GAZETTE"
    assert removed(done) == [("THE HARBOUR GAZETTE", "masthead.site-name")]


def test_a_name_shown_as_a_web_address_is_the_publisher() -> None:
    done = run(
        Masthead(),
        draft(
            DraftBlock(0, "Le Courrier", zone="header"),
            DraftBlock(0, "Images Le Courrier.fr", zone="header"),
            DraftBlock(0, PROSE[0], zone="body"),
        ),
    )
    assert done.publisher == "Le Courrier"
    assert removed(done) == [("Le Courrier", "masthead.publisher")]


def test_the_masthead_position_is_a_setting() -> None:
    done = run(Masthead(max_position=0), draft("Home", "THE HARBOUR GAZETTE", *PROSE))
    assert done.site_name is None
