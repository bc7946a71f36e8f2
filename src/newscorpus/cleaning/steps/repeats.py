"""Step ``repeats``: a line printed again is kept once.

Pages repeat: a caption above the picture and again in the gallery, a logo's alt text beside
its name, a menu at the top and the bottom. Later copies of a block are dropped. A block that
the next lines repeat with more after it ("caption", then "caption - Copyright AFP") is
dropped in favour of the longer line, which keeps the credit.

Two exceptions, on pages with markup (a dump does not show where a copy sits), for
paragraphs of prose only:

* a paragraph the article itself prints again (a refrain, a passage quoted twice) stays: the
  copy is in the same markup as the one before it, a few blocks after it, and is not part of
  a repeated widget (one printed at every embed repeats its button or label too; a repeated
  heading above the copy, "Chorus", is the article's);
* where the later copy is inside the element the page names as the article's body and the
  earlier one is not (a highlights box, a lead printed above the headline), the earlier copy
  goes: the body's copy wins over the box's.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features
from newscorpus.cleaning.region import is_prose
from newscorpus.draft import BODY_HINT, Draft, DraftBlock

__all__ = ["Repeats"]


@cleaning_step(origin="builtin")
class Repeats:
    """Drop later copies of a line, and lines repeated with more text right after."""

    name: str = "repeats"
    #: A line repeated with more text within this many following lines is the shorter copy ...
    lookahead: int = tuning.REPEAT_LOOKAHEAD
    #: ... if it has at least this many words (menu items are prefixes of each other by chance).
    prefix_min_words: int = tuning.REPEAT_PREFIX_MIN_WORDS
    #: A paragraph printed again this many blocks after its last copy, by the same markup,
    #: is the article's own repetition and stays.
    refrain_max_gap: int = tuning.REPEAT_REFRAIN_MAX_GAP

    def __call__(self, draft: Draft) -> None:
        kept = draft.kept()
        copies = _copies(kept)
        seen: dict[str, DraftBlock] = {}
        for position, block in enumerate(kept):
            earlier = seen.get(block.text)
            if earlier is None:
                seen[block.text] = block
                self._drop_if_extended(draft, kept, position)
                continue
            if block.link_density is not None and is_prose(
                features(block.text, draft.language), draft.stopword_floor
            ):
                if self._is_refrain(earlier, block, kept, position, copies):
                    seen[block.text] = block
                    continue
                if BODY_HINT in block.hints and BODY_HINT not in earlier.hints:
                    draft.drop(earlier, "repeated in the article's body", "repeats.copy")
                    seen[block.text] = block
                    continue
            draft.drop(block, "repeats an earlier line", "repeats.copy")

    def _drop_if_extended(self, draft: Draft, kept: list[DraftBlock], position: int) -> None:
        block = kept[position]
        if features(block.text, draft.language).size < self.prefix_min_words:
            return
        for other in kept[position + 1 : position + 1 + self.lookahead]:
            if _extends(block.text, other.text):
                draft.drop(block, "repeated in a following line with more text", "repeats.extended")
                return

    def _is_refrain(
        self,
        earlier: DraftBlock,
        block: DraftBlock,
        kept: list[DraftBlock],
        position: int,
        copies: set[int],
    ) -> bool:
        """Whether ``block``, a copy of ``earlier``, is the article printing a paragraph
        again: near it, in the same markup, and with no copy of another line beside it but a
        heading."""
        if block.index - earlier.index > self.refrain_max_gap:
            return False
        if (earlier.tag, earlier.kind, earlier.container, earlier.hints) != (
            block.tag,
            block.kind,
            block.container,
            block.hints,
        ):
            return False
        neighbours = (kept[p] for p in (position - 1, position + 1) if 0 <= p < len(kept))
        return not any(
            neighbour.index in copies
            and neighbour.text != block.text
            and neighbour.kind != "heading"
            for neighbour in neighbours
        )


def _copies(blocks: list[DraftBlock]) -> set[int]:
    """The indexes of the blocks whose text an earlier block already has."""
    texts: set[str] = set()
    copies: set[int] = set()
    for block in blocks:
        if block.text in texts:
            copies.add(block.index)
        texts.add(block.text)
    return copies


def _extends(short: str, long: str) -> bool:
    return len(long) > len(short) and long.startswith(short) and not long[len(short)].isalnum()
