"""Step ``zones``: header, body and footer around the main text; nothing is dropped."""

from __future__ import annotations

from newscorpus import DraftBlock
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


def test_an_author_box_closing_the_run_is_footer_unless_it_outweighs_the_article() -> None:
    bio = DraftBlock(0, "Jane Doe covers the town hall for the paper. She lives in the old town.")
    bio.hints = frozenset({"author"})
    done = run(Zones(), draft(*PROSE, bio))
    assert [block.zone for block in done.blocks] == ["body"] * 3 + ["footer"]
    author_page = [DraftBlock(0, text, hints=frozenset({"author"})) for text in PROSE]
    done = run(Zones(), draft(PROSE[0], *author_page))
    assert {block.zone for block in done.blocks} == {"body"}
