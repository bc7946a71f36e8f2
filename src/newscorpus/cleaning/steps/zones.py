"""Step ``zones``: where the main text starts and ends.

Every block, kept or already removed, is scored (:mod:`newscorpus.cleaning.region`), and the
best-scoring run of blocks is the body. Kept blocks before it are marked ``header`` (where the
title, byline and date steps look), after it ``footer``. Nothing is dropped here: the
``boilerplate`` step drops what the metadata steps leave in the header and footer.
"""

from __future__ import annotations

from attrs import field, frozen

from newscorpus.cleaning.region import best_run, block_score
from newscorpus.draft import Draft
from newscorpus.registry import cleaners

__all__ = ["Zones"]


@cleaners.register("zones", origin="builtin")
@frozen
class Zones:
    """Mark each kept block as header, body or footer around the main-text run."""

    name: str = field(default="zones", kw_only=True)

    def __call__(self, draft: Draft) -> None:
        scores = [block_score(block, draft.language) for block in draft.blocks]
        run = best_run(scores)
        for position, block in enumerate(draft.blocks):
            if run is None:
                block.zone = "header"
            elif position < run[0]:
                block.zone = "header"
            elif position > run[1]:
                block.zone = "footer"
            else:
                block.zone = "body"
