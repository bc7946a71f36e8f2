"""Step ``masthead``: the site's name and, on an aggregator, the outlet it republishes.

The site name is the masthead: a short line in capitals at the very top of the page. The
publisher is a short name in the header that the page gives as the article's source: repeated
(a logo's text beside the outlet's name) or also shown as a web address ("Le Monde.fr"). Both
stay None when the page does not show them. Names the page declares (HTML metadata) are kept.
"""

from __future__ import annotations

import re
from collections import Counter

from attrs import field, frozen

from newscorpus import tuning
from newscorpus.cleaning.features import features
from newscorpus.cleaning.steps.chrome import chrome_role
from newscorpus.draft import Draft, DraftBlock
from newscorpus.metadata.dates import find_dates
from newscorpus.registry import cleaners

__all__ = ["Masthead"]


@cleaners.register("masthead", origin="builtin")
@frozen
class Masthead:
    """Find the site name (masthead) and the publisher an aggregator credits."""

    name: str = field(default="masthead", kw_only=True)

    def __call__(self, draft: Draft) -> None:
        for block in draft.blocks[: tuning.MASTHEAD_MAX_POSITION + 1]:
            if _is_masthead(block, draft.language):
                draft.site_name = draft.site_name or block.text  # a declared name wins
                draft.drop(block, "masthead (site name)")
                break
        header = [block for block in draft.blocks if block.zone == "header"]  # removed ones too
        counts = Counter(block.text for block in header)
        joined = "\n".join(counts)
        for block in header:
            if block.removal is not None or block.text == draft.site_name:
                continue
            if not _is_name(block.text, draft.language):
                continue
            if counts[block.text] >= 2 or _shown_as_domain(block.text, joined):
                draft.publisher = draft.publisher or block.text  # a declared publisher wins
                draft.drop(block, "publisher (the outlet the site republishes)")
                return


def _is_masthead(block: DraftBlock, language: str | None) -> bool:
    found = features(block.text, language)
    return (
        found.upper_case
        and 1 <= found.size <= tuning.MASTHEAD_MAX_WORDS
        and found.digit_ratio == 0
        and chrome_role(block.text, language) is None
    )


def _is_name(text: str, language: str | None) -> bool:
    found = features(text, language)
    return (
        1 <= found.size <= tuning.PUBLISHER_MAX_WORDS
        and found.title_case
        and not found.ends_sentence
        and found.digit_ratio == 0
        and chrome_role(text, language) is None
        and not find_dates(text)
    )


def _shown_as_domain(name: str, text: str) -> bool:
    """``text`` shows ``name`` as a web address: "Images Le Monde.fr" for "Le Monde"."""
    if f"{name}." not in text:  # most names never stand before a dot: no pattern to compile
        return False
    return re.search(rf"{re.escape(name)}\.[a-z]{{2,6}}\b", text) is not None
