"""Step ``masthead``: the site's name and, on an aggregator, the outlet it republishes.

The site name is the masthead: a short line in capitals at the very top of the page. The
publisher is a short name in the header that the page gives as the article's source: repeated
(a logo's text beside the outlet's name) or also shown as a web address ("Le Monde.fr"). Both
stay None when the page does not show them.
"""

from __future__ import annotations

import re

from attrs import field, frozen

from newscorpus import tuning
from newscorpus.cleaning.features import features
from newscorpus.cleaning.steps.chrome import chrome_role
from newscorpus.draft import Draft, DraftBlock
from newscorpus.metadata.dates import find_dates
from newscorpus.registry import cleaners

__all__ = ["Masthead"]

_DOMAIN_SUFFIX = re.compile(r"^\.[a-z]{2,6}\b")


@cleaners.register("masthead", origin="builtin")
@frozen
class Masthead:
    """Find the site name (masthead) and the publisher an aggregator credits."""

    name: str = field(default="masthead", kw_only=True)

    def __call__(self, draft: Draft) -> None:
        for block in draft.blocks[: tuning.MASTHEAD_MAX_POSITION + 1]:
            if _is_masthead(block, draft.language):
                draft.site_name = block.text
                draft.drop(block, "masthead (site name)")
                break
        header = [
            b
            for b in draft.blocks
            if b.zone == "header" or (b.removal and b.removal.step == "repeats")
        ]
        texts = [block.text for block in header]
        for block in header:
            if block.removal is not None or not _is_name(block.text, draft.language):
                continue
            if block.text == draft.site_name:
                continue
            if texts.count(block.text) >= 2 or any(_as_domain(block.text, t) for t in texts):
                draft.publisher = block.text
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


def _as_domain(name: str, text: str) -> bool:
    """``text`` shows ``name`` as a web address: "Images Le Monde.fr" for "Le Monde"."""
    position = text.find(name)
    return position >= 0 and bool(_DOMAIN_SUFFIX.match(text[position + len(name) :]))
