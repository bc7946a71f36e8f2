"""Step ``title``: the headline, from the lines above the main text.

The title is the last headline-shaped line before the body: a few words to a long line that
does not end with a full stop, not a date, not a byline, not chrome. A line in capitals at the
very top is the masthead, not the title. When nothing fits, the title stays None: it is never
made up. A title the page declares (HTML metadata) is kept; the header lines that repeat it
are dropped as the title.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features
from newscorpus.cleaning.shapes import byline_of, is_dateline_line
from newscorpus.draft import Draft, DraftBlock

__all__ = ["Title", "is_headline"]


def is_headline(block: DraftBlock, language: str | None, settings: Title | None = None) -> bool:
    """Whether a header block has the shape of a headline, by the thresholds of ``settings``
    (the default step's when None)."""
    if settings is None:
        settings = _DEFAULT
    found = features(block.text, language)
    if not settings.min_words <= found.size <= settings.max_words:
        return False
    if found.upper_case and block.index <= settings.masthead_max_position:
        return False
    if found.digit_ratio > settings.max_digit_ratio or found.ends_ellipsis:
        return False
    if block.text.rstrip().endswith((".", "。")):  # a sentence: a standfirst, not a headline
        return False
    return not is_dateline_line(block.text, language) and byline_of(block.text, language) is None


@cleaning_step(origin="builtin")
class Title:
    """Take the headline from the header zone, unless the page declared one."""

    name: str = "title"
    #: A headline has this many words at least ("Le Monde" is a name, not a headline) ...
    min_words: int = tuning.TITLE_MIN_WORDS
    #: ... and at most this many.
    max_words: int = tuning.TITLE_MAX_WORDS
    #: Headlines are words: a line with more digits than this share is a date or a score.
    max_digit_ratio: float = tuning.TITLE_MAX_DIGIT_RATIO
    #: A line in capitals at this position (from 0) or above is the masthead, not the headline.
    masthead_max_position: int = tuning.MASTHEAD_MAX_POSITION
    #: The headline is among the last this many lines above the body.
    search_lines: int = tuning.TITLE_SEARCH_LINES

    def __call__(self, draft: Draft) -> None:
        header = [block for block in draft.iter_kept() if block.zone == "header"]
        if draft.title is not None:  # the page declared it (JSON-LD, OpenGraph...): keep it
            declared = _folded(draft.title)
            for block in header:
                if _folded(block.text) == declared:
                    draft.drop(block, "title", "title.headline")
            return
        for block in reversed(header[-self.search_lines :]):
            if is_headline(block, draft.language, self):
                draft.title = block.text
                draft.drop(block, "title", "title.headline")
                return


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


_DEFAULT = Title()
