"""Step ``language``: the page's language from its longest blocks."""

from __future__ import annotations

from newscorpus.cleaning.steps import Language
from tests.cleaning.drafts import PROSE, draft, removed, run

FRENCH = (
    "Les pêcheurs du port ont signé mercredi un accord avec les autorités régionales sur les "
    "quotas de sardines pour les trois prochaines années, après des mois de négociations."
)


def test_the_longest_blocks_decide_and_nothing_is_removed() -> None:
    done = run(Language(), draft("Home", "News", "Contact", FRENCH, language=None))
    assert done.language == "fr"
    assert removed(done) == []


def test_the_text_wins_over_a_declared_language() -> None:
    assert run(Language(), draft(*PROSE, language="de")).language == "en"


def test_a_page_too_short_to_tell_keeps_its_declared_language() -> None:
    assert run(Language(), draft("OK", language="de")).language == "de"


def test_the_sample_size_is_a_setting() -> None:
    # With a sample of one block, the longest (French) block alone decides.
    mixed = draft(FRENCH + " " + FRENCH, *PROSE, language=None)
    assert run(Language(text_chars=1), mixed).language == "fr"
