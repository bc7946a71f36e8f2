"""Step ``debris``: punctuation left behind where a scraper cut an element out.

"prisoners of war. . The Russian" and "30,000 people. , during" come from a link or a
footnote removed between two marks. Each repair is recorded as an edit, with the reason.
"""

from __future__ import annotations

from newscorpus.cleaning import patterns
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.draft import Draft

__all__ = ["Debris"]


@cleaning_step(origin="builtin")
class Debris:
    """Repair punctuation debris in kept blocks, recording every repair as an edit."""

    name: str = "debris"

    def __call__(self, draft: Draft) -> None:
        for block in draft.iter_kept():
            if not patterns.DEBRIS_HINT.search(block.text):
                continue
            for pattern, replacement, reason, code in patterns.DEBRIS:
                while (match := pattern.search(block.text)) is not None:
                    repaired = block.text[: match.start()] + replacement + block.text[match.end() :]
                    draft.edit(block, repaired, reason, code)
