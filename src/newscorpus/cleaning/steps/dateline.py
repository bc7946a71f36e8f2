"""Step ``dateline``: the publication date, told apart from the page's other dates.

Pages show several dates: today's date in the site's top bar (the capture date), the article's
date beside its headline or byline, dates of teasers. The publication date is the one on the
dateline nearest above the main text, preferring a line labelled as published over one
labelled as updated. Other lines that are only a date are dropped with a reason that says so.
A publication date the page declares (HTML metadata, with its time zone) is kept.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.shapes import is_dateline_line
from newscorpus.draft import Draft, DraftBlock
from newscorpus.metadata.dates import date_label, find_dates

__all__ = ["Dateline"]

_LABEL_RANK = {"published": 0, "unknown": 1, "modified": 2}


@cleaning_step(origin="builtin")
class Dateline:
    """Find the publication date above the main text; drop the lines that are only dates."""

    name: str = "dateline"
    #: The dateline is among this many lines above the body ...
    search_lines: int = tuning.DATELINE_SEARCH_LINES
    #: ... or the first lines of the body ...
    body_lines: int = tuning.DATELINE_BODY_LINES
    #: ... and is a short line, not a sentence that mentions a date.
    max_chars: int = tuning.DATELINE_MAX_CHARS

    def __call__(self, draft: Draft) -> None:
        candidates = self._candidates(draft)
        # Nearest first; a line labelled "published" beats an unlabelled one, which beats an
        # "updated" one (sort is stable, so nearness decides within a label).
        candidates.sort(key=lambda block: _LABEL_RANK[date_label(block.text)])
        chosen = candidates[0] if candidates else None
        if chosen is not None and draft.published is None:  # a declared date wins
            dates = find_dates(chosen.text, language=draft.language)
            draft.published = dates[0].value
        for block in draft.iter_kept():
            if block.zone != "header" or not is_dateline_line(block.text, draft.language):
                continue
            if block is chosen:
                draft.drop(block, "publication date", "dateline.published")
            else:
                draft.drop(
                    block,
                    "another date on the page (not the publication date)",
                    "dateline.other-date",
                )

    def _candidates(self, draft: Draft) -> list[DraftBlock]:
        """Header lines and the first body lines that carry a date, nearest to the body first."""
        header = [block for block in draft.iter_kept() if block.zone == "header"]
        body = [block for block in draft.iter_kept() if block.zone == "body"][: self.body_lines]
        nearby = list(reversed(header[-self.search_lines :])) + body
        return [
            block
            for block in nearby
            if len(block.text) <= self.max_chars and find_dates(block.text, language=draft.language)
        ]
