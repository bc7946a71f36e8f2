"""Step ``dateline``: the publication date above the main text; other date lines go."""

from __future__ import annotations

import datetime as dt

from newscorpus import DraftBlock
from newscorpus.cleaning.steps import Dateline
from tests.cleaning.drafts import PROSE, draft, removed, run


def header(text: str) -> DraftBlock:
    return DraftBlock(0, text, zone="header")


def body(text: str) -> DraftBlock:
    return DraftBlock(0, text, zone="body")


def test_the_nearest_dateline_is_the_publication_date() -> None:
    done = run(
        Dateline(),
        draft(header("Friday, 14 March 2025"), header("Published 13 March 2025"), body(PROSE[0])),
    )
    assert done.published == dt.date(2025, 3, 13)
    assert removed(done) == [
        ("Friday, 14 March 2025", "dateline.other-date"),
        ("Published 13 March 2025", "dateline.published"),
    ]


def test_published_beats_updated() -> None:
    done = run(
        Dateline(),
        draft(header("Published 13 March 2025"), header("Updated 15 March 2025"), body(PROSE[0])),
    )
    assert done.published == dt.date(2025, 3, 13)


def test_a_declared_date_wins() -> None:
    declared = dt.date(2025, 1, 1)
    done = run(Dateline(), draft(header("13 March 2025"), body(PROSE[0]), published=declared))
    assert done.published == declared
    assert removed(done) == [("13 March 2025", "dateline.published")]


def test_the_search_window_is_a_setting() -> None:
    done = run(
        Dateline(search_lines=1), draft(header("13 March 2025"), header("Home"), body(PROSE[0]))
    )
    assert done.published is None
