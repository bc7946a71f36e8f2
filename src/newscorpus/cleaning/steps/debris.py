"""Step ``debris``: punctuation left behind where a scraper cut an element out.

"prisoners of war. . The Russian" and "30,000 people. , during" come from a link or a
footnote removed between two marks. Each repair is recorded as an edit, with the reason.
"""

from __future__ import annotations

from attrs import field, frozen

from newscorpus.cleaning import patterns
from newscorpus.draft import Draft
from newscorpus.registry import cleaners

__all__ = ["Debris"]


@cleaners.register("debris", origin="builtin")
@frozen
class Debris:
    """Repair punctuation debris in kept blocks, recording every repair as an edit."""

    name: str = field(default="debris", kw_only=True)

    def __call__(self, draft: Draft) -> None:
        for block in draft.iter_kept():
            if not patterns.DEBRIS_HINT.search(block.text):
                continue
            for pattern, replacement, reason in patterns.DEBRIS:
                while (match := pattern.search(block.text)) is not None:
                    repaired = block.text[: match.start()] + replacement + block.text[match.end() :]
                    draft.edit(block, repaired, reason)
