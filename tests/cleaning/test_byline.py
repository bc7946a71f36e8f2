"""Step ``byline``: authors and the agency from the byline, the opening or the bio."""

from __future__ import annotations

from newscorpus import DraftBlock
from newscorpus.cleaning.steps import Byline
from tests.cleaning.drafts import PROSE, draft, removed, run


def test_authors_from_the_byline() -> None:
    done = run(
        Byline(),
        draft(
            DraftBlock(0, "By Marta Ellison and Tomas Berg", zone="header"),
            DraftBlock(0, PROSE[0], zone="body"),
        ),
    )
    assert done.authors == ["Marta Ellison", "Tomas Berg"]
    assert removed(done) == [("By Marta Ellison and Tomas Berg", "byline.byline")]


def test_the_agency_from_the_opening() -> None:
    opening = "(Reuters) — " + PROSE[0]
    done = run(Byline(), draft(DraftBlock(0, opening, zone="body")))
    assert done.agency == "Reuters"
    assert removed(done) == []


def test_declared_authors_win_and_the_line_still_goes() -> None:
    done = run(
        Byline(),
        draft(DraftBlock(0, "By Jane Doe", zone="header"), authors=["Irene Walsh"]),
    )
    assert done.authors == ["Irene Walsh"]
    assert removed(done) == [("By Jane Doe", "byline.byline")]


def test_the_agency_search_is_a_setting() -> None:
    opening = PROSE[0] + " (Reuters) — " + PROSE[1]
    assert run(Byline(), draft(DraftBlock(0, opening, zone="body"))).agency is None
    far = run(Byline(agency_search_chars=1000), draft(DraftBlock(0, opening, zone="body")))
    assert far.agency == "Reuters"
