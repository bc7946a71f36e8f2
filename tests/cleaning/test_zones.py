"""Step ``zones``: header, body and footer around the main text; nothing is dropped."""

from __future__ import annotations

from newscorpus.cleaning.steps import Zones
from tests.cleaning.drafts import PROSE, draft, removed, run


def test_the_prose_run_is_the_body() -> None:
    done = run(Zones(), draft("Home", "News", "A headline", *PROSE, "Contact us", "Privacy"))
    zones = [block.zone for block in done.blocks]
    assert zones == ["header"] * 3 + ["body"] * 3 + ["footer"] * 2
    assert removed(done) == []


def test_without_prose_everything_is_header() -> None:
    done = run(Zones(), draft("Home", "News"))
    assert {block.zone for block in done.blocks} == {"header"}
