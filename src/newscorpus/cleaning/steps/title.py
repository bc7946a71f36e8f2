"""Step ``title``: the headline, from the lines above the main text.

The title is the last headline-shaped line before the body: a few words to a long line that
does not end with a full stop, not a date, not a byline, not chrome. A line in capitals at the
very top is the masthead, not the title. When nothing fits, the title stays None: it is never
made up. A title the page declares (HTML metadata) is kept; the header lines that repeat it
are dropped as the title.
"""

from __future__ import annotations

from attrs import field, frozen

from newscorpus import tuning
from newscorpus.cleaning.features import features
from newscorpus.cleaning.shapes import byline_of, is_dateline_line
from newscorpus.draft import Draft, DraftBlock
from newscorpus.registry import cleaners

__all__ = ["Title", "is_headline"]


def is_headline(block: DraftBlock, language: str | None) -> bool:
    """Whether a header block has the shape of a headline."""
    found = features(block.text, language)
    if not tuning.TITLE_MIN_WORDS <= found.size <= tuning.TITLE_MAX_WORDS:
        return False
    if found.upper_case and block.index <= tuning.MASTHEAD_MAX_POSITION:
        return False
    if found.digit_ratio > tuning.TITLE_MAX_DIGIT_RATIO or found.ends_ellipsis:
        return False
    if block.text.rstrip().endswith((".", "。")):  # a sentence: a standfirst, not a headline
        return False
    return not is_dateline_line(block.text, language) and byline_of(block.text, language) is None


@cleaners.register("title", origin="builtin")
@frozen
class Title:
    """Take the headline from the header zone, unless the page declared one."""

    name: str = field(default="title", kw_only=True)

    def __call__(self, draft: Draft) -> None:
        header = [block for block in draft.iter_kept() if block.zone == "header"]
        if draft.title is not None:  # the page declared it (JSON-LD, OpenGraph...): keep it
            declared = _folded(draft.title)
            for block in header:
                if _folded(block.text) == declared:
                    draft.drop(block, "title")
            return
        for block in reversed(header[-tuning.TITLE_SEARCH_LINES :]):
            if is_headline(block, draft.language):
                draft.title = block.text
                draft.drop(block, "title")
                return


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())
