"""Step ``zones``: where the main text starts and ends.

Every block, kept or already removed, is scored (:mod:`newscorpus.cleaning.region`), and the
best-scoring run of blocks is the body (see :func:`~newscorpus.cleaning.region.main_text`).
Kept blocks before it are marked ``header`` (where the title, byline and date steps look),
after it ``footer``, and interruptions inside it ``aside``; a standfirst above it, apart from
the byline and picture between them, is ``body`` too. Nothing is dropped here: the
``boilerplate`` step drops what the metadata steps leave in the header and footer.
"""

from __future__ import annotations

from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.region import main_text
from newscorpus.draft import Draft

__all__ = ["Zones"]


@cleaning_step(origin="builtin")
class Zones:
    """Mark each kept block as header, body or footer around the main-text run."""

    name: str = "zones"

    def __call__(self, draft: Draft) -> None:
        span = main_text(draft.blocks, draft.language, draft.stopword_floor)
        for position, block in enumerate(draft.blocks):
            if span is not None and position in span.lead:
                block.zone = "body"
            elif span is None or position < span.start:
                block.zone = "header"
            elif position > span.end:
                block.zone = "footer"
            elif position in span.asides:
                block.zone = "aside"
            else:
                block.zone = "body"
