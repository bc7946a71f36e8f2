"""Step ``masthead``: the site's name and, on an aggregator, the outlet it republishes.

The site name is the masthead: a short line in capitals at the very top of the page. The
publisher is a short name in the header that the page gives as the article's source: repeated
(a logo's text beside the outlet's name) or also shown as a web address ("Le Monde.fr"). Both
stay None when the page does not show them. Names the page declares (HTML metadata) are kept.
"""

from __future__ import annotations

import re
from collections import Counter

from newscorpus import tuning
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features
from newscorpus.cleaning.steps.chrome import chrome_role
from newscorpus.draft import Draft, DraftBlock
from newscorpus.metadata.dates import find_dates

__all__ = ["Masthead"]


@cleaning_step(origin="builtin")
class Masthead:
    """Find the site name (masthead) and the publisher an aggregator credits."""

    name: str = "masthead"
    #: The masthead is among the first blocks: at most at this position (from 0).
    max_position: int = tuning.MASTHEAD_MAX_POSITION
    #: A masthead is a short line in capitals ("THE AMERICA ONE NEWS").
    max_words: int = tuning.MASTHEAD_MAX_WORDS
    #: An outlet's name is short ("Le Monde", "The Wall Street Journal").
    publisher_max_words: int = tuning.PUBLISHER_MAX_WORDS

    def __call__(self, draft: Draft) -> None:
        for block in draft.blocks[: self.max_position + 1]:
            if _is_masthead(block, draft.language, self.max_words):
                draft.site_name = draft.site_name or block.text  # a declared name wins
                draft.drop(block, "masthead (site name)", "masthead.site-name")
                break
        header = [block for block in draft.blocks if block.zone == "header"]  # removed ones too
        counts = Counter(block.text for block in header)
        joined = "\n".join(counts)
        for block in header:
            if block.removal is not None or block.text == draft.site_name:
                continue
            if not _is_name(block.text, draft.language, self.publisher_max_words):
                continue
            if counts[block.text] >= 2 or _shown_as_domain(block.text, joined):
                draft.publisher = draft.publisher or block.text  # a declared publisher wins
                draft.drop(
                    block, "publisher (the outlet the site republishes)", "masthead.publisher"
                )
                return


def _is_masthead(block: DraftBlock, language: str | None, max_words: int) -> bool:
    found = features(block.text, language)
    return (
        found.upper_case
        and 1 <= found.size <= max_words
        and found.digit_ratio == 0
        and chrome_role(block.text, language, None) is None
    )


def _is_name(text: str, language: str | None, max_words: int) -> bool:
    found = features(text, language)
    return (
        1 <= found.size <= max_words
        and found.title_case
        and not found.ends_sentence
        and found.digit_ratio == 0
        and chrome_role(text, language, None) is None
        and not find_dates(text)
    )


def _shown_as_domain(name: str, text: str) -> bool:
    """``text`` shows ``name`` as a web address: "Images Le Monde.fr" for "Le Monde"."""
    if f"{name}." not in text:  # most names never stand before a dot: no pattern to compile
        return False
    return re.search(rf"{re.escape(name)}\.[a-z]{{2,6}}\b", text) is not None
