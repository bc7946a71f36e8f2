"""Step ``headings``: short lines that introduce the paragraphs after them.

A body block becomes a heading when it is short, does not end like a sentence (nor with a
colon, which introduces a list), and a paragraph follows it. Headings marked in the dump
itself ("## Heading", "– Heading –") are headings already.
"""

from __future__ import annotations

import itertools

from newscorpus import tuning
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features
from newscorpus.draft import Draft

__all__ = ["Headings"]


@cleaning_step(origin="builtin")
class Headings:
    """Label short lines followed by a paragraph as headings."""

    name: str = "headings"
    #: A subheading has at most this many words.
    max_words: int = tuning.HEADING_MAX_WORDS

    def __call__(self, draft: Draft) -> None:
        kept = draft.kept()
        for block, following in itertools.pairwise(kept):
            if block.kind != "paragraph" or following.kind != "paragraph":
                continue
            found = features(block.text, draft.language)
            if (
                found.size <= self.max_words
                and not found.ends_sentence
                and not block.text.rstrip().endswith((":", ",", ";"))
                and features(following.text, draft.language).size > found.size
            ):
                block.kind = "heading"
