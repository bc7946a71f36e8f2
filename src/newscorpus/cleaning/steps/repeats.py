"""Step ``repeats``: a line printed again is kept once.

Pages repeat: a caption above the picture and again in the gallery, a logo's alt text beside
its name, a menu at the top and the bottom. Later copies of a block are dropped. A block that
the next lines repeat with more after it ("caption", then "caption - Copyright AFP") is
dropped in favour of the longer line, which keeps the credit.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features
from newscorpus.draft import Draft

__all__ = ["Repeats"]


@cleaning_step(origin="builtin")
class Repeats:
    """Drop later copies of a line, and lines repeated with more text right after."""

    name: str = "repeats"
    #: A line repeated with more text within this many following lines is the shorter copy ...
    lookahead: int = tuning.REPEAT_LOOKAHEAD
    #: ... if it has at least this many words (menu items are prefixes of each other by chance).
    prefix_min_words: int = tuning.REPEAT_PREFIX_MIN_WORDS

    def __call__(self, draft: Draft) -> None:
        kept = draft.kept()
        seen: set[str] = set()
        for position, block in enumerate(kept):
            if block.text in seen:
                draft.drop(block, "repeats an earlier line", "repeats.copy")
                continue
            seen.add(block.text)
            if features(block.text, draft.language).size < self.prefix_min_words:
                continue
            for other in kept[position + 1 : position + 1 + self.lookahead]:
                if _extends(block.text, other.text):
                    draft.drop(
                        block, "repeated in a following line with more text", "repeats.extended"
                    )
                    break


def _extends(short: str, long: str) -> bool:
    return len(long) > len(short) and long.startswith(short) and not long[len(short)].isalnum()
